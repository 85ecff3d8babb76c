// Teams attendance marks sessions held: a session whose Teams meeting both
// people joined is marked held when it ends (before its after-session cards,
// which then are not sent) and the dashboard moves; one person joining marks
// nothing and the cards decide; a report that comes after the cards still
// marks it. Without OnlineMeetingArtifact.Read.All the owner's status names the
// permission once and the cards are sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevTenantStore } from '../../../devtenant/store.js';
import { recordMeetingAttendance, type MeetingJoin } from '../../../devtenant/graph/calendar/attendance.js';
import { programPorts } from '../../../server/api/index.js';
import { defaultPlannerSettings } from '../../../server/program/operations/planning.js';
import { runTick, type Deliver } from '../../../server/program/operations/scheduler.js';
import { sessionLoopPlanner } from '../../../server/program/operations/sessionLoop.js';
import type { DueMessage } from '../../../server/program/operations/types.js';
import { defaultDeliveryHours } from '../../../src/core/sessions/index.js';
import type { Pair, Session } from '../../../src/core/schemas.js';
import type { TestApp } from '../../support/app.js';
import { startAppWithDemoProgram } from '../../support/demoProgram.js';
import { testClock } from '../../support/operations.js';
import { documented, documentedWithout, grant, type Grant } from './grants.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const today = Math.floor(Date.now() / day) * day;
const clock = testClock(today - 9 * day);

let app: TestApp;
let owner: string;
let pair: Pair;
let tenantStore: DevTenantStore;
const delivered: DueMessage[] = [];
const deliver: Deliver = async (message) => {
  delivered.push(message);
  return { kind: 'sent', activityId: null };
};
const settings = { ...defaultPlannerSettings, recipientHours: () => ({ of: async () => defaultDeliveryHours('UTC') }) };
let planner = sessionLoopPlanner(settings);

const ports = () => ({ ...programPorts(app.app.services), now: clock.now });
const tickAt = (ms: number) => {
  clock.set(ms);
  return runTick(ports(), { planners: [planner], instanceId: 'attendance-test', deliver });
};

