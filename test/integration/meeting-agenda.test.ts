// Either person of a pair edits their session's agenda before the meeting
// (details tab): If-Match / 412 with the current agenda, bounded and validated
// by field, PHI-guarded, read-only once the meeting started, and another
// pair's session answers 404 without a word of it. Over HTTP against the dev tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaEditLimits } from '../../src/core/agendaEdit.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { createTestPair } from '../support/pairs.js';

let t: TestApp;
let a: DemoUser;
let b: DemoUser;
let outsider: DemoUser;
let upcoming: string;
let started: string;
const pairId = 'pair-agenda-edit';

async function linkedSession(startsInMinutes: number): Promise<string> {
  const start = Date.now() + startsInMinutes * 60_000;
  const created = await t.devTenant.graph('POST', `/users/${a.id}/events`, {
    subject: 'Mentoring',
    start: { dateTime: new Date(start).toISOString().slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: new Date(start + 45 * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    attendees: [{ type: 'required', emailAddress: { address: b.userPrincipalName } }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  });
  expect(created.status).toBe(201);
  const linked = await t.request('/api/sessions/link', {
    as: a.userPrincipalName,
    body: { eventId: created.body.id, pairId, direction: 'reverse', focusAreas: ['technology-adoption'] },
  });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  return linked.body.session.id as string;
}

const agendaPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}/agenda`;
const read = (id: string, as: DemoUser) => t.request(agendaPath(id), { as: as.userPrincipalName });
const edit = (id: string, as: DemoUser, body: unknown, etag?: string) =>
  t.request(agendaPath(id), {
    as: as.userPrincipalName,
    method: 'PUT',
    body,
    headers: etag ? { 'if-match': etag } : {},
  });
const section = (title: string, minutes = 10, items: string[] = []) => ({ title, minutes, items });
const agenda = (...sections: unknown[]) => ({ title: 'Our agenda', sections });

beforeAll(async () => {
  t = await startTestApp();
  const people = t.users.filter((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'));
  [a, b] = people as [DemoUser, DemoUser];
  outsider = people.find((u) => u.id !== a.id && u.id !== b.id)!;
  await createTestPair(t, pairId, [a, b]);
  upcoming = await linkedSession(120);
  started = await linkedSession(-10);
}, 120_000);
afterAll(() => t?.close());

describe("editing a session's agenda before the meeting", () => {
  it('lets either person edit it with the eTag they read, and both see the edit', async () => {
    const first = await read(upcoming, a);
    expect(first.status).toBe(200);
    expect(first.body.editable).toBe(true);
    expect(first.headers.get('etag')).toBe(first.body.etag);
    const saved = await edit(
      upcoming,
      a,
      agenda(section('Check-in', 5), section('Teams tips', 20, ['Tags'])),
      first.body.etag,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.agenda.sections.map((s: { title: string }) => s.title)).toEqual(['Check-in', 'Teams tips']);
    const seen = await read(upcoming, b);
    expect(seen.body.etag).toBe(saved.body.etag);
    const again = await edit(upcoming, b, agenda(section('Check-in', 5), section('Feedback', 15)), seen.body.etag);
    expect(again.status).toBe(200);
    const detail = await t.request(`/api/sessions/${encodeURIComponent(upcoming)}`, { as: a.userPrincipalName });
    expect(String(detail.body.agenda)).toContain('Feedback (15 min)');
  });

  it('answers 412 with the current agenda to a stale or missing eTag, and keeps the saved one', async () => {
    const stale = (await read(upcoming, a)).body.etag;
    const current = await edit(upcoming, b, agenda(section('Newer', 10)), stale);
    expect(current.status).toBe(200);
    for (const etag of [stale, undefined]) {
      const r = await edit(upcoming, a, agenda(section('Older', 10)), etag);
      expect(r.status).toBe(412);
      expect(r.body.error.code).toBe('precondition_failed');
      expect(r.body.error.details.agenda.sections[0].title).toBe('Newer');
      expect(r.body.error.details.etag).toBe(current.body.etag);
    }
  });

  it.each([
    ['no sections', agenda(), 'body.sections'],
    ['an empty title', { title: ' ', sections: [section('x')] }, 'body.title'],
    ['a blank section title', agenda(section('  ')), 'body.sections.0.title'],
    [
      'a long section title',
      agenda(section('x'.repeat(agendaEditLimits.sectionTitleChars + 1))),
      'body.sections.0.title',
    ],
    ['negative minutes', agenda(section('x', -1)), 'body.sections.0.minutes'],
    ['fractional minutes', agenda(section('x', 2.5)), 'body.sections.0.minutes'],
    ['too many items', agenda(section('x', 5, Array(agendaEditLimits.items + 1).fill('i'))), 'body.sections.0.items'],
    ['a long item', agenda(section('x', 5, ['i'.repeat(agendaEditLimits.itemChars + 1)])), 'body.sections.0.items.0'],
    ['too many sections', agenda(...Array(agendaEditLimits.sections + 1).fill(section('x', 1))), 'body.sections'],
    ['more minutes than the meeting', agenda(section('x', 30), section('y', 30)), 'body.sections'],
  ])('answers 400 naming the field for %s, keeping the saved agenda', async (_what, body, field) => {
    const before = await read(upcoming, a);
    const r = await edit(upcoming, a, body, before.body.etag);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.error.field).toBe(field);
    expect((await read(upcoming, a)).body.etag).toBe(before.body.etag);
  });

  it('refuses a patient identifier in an item (422 naming it) unless it is confirmed', async () => {
    const { etag } = (await read(upcoming, a)).body;
    const flagged = agenda(section('Case review', 10, ['Go over MRN 4820193']));
    const r = await edit(upcoming, a, flagged, etag);
    expect(r.status).toBe(422);
    expect(r.body.error.details.findings[0]).toMatchObject({ field: 'sections.0.items.0', kind: 'mrn' });
    const confirmed = await edit(
      upcoming,
      a,
      { ...flagged, phiConfirmations: [{ kind: 'mrn', text: 'MRN 4820193' }] },
      etag,
    );
    expect(confirmed.status).toBe(200);
  });

  it('shows the agenda read-only once the meeting started, and refuses edits (409)', async () => {
    const r = await read(started, b);
    expect(r.status).toBe(200);
    expect(r.body.editable).toBe(false);
    const put = await edit(started, b, agenda(section('Late change', 5)), r.body.etag);
    expect(put.status).toBe(409);
  });

  it("answers 404 for another pair's session, revealing nothing of it", async () => {
    const got = await read(upcoming, outsider);
    const put = await edit(upcoming, outsider, agenda(section('Mine now', 5)), 'whatever');
    expect([got.status, put.status]).toEqual([404, 404]);
    expect(got.text).not.toContain('Newer');
    expect(put.text).not.toContain('Newer');
    expect(got.body).toEqual(put.body);
  });
});
