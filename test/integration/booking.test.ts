// Booking a pair's sessions through the API, seen from the calendars in the
// dev tenant: one event per occurrence, a repeat creates nothing, reschedule and
// cancel touch that same event, throttling and no common time answer clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pair, Participant } from '../../src/core/schemas.js';
import { transactionIdFor } from '../../server/graph/calendar.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';

let t: TestApp;
let a: DemoUser;
let b: DemoUser;
let outsider: DemoUser;
let owner: DemoUser;
const pairId = 'pair-booking-test';
const dayMs = 24 * 3_600_000;

type EventView = {
  id: string;
  iCalUId: string;
  transactionId: string | null;
  start: { dateTime: string };
  subject: string;
  categories: string[];
};
async function eventsOf(userId: string): Promise<EventView[]> {
  const from = new Date(Date.now() - dayMs).toISOString();
  const to = new Date(Date.now() + 70 * dayMs).toISOString();
  const res = await t.devTenant.graph(
    'GET',
    `/users/${userId}/calendarView?startDateTime=${from}&endDateTime=${to}&$top=1000`,
  );
  expect(res.status).toBe(200);
  return res.body.value as EventView[];
}
/** The pair's meetings on one calendar (organizer's copy or attendee's), by the iCalUId they share. */
const ours = (events: EventView[]) => events.filter((e) => booked.has(e.iCalUId));
const booked = new Set<string>();

