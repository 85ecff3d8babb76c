// Ending a pair cancels its future Teams meetings with a cancellation message
// (Graph event cancel, https://learn.microsoft.com/graph/api/event-cancel),
// tells both people once (a `pair-ended` message in the outbox under its key)
// and keeps the pair's history readable to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevTenantStore } from '../../devtenant/store.js';
import { outboxEntry } from '../../server/program/operations/outbox.js';
import { messageKey } from '../../server/program/operations/types.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { createTestPair } from '../support/pairs.js';

let t: TestApp;
let a: DemoUser;
let b: DemoUser;
let owner: DemoUser;
const pairId = 'pair-ending-test';
const dayMs = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  owner = t.users.find((u) => u.roles.includes('ProgramOwner'))!;
  const people = t.users.filter((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'));
  const zone = people.find((u) => people.filter((v) => v.timeZone === u.timeZone).length >= 2)!.timeZone;
  [a, b] = people.filter((u) => u.timeZone === zone) as [DemoUser, DemoUser];
  await createTestPair(t, pairId, [a, b]);
}, 60_000);
afterAll(() => t?.close());

async function bookAhead(): Promise<{ id: string; eventId: string; organizerId: string; iCalUId: string }> {
  const start = Math.floor(Date.now() / dayMs) * dayMs + 8 * dayMs;
  const found = await t.request(`/api/pairs/${pairId}/slots`, {
    as: a.userPrincipalName,
    body: {
      durationMinutes: 30,
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(start + 5 * dayMs).toISOString(),
    },
  });
  const booked = await t.request(`/api/pairs/${pairId}/sessions`, {
    as: a.userPrincipalName,
    body: {
      start: found.body.suggestions[0].start,
      durationMinutes: 30,
      direction: 'reverse',
      focusAreas: ['leadership'],
      occurrences: 1,
    },
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return booked.body.sessions[0].session;
}

describe('ending a pair', () => {
  it('cancels its future meetings with a message, tells both people once, and keeps the history readable', async () => {
    const session = await bookAhead();
    const eventPath = `/users/${session.organizerId}/events/${encodeURIComponent(session.eventId)}`;
    expect((await t.devTenant.graph('GET', eventPath)).status).toBe(200);

    const ended = await t.request(`/api/pairs/${pairId}`, {
      as: owner.userPrincipalName,
      method: 'PATCH',
      body: { status: 'ended' },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);

    expect((await t.devTenant.graph('GET', eventPath)).status).toBe(404);
    const cancellation = new DevTenantStore(t.devTenant.dataDir).document('eventCancellations', session.iCalUId);
    expect(cancellation?.['comment']).toMatch(/pair has ended/);
    expect((await t.app.services.store.session(session.id))!.status).toBe('cancelled');

    const ports = { store: t.app.services.store, now: () => Date.now() };
    for (const person of [a, b]) {
      const entry = await outboxEntry(ports, messageKey({ kind: 'pair-ended', subject: pairId, recipient: person.id }));
      expect(entry, person.displayName).not.toBeNull();
    }

    const history = await t.request(`/api/pairs/${pairId}/history`, { as: b.userPrincipalName });
    expect(history.status).toBe(200);
    expect(history.body.pair.status).toBe('ended');
    expect(history.body.sessions.map((r: { session: { status: string } }) => r.session.status)).toContain('cancelled');
  });

  it('answers ending it again with the pair, changing nothing', async () => {
    const again = await t.request(`/api/pairs/${pairId}`, {
      as: owner.userPrincipalName,
      method: 'PATCH',
      body: { status: 'ended' },
    });
    expect(again.status).toBe(200);
    expect(again.body.pair.status).toBe('ended');
  });
});