/** A session of the pair on a Teams meeting the dev tenant made, ending at 12:00 UTC `daysAgo` days ago. */
async function sessionOnTeams(occurrence: string, daysAgo: number): Promise<Session & { joinUrl: string }> {
  const end = today - daysAgo * day + 12 * hour;
  const start = end - 30 * minute;
  const [a, b] = pair.members.map((m) => app.users.find((u) => u.id === m.userId)!);
  const made = await app.devTenant.graph('POST', `/users/${a!.id}/events`, {
    subject: 'Reverse mentoring',
    start: { dateTime: new Date(start).toISOString().slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: new Date(end).toISOString().slice(0, 19), timeZone: 'UTC' },
    attendees: [{ type: 'required', emailAddress: { address: b!.userPrincipalName, name: b!.displayName } }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  });
  expect(made.status).toBe(201);
  const session = {
    id: `${pair.id}~${occurrence}`,
    pairId: pair.id,
    occurrence,
    eventId: made.body.id as string,
    iCalUId: made.body.iCalUId as string,
    organizerId: a!.id,
    direction: 'reverse',
    focusAreas: ['technology-adoption'],
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    status: 'scheduled',
    joinUrl: made.body.onlineMeeting.joinUrl as string,
  } as Session & { joinUrl: string };
  await app.app.services.store.recordSession(session);
  return session;
}

const joined = (session: Session, who: readonly string[]): MeetingJoin[] =>
  who.map((user) => ({ user, joinDateTime: session.start, leaveDateTime: session.end }));

/** Ticks just before the session's end (nothing due yet), then just after it. */
async function tickThroughEnd(session: Session) {
  await tickAt(Date.parse(session.end) - minute);
  return tickAt(Date.parse(session.end) + minute);
}

const loopCardsOf = (session: Session) =>
  delivered.filter((m) => m.kind === 'session-loop' && m.subject === session.id).map((m) => m.recipient);

async function heldOnDashboard(): Promise<number> {
  const from = new Date(today - 20 * day).toISOString().slice(0, 10);
  const to = new Date(today + 8 * day).toISOString().slice(0, 10);
  const r = await app.request(`/api/program/dashboard?from=${from}&to=${to}`, { as: owner });
  expect(r.status).toBe(200);
  const mine = (r.body.dashboards as Array<{ department: string; sessions: { held: { value: number | null } } }>).find(
    (d) => d.department === pair.members[0].department,
  )!;
  return mine.sessions.held.value!;
}

/** Changes the grant (the app restarts); a new planner, as a new instance would have. */
async function regrant(registration: Grant): Promise<void> {
  await grant(app, registration);
  planner = sessionLoopPlanner(settings);
}

beforeAll(async () => {
  const started = await startAppWithDemoProgram();
  app = started.app;
  owner = started.owner;
  await app.app.scheduler?.stop();
  pair = (await app.app.services.store.allPairs()).find(
    (p) => p.status === 'active' && p.members[0].department === p.members[1].department,
  )!;
  tenantStore = new DevTenantStore(app.devTenant.dataDir);
  // The scheduler's clock starts where these tests do.
  await app.app.services.store.upsert('SchedulerState', 'lastTick', { Value: new Date(clock.now()).toISOString() });
}, 120_000);
afterAll(async () => {
  tenantStore?.close();
  await app?.close();
});

describe('Teams attendance', () => {
  it('marks a session both people joined held at its end, sends it no loop cards, and moves the dashboard', async () => {
    const session = await sessionOnTeams('attended', 8);
    recordMeetingAttendance(
      tenantStore,
      session.joinUrl,
      joined(
        session,
        pair.members.map((m) => m.userId),
      ),
    );
    const before = await heldOnDashboard();
    await tickThroughEnd(session);
    expect((await app.app.services.store.session(session.id))?.status).toBe('held');
    expect(loopCardsOf(session)).toEqual([]);
    expect(await heldOnDashboard()).toBe(before + 1);
  });

  it('marks nothing when only one person joined, and both get the after-session card', async () => {
    const session = await sessionOnTeams('one-joined', 7);
    recordMeetingAttendance(tenantStore, session.joinUrl, joined(session, [pair.members[0].userId]));
    await tickThroughEnd(session);
    await tickAt(Date.parse(session.end) + 16 * minute);
    expect((await app.app.services.store.session(session.id))?.status).toBe('scheduled');
    expect(loopCardsOf(session).sort()).toEqual(pair.members.map((m) => m.userId).sort());
  });

  it('marks it held from a report that comes after the cards were sent', async () => {
    const session = await sessionOnTeams('late-report', 6);
    await tickThroughEnd(session);
    expect(loopCardsOf(session)).toHaveLength(2);
    recordMeetingAttendance(
      tenantStore,
      session.joinUrl,
      joined(
        session,
        pair.members.map((m) => m.userId),
      ),
    );
    await tickAt(Date.parse(session.end) + 16 * minute);
    expect((await app.app.services.store.session(session.id))?.status).toBe('held');
  });

  it('without OnlineMeetingArtifact.Read.All names the permission once to the owner and sends the cards', async () => {
    await regrant(documentedWithout('OnlineMeetingArtifact.Read.All'));
    try {
      const first = await sessionOnTeams('denied-1', 5);
      const second = await sessionOnTeams('denied-2', 4);
      for (const s of [first, second])
        recordMeetingAttendance(
          tenantStore,
          s.joinUrl,
          joined(
            s,
            pair.members.map((m) => m.userId),
          ),
        );
      await tickThroughEnd(first);
      await tickThroughEnd(second);
      for (const s of [first, second]) {
        expect((await app.app.services.store.session(s.id))?.status).toBe('scheduled');
        expect(loopCardsOf(s)).toHaveLength(2);
      }
      const status = await app.request('/api/operations/status', { as: owner });
      expect(status.status).toBe(200);
      expect((status.body.problems as Array<{ id: string }>).filter((p) => p.id === 'attendance')).toEqual([
        expect.objectContaining({ permission: 'OnlineMeetingArtifact.Read.All' }),
      ]);
    } finally {
      await regrant(documented);
    }
  });
});
