// The task pane's routes against the app and the dev tenant over HTTP:
// recognizing a meeting as a session, linking one, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';

let app: TestApp;
let a: DemoUser;
let b: DemoUser;
let outsider: DemoUser;
let pairId: string;
let slot = 0;

/** A meeting on `organizer`'s calendar (and the attendees'), on its own day so nothing overlaps. */
async function meeting(
  organizer: DemoUser,
  attendees: DemoUser[],
  minutes = 45,
): Promise<{ organizerEventId: string; iCalUId: string }> {
  const start = new Date(Date.now() + (3 + slot++) * 24 * 3_600_000);
  start.setUTCHours(16, 0, 0, 0);
  const created = await app.devTenant.graph('POST', `/users/${organizer.id}/events`, {
    subject: 'Catch-up',
    body: { contentType: 'html', content: '<p>Mine</p>' },
    start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: new Date(start.getTime() + minutes * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    attendees: attendees.map((u) => ({ type: 'required', emailAddress: { address: u.userPrincipalName } })),
  });
  expect(created.status).toBe(201);
  return { organizerEventId: created.body.id, iCalUId: created.body.iCalUId };
}

/** The attendee's own copy of a meeting (its id differs from the organizer's). */
async function copyOf(user: DemoUser, iCalUId: string): Promise<string> {
  const list = await app.request('/api/meetings', { as: user.userPrincipalName });
  expect(list.status).toBe(200);
  const found = (list.body as Array<{ eventId: string; iCalUId: string }>).find((m) => m.iCalUId === iCalUId);
  if (!found) throw new Error(`${user.userPrincipalName} has no copy of ${iCalUId}`);
  return found.eventId;
}

const link = (as: DemoUser, body: Record<string, unknown>) =>
  app.request('/api/sessions/link', {
    as: as.userPrincipalName,
    body: { direction: 'reverse', focusAreas: ['technology-adoption'], pairId, ...body },
  });

describe('Outlook task pane routes', () => {
  beforeAll(async () => {
    app = await startTestApp();
    const people = app.users.filter((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'));
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
    a = people.find((u) => u.careerStage === 'early')!;
    b = people.find((u) => u.careerStage === 'seasoned' && u.id !== a.id)!;
    outsider = people.find((u) => u.id !== a.id && u.id !== b.id)!;
    const pairs = await app.request('/api/pairs', { as: a.userPrincipalName });
    const existing = (pairs.body as Array<{ pair: { id: string }; partner: { userId: string } }>).find(
      (p) => p.partner.userId === b.id,
    );
    if (existing) pairId = existing.pair.id;
    else {
      const created = await app.request('/api/pairs', {
        as: owner.userPrincipalName,
        body: {
          members: [
            { userId: a.id, careerStage: a.careerStage },
            { userId: b.id, careerStage: b.careerStage },
          ],
          cadence: 'weekly',
          durationMinutes: 45,
        },
      });
      expect(created.status).toBe(201);
      pairId = created.body.pair.id;
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('a plain meeting is not a session; linking makes it one for both people, with the agenda, and marks it', async () => {
    const m = await meeting(a, [b]);
    const before = await app.request(`/api/sessions/by-event?eventId=${encodeURIComponent(m.organizerEventId)}`, {
      as: a.userPrincipalName,
    });
    expect(before.status).toBe(200);
    expect(before.body.match).toBeNull();
    expect(before.body.meeting).toMatchObject({ iCalUId: m.iCalUId, isOrganizer: true, subject: 'Catch-up' });

    const linked = await link(a, { eventId: m.organizerEventId });
    expect(linked.status).toBe(201);
    expect(linked.body.session).toMatchObject({
      pairId,
      iCalUId: m.iCalUId,
      eventId: m.organizerEventId,
      organizerId: a.id,
      status: 'scheduled',
      direction: 'reverse',
    });
    expect(linked.body.agendaHtml).toContain('data-reciprocal-agenda');

    const mine = await app.request(`/api/sessions/by-event?eventId=${encodeURIComponent(m.organizerEventId)}`, {
      as: a.userPrincipalName,
    });
    expect(mine.body.match.session.id).toBe(linked.body.session.id);
    expect(mine.body.meeting.categories).toContain('Reciprocal session');
    // Marking the meeting (a PATCH of categories only) leaves everything else as it was, as in Graph.
    expect(mine.body.meeting.subject, 'PATCH {categories} must not reset the subject').toBe('Catch-up');

    // The attendee's own copy has another id but the same iCalUId.
    const theirs = await copyOf(b, m.iCalUId);
    expect(theirs).not.toBe(m.organizerEventId);
    const attendee = await app.request(`/api/sessions/by-event?eventId=${encodeURIComponent(theirs)}`, {
      as: b.userPrincipalName,
    });
    expect(attendee.status).toBe(200);
    expect(attendee.body.match.session.id).toBe(linked.body.session.id);
    expect(attendee.body.meeting.isOrganizer).toBe(false);

    // The same note route the tab uses works for the linked session.
    const note = await app.request(`/api/sessions/${encodeURIComponent(linked.body.session.id)}/notes/me`, {
      as: b.userPrincipalName,
      method: 'PUT',
      body: {
        taught: 'Framing autonomy versus safety.',
        learned: '',
        actionItems: [],
        focusAreas: ['ethical-reasoning'],
      },
    });
    expect(note.status).toBe(200);

    // Linking again answers the same session; an attendee's link finds the organizer's event id.
    const again = await link(b, { eventId: theirs });
    expect(again.status).toBe(200);
    expect(again.body.session.id).toBe(linked.body.session.id);
  });

  it("an attendee who links a meeting records the organizer's event id", async () => {
    const m = await meeting(a, [b]);
    const linked = await link(b, { eventId: await copyOf(b, m.iCalUId) });
    expect(linked.status).toBe(201);
    expect(linked.body.session).toMatchObject({ eventId: m.organizerEventId, organizerId: a.id });
  });

  it('by iCalUId alone finds the session without a meeting', async () => {
    const m = await meeting(a, [b]);
    await link(a, { eventId: m.organizerEventId });
    const found = await app.request(`/api/sessions/by-event?iCalUId=${encodeURIComponent(m.iCalUId)}`, {
      as: a.userPrincipalName,
    });
    expect(found.body.meeting).toBeNull();
    expect(found.body.match.session.iCalUId).toBe(m.iCalUId);
  });

  it('someone outside the pair sees no session for it, even by iCalUId', async () => {
    const m = await meeting(a, [b]);
    await link(a, { eventId: m.organizerEventId });
    const other = await app.request(`/api/sessions/by-event?iCalUId=${encodeURIComponent(m.iCalUId)}`, {
      as: outsider.userPrincipalName,
    });
    expect(other.status).toBe(200);
    expect(other.body.match).toBeNull();
  });

  it('refuses bad input, naming the field', async () => {
    const none = await app.request('/api/sessions/by-event', { as: a.userPrincipalName });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'invalid_request', field: 'query.eventId' });
    const bad = await link(a, { eventId: 'x', direction: 'sideways' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.direction');
    const noFocus = await link(a, { eventId: 'x', focusAreas: [] });
    expect(noFocus.status).toBe(400);
    expect(noFocus.body.error.field).toBe('body.focusAreas');
  });

  it("an event id from someone else's mailbox is not found on mine", async () => {
    const m = await meeting(a, [b]);
    const r = await app.request(`/api/sessions/by-event?eventId=${encodeURIComponent(m.organizerEventId)}`, {
      as: outsider.userPrincipalName,
    });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    const l = await link(b, { eventId: m.organizerEventId });
    expect(l.status).toBe(404);
  });

  it('refuses a pair I am not in, an organizer outside the pair, a partner not invited, and a meeting too short', async () => {
    const m = await meeting(a, [b]);
    const notMine = await app.request('/api/sessions/link', {
      as: outsider.userPrincipalName,
      body: { eventId: m.organizerEventId, pairId, direction: 'reverse', focusAreas: ['leadership'] },
    });
    expect(notMine.status).toBe(404);
    expect(notMine.body.error.field).toBe('body.pairId');

    const outsiderOrganizes = await meeting(outsider, [a, b]);
    const r1 = await link(a, { eventId: await copyOf(a, outsiderOrganizes.iCalUId) });
    expect(r1.status).toBe(409);
    expect(r1.body.error.message).toMatch(/organizes this meeting/);

    const alone = await meeting(a, [outsider]);
    const r2 = await link(a, { eventId: alone.organizerEventId });
    expect(r2.status).toBe(409);
    expect(r2.body.error.message).toContain(`${b.displayName} is not invited`);

    const short = await meeting(a, [b], 10);
    const r3 = await link(a, { eventId: short.organizerEventId });
    expect(r3.status).toBe(409);
    expect(r3.body.error.message).toMatch(/10 minutes/);
  });

  it('requires a token', async () => {
    expect((await app.request('/api/sessions/by-event?iCalUId=x')).status).toBe(401);
    expect((await app.request('/api/sessions/link', { body: {} })).status).toBe(401);
    expect((await app.request('/api/meetings')).status).toBe(401);
  });
});
