// A session's life over HTTP against the dev tenant: it keeps its meeting's
// time after a crash, follows the status state machine (cancelling removes the
// Teams meeting), moves only to a future time both people are free, and the
// owner's views carry no note text (action items) while templates pass the PHI guard.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionEvent, transactionIdFor } from '../../server/graph/calendar.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { createTestPair } from '../support/pairs.js';

let t: TestApp;
let a: DemoUser;
let b: DemoUser;
let owner: DemoUser;
const pairId = 'pair-lifecycle-test';
const dayMs = 24 * 3_600_000;
const enc = encodeURIComponent;
type Slot = { start: string; end: string };

beforeAll(async () => {
  t = await startTestApp();
  owner = t.users.find((u) => u.roles.includes('ProgramOwner'))!;
  const people = t.users.filter((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'));
  const zone = people.find((u) => people.filter((v) => v.timeZone === u.timeZone).length >= 2)!.timeZone;
  [a, b] = people.filter((u) => u.timeZone === zone) as [DemoUser, DemoUser];
  await createTestPair(t, pairId, [a, b]);
}, 60_000);
afterAll(() => t?.close());

async function slots(fromDays: number, days: number): Promise<Slot[]> {
  const start = Math.floor(Date.now() / dayMs) * dayMs + fromDays * dayMs;
  const res = await t.request(`/api/pairs/${pairId}/slots`, {
    as: a.userPrincipalName,
    body: {
      durationMinutes: 30,
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(start + days * dayMs).toISOString(),
      maxSuggestions: 50,
    },
  });
  expect(res.status).toBe(200);
  return res.body.suggestions;
}

async function book(start: string, direction = 'reverse') {
  const res = await t.request(`/api/pairs/${pairId}/sessions`, {
    as: a.userPrincipalName,
    body: { start, durationMinutes: 30, direction, focusAreas: ['leadership'], occurrences: 1 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.sessions[0].session as { id: string; eventId: string; organizerId: string } & Slot;
}

const eventOf = (organizerId: string, eventId: string) =>
  t.devTenant.graph('GET', `/users/${organizerId}/events/${enc(eventId)}`);

describe('a session keeps its meeting', () => {
  it('records the time of the meeting created before a crash, not the slot planned on the rerun', async () => {
    const found = await slots(9, 5);
    const day = (s: Slot) => DateTime.fromISO(s.start, { zone: a.timeZone }).toISODate();
    const earlier = found[0]!;
    const later = found.find((s) => day(s) === day(earlier) && Date.parse(s.start) >= Date.parse(earlier.end))!;
    expect(later).toBeDefined();
    // The first run made the meeting at `earlier`, then died before recording the session.
    const event = await createSessionEvent(t.app.services.graph.client, {
      organizerId: a.id,
      attendees: [a, b].map((u) => ({ address: u.userPrincipalName, name: u.displayName })),
      subject: 'Reciprocal',
      html: '<p>agenda</p>',
      start: Date.parse(earlier.start),
      end: Date.parse(earlier.end),
      pairId,
      occurrence: day(later)!,
      transactionId: transactionIdFor(pairId, day(later)!),
    });
    const session = await book(later.start);
    expect(session.eventId).toBe(event.id);
    expect(Date.parse(session.start)).toBe(Date.parse(earlier.start));
    expect(Date.parse(session.end)).toBe(Date.parse(earlier.end));
    expect(Date.parse((await t.app.services.store.session(session.id))!.start)).toBe(Date.parse(earlier.start));
  });
});

describe('session status', () => {
  let session: Awaited<ReturnType<typeof book>>;
  beforeAll(async () => {
    session = await book((await slots(16, 5))[0]!.start);
  }, 30_000);
  const status = (to: string, as = a.userPrincipalName) =>
    t.request(`/api/sessions/${enc(session.id)}/status`, { as, body: { status: to } });

  it('refuses to mark a session held before it starts, with 409 naming both statuses', async () => {
    const res = await status('held');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toMatch(/held/);
    expect((await t.app.services.store.session(session.id))!.status).toBe('scheduled');
  });

  it('cancelling through the status route removes the Teams meeting from the calendars', async () => {
    expect((await eventOf(session.organizerId, session.eventId)).status).toBe(200);
    const res = await status('cancelled');
    expect(res.status).toBe(200);
    expect(res.body.session.status).toBe('cancelled');
    expect((await eventOf(session.organizerId, session.eventId)).status).toBe(404);
  });

  it('keeps a cancelled session cancelled: back to scheduled or held is a 409 naming from and to', async () => {
    for (const to of ['scheduled', 'held', 'no-show']) {
      const res = await status(to);
      expect(res.status, to).toBe(409);
      expect(res.body.error.message).toContain('cancelled');
      expect(res.body.error.message).toContain(to);
    }
    expect((await t.app.services.store.session(session.id))!.status).toBe('cancelled');
    const again = await t.request(`/api/sessions/${enc(session.id)}`, { as: a.userPrincipalName, method: 'DELETE' });
    expect(again.status).toBe(204);
  });

  it('lets a held session be corrected to no-show, never back to scheduled, and never cancelled', async () => {
    const past = Date.now() - 3 * dayMs;
    const stored = (await t.app.services.store.session(session.id))!;
    const held = {
      ...stored,
      id: `${pairId}~held`,
      occurrence: 'held',
      eventId: null,
      status: 'held' as const,
      start: new Date(past).toISOString(),
      end: new Date(past + 30 * 60_000).toISOString(),
    };
    await t.app.services.store.recordSession(held);
    const path = `/api/sessions/${enc(held.id)}/status`;
    expect((await t.request(path, { as: b.userPrincipalName, body: { status: 'no-show' } })).body.session.status).toBe(
      'no-show',
    );
    expect((await t.request(path, { as: b.userPrincipalName, body: { status: 'scheduled' } })).status).toBe(409);
    const del = await t.request(`/api/sessions/${enc(held.id)}`, { as: a.userPrincipalName, method: 'DELETE' });
    expect(del.status).toBe(409);
    expect((await t.app.services.store.session(held.id))!.status).toBe('no-show');
  });
});

describe('moving a session', () => {
  let session: Awaited<ReturnType<typeof book>>;
  beforeAll(async () => {
    session = await book((await slots(23, 5))[0]!.start);
  }, 30_000);
  const move = (start: string) =>
    t.request(`/api/sessions/${enc(session.id)}`, { as: b.userPrincipalName, method: 'PATCH', body: { start } });

  it('refuses a start in the past with 400 naming body.start', async () => {
    const res = await move(new Date(Date.now() - dayMs).toISOString());
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('body.start');
  });

  it('refuses a time when one of them is busy with 409 no_common_time and the reason', async () => {
    const other = await book((await slots(30, 5))[0]!.start);
    const res = await move(other.start);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_common_time');
    expect(res.body.error.message).toMatch(/busy/);
    const event = (await eventOf(session.organizerId, session.eventId)).body;
    expect(Date.parse(`${event.start.dateTime}Z`)).toBe(Date.parse(session.start));
  });

  it('refuses a time outside working hours', async () => {
    const night = DateTime.fromISO(session.start, { zone: a.timeZone }).set({ hour: 3, minute: 0 }).plus({ days: 1 });
    const res = await move(night.toUTC().toISO()!);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/working hours/);
  });

  it('moves to a time both are free, even overlapping its own old time', async () => {
    const to = new Date(Date.parse(session.start) + 15 * 60_000).toISOString();
    const res = await move(to);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.session.id).toBe(session.id);
    expect(res.body.session.status).toBe('scheduled');
    const event = (await eventOf(session.organizerId, session.eventId)).body;
    expect(Date.parse(`${event.start.dateTime}Z`)).toBe(Date.parse(to));
  });
});

describe("the pair's summary", () => {
  it('counts only held sessions in "direction so far", not bookings ahead', async () => {
    const first = await t.request(`/api/pairs/${pairId}`, { as: a.userPrincipalName });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = first.body.balance;
    await book((await slots(37, 5))[0]!.start, 'traditional');
    const after = (await t.request(`/api/pairs/${pairId}`, { as: a.userPrincipalName })).body.balance;
    expect(after).toEqual(before);
  });

  it("gives the program owner no action-item text in /api/program/pairs, while the pair's people keep theirs", async () => {
    const sentinel = 'SENTINEL-ACTION-ITEM-5f2c';
    const past = Date.now() - 2 * dayMs;
    const last = {
      id: `${pairId}~past`,
      pairId,
      occurrence: 'past',
      eventId: null,
      iCalUId: null,
      organizerId: a.id,
      direction: 'reverse' as const,
      focusAreas: [],
      start: new Date(past).toISOString(),
      end: new Date(past + 30 * 60_000).toISOString(),
      status: 'held' as const,
      joinUrl: null,
    };
    await t.app.services.store.recordSession(last);
    const saved = await t.request(`/api/sessions/${enc(last.id)}/notes/me`, {
      as: a.userPrincipalName,
      method: 'PUT',
      body: { taught: 'x', learned: 'y', actionItems: [{ id: 'ai-1', text: sentinel, done: false }], focusAreas: [] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const mine = await t.request(`/api/pairs/${pairId}`, { as: a.userPrincipalName });
    expect(JSON.stringify(mine.body.openActionItems)).toContain(sentinel);
    const all = await t.request('/api/program/pairs', { as: owner.userPrincipalName });
    expect(all.status).toBe(200);
    expect(all.text).not.toContain(sentinel);
  });
});

describe('agenda templates', () => {
  it('refuses templates holding a medical record number with 422 naming the field, and saves them once confirmed', async () => {
    const got = await t.request('/api/program/agenda-templates', { as: owner.userPrincipalName });
    expect(got.status, got.text).toBe(200);
    const current = got.body;
    const prompt = 'Review the chart for MRN 48213377 together.';
    const edited = { ...current, checkIn: { ...current.checkIn, prompts: [prompt] } };
    const refused = await t.request('/api/program/agenda-templates', {
      as: owner.userPrincipalName,
      method: 'PUT',
      body: edited,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe('phi_unconfirmed');
    const findings = refused.body.error.details.findings as Array<{ field: string; kind: string; text: string }>;
    expect(findings.map((f) => f.field)).toContain('checkIn.prompts.0');
    const unchanged = (await t.request('/api/program/agenda-templates', { as: owner.userPrincipalName })).body;
    expect(unchanged).toEqual(current);
    const confirmed = await t.request('/api/program/agenda-templates', {
      as: owner.userPrincipalName,
      method: 'PUT',
      body: { ...edited, phiConfirmations: findings.map((f) => ({ kind: f.kind, text: f.text })) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.checkIn.prompts).toEqual([prompt]);
  });
});