beforeAll(async () => {
  t = await startTestApp();
  owner = t.users.find((u) => u.roles.includes('ProgramOwner'))!;
  const participants = t.users.filter((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'));
  const zone = participants.find((u) => participants.filter((v) => v.timeZone === u.timeZone).length >= 3)!.timeZone;
  [a, b, outsider] = participants.filter((u) => u.timeZone === zone) as [DemoUser, DemoUser, DemoUser];
  const p = (u: DemoUser): Participant => ({
    userId: u.id,
    displayName: u.displayName,
    mail: u.userPrincipalName,
    department: u.department,
    careerStage: u.careerStage,
    timeZone: u.timeZone,
  });
  const members = [p(a), p(b)].sort((x, y) => x.userId.localeCompare(y.userId)) as [Participant, Participant];
  const pair: Pair = {
    id: pairId,
    members,
    cadence: 'weekly',
    durationMinutes: 30,
    status: 'active',
    startedOn: new Date().toISOString(),
    endedOn: null,
  };
  await t.app.services.store.createPair(pair);
}, 60_000);
afterAll(() => t?.close());

function window(days = 14) {
  const start = Math.floor(Date.now() / dayMs) * dayMs + 2 * dayMs;
  return { windowStart: new Date(start).toISOString(), windowEnd: new Date(start + days * dayMs).toISOString() };
}

describe("booking a pair's sessions", () => {
  let sessions: Array<{
    session: {
      id: string;
      eventId: string;
      iCalUId: string;
      occurrence: string;
      start: string;
      end: string;
      organizerId: string;
    };
  }>;

  it('suggests slots to the pair and the program owner only', async () => {
    const mine = await t.request(`/api/pairs/${pairId}/slots`, {
      as: a.userPrincipalName,
      body: { durationMinutes: 30, ...window() },
    });
    expect(mine.status).toBe(200);
    expect(mine.body.suggestions.length).toBeGreaterThan(0);
    expect(
      (
        await t.request(`/api/pairs/${pairId}/slots`, {
          as: owner.userPrincipalName,
          body: { durationMinutes: 30, ...window() },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.request(`/api/pairs/${pairId}/slots`, {
          as: outsider.userPrincipalName,
          body: { durationMinutes: 30, ...window() },
        })
      ).status,
    ).toBe(404);
  });

  it('books three weekly occurrences: one Teams meeting each, on both calendars', async () => {
    const slots = await t.request(`/api/pairs/${pairId}/slots`, {
      as: a.userPrincipalName,
      body: { durationMinutes: 30, ...window(7) },
    });
    t.devTenant.resetStats();
    const result = await t.request(`/api/pairs/${pairId}/sessions`, {
      as: a.userPrincipalName,
      body: {
        start: slots.body.suggestions[0].start,
        durationMinutes: 30,
        direction: 'reverse',
        focusAreas: ['technology-adoption'],
        occurrences: 3,
      },
    });
    expect(result.status).toBe(201);
    sessions = result.body.sessions;
    expect(sessions).toHaveLength(3);
    for (const { session } of sessions) booked.add(session.iCalUId);
    expect(t.devTenant.stats().byKind['events.create']).toBe(3);
    const organizerEvents = ours(await eventsOf(sessions[0]!.session.organizerId));
    for (const e of organizerEvents) {
      expect(e.categories).toEqual(['Reciprocal session']);
      expect(e.subject).toContain(a.displayName);
    }
    for (const { session } of sessions) {
      expect(
        organizerEvents
          .filter((e) => e.transactionId === transactionIdFor(pairId, session.occurrence))
          .map((e) => e.id),
      ).toEqual([session.eventId]);
    }
    expect(ours(await eventsOf(b.id === sessions[0]!.session.organizerId ? a.id : b.id))).toHaveLength(3);
  });

  it('booking the same occurrences again creates nothing new', async () => {
    t.devTenant.resetStats();
    const again = await t.request(`/api/pairs/${pairId}/sessions`, {
      as: a.userPrincipalName,
      body: {
        start: sessions[0]!.session.start,
        durationMinutes: 30,
        direction: 'reverse',
        focusAreas: ['technology-adoption'],
        occurrences: 3,
      },
    });
    expect(again.status).toBe(201);
    expect(
      again.body.sessions.map((s: { session: { id: string; eventId: string } }) => [s.session.id, s.session.eventId]),
    ).toEqual(sessions.map((s) => [s.session.id, s.session.eventId]));
    expect(t.devTenant.stats().byKind['events.create'] ?? 0).toBe(0);
    expect(ours(await eventsOf(sessions[0]!.session.organizerId))).toHaveLength(3);
  });

  it('rescheduling moves the same event', async () => {
    const { session } = sessions[1]!;
    // A move must land where both are free (the move checks free/busy): take a suggested slot a day or more later.
    const free = await t.request(`/api/pairs/${pairId}/slots`, {
      as: b.userPrincipalName,
      body: {
        durationMinutes: 30,
        windowStart: new Date(Date.parse(session.start) + dayMs).toISOString(),
        windowEnd: new Date(Date.parse(session.start) + 4 * dayMs).toISOString(),
      },
    });
    const newStart = free.body.suggestions[0].start as string;
    const moved = await t.request(`/api/sessions/${encodeURIComponent(session.id)}`, {
      as: b.userPrincipalName,
      method: 'PATCH',
      body: { start: newStart },
    });
    expect(moved.status).toBe(200);
    const event = ours(await eventsOf(session.organizerId)).find((e) => e.id === session.eventId)!;
    expect(Date.parse(`${event.start.dateTime}Z`)).toBe(Date.parse(newStart));
    expect(ours(await eventsOf(session.organizerId))).toHaveLength(3);
  });

  it('cancelling deletes that event from both calendars and marks the session cancelled', async () => {
    const { session } = sessions[2]!;
    const cancelled = await t.request(`/api/sessions/${encodeURIComponent(session.id)}`, {
      as: a.userPrincipalName,
      method: 'DELETE',
    });
    expect(cancelled.status).toBe(204);
    expect(ours(await eventsOf(session.organizerId)).map((e) => e.id)).not.toContain(session.eventId);
    expect(ours(await eventsOf(a.id))).toHaveLength(2);
    expect(ours(await eventsOf(b.id))).toHaveLength(2);
    expect((await t.app.services.store.session(session.id))!.status).toBe('cancelled');
  });

  it('answers 503 throttled with Retry-After when Microsoft 365 throttles past the retry budget', async () => {
    // A Retry-After longer than the whole budget: the gateway gives up at once instead of waiting.
    t.devTenant.setFaults({ probability429: 1, retryAfterSeconds: 31 });
    try {
      const res = await t.request(`/api/pairs/${pairId}/slots`, {
        as: a.userPrincipalName,
        body: { durationMinutes: 30, ...window() },
      });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('throttled');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      t.devTenant.setFaults({ probability429: 0, retryAfterSeconds: 1 });
    }
  });
});
