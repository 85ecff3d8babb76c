// The planners run through a tick loop with an injected clock: 100 pairs over
// 8 simulated weeks in 4 time zones. Every key is planned exactly once (one
// reminder and one loop card per session per person, the meeting chat's two
// cards per session), a silent pair is nudged on day 30, digests are weekly,
// and nothing lands in a recipient's quiet hours.
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramStore } from '../../../server/graph/programStore.js';
import { createDuePlanners } from '../../../server/program/operations/planners.js';
import { messageKey, type DueMessage, type TickWindow } from '../../../server/program/operations/types.js';
import type { ProgramPorts } from '../../../server/program/ports.js';
import type { Pair, Participant, Session } from '../../../src/core/schemas.js';
import { inQuietHours, mayDeliverAt, type DeliveryHours } from '../../../src/core/sessions/index.js';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;
const zones = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney'];
const departments = ['Transplant', 'Pediatrics', 'Care Transitions', 'Utilization Review'];
const t0 = Date.parse('2026-03-02T00:00:00Z'); // a Monday; the US and Europe change clocks inside the run
const end = t0 + 56 * dayMs;
const silentPairs = 10;

const hoursOf = (zone: string): DeliveryHours => ({
  zone,
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
});

function person(i: number): Participant {
  return {
    userId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Person ${i}`,
    mail: `p${i}@example.org`,
    department: departments[i % 4]!,
    careerStage: i % 2 ? 'seasoned' : 'early',
    timeZone: zones[Math.floor(i / 2) % 4]!,
  };
}

interface World {
  pairs: Pair[];
  sessions: Array<Session & { agenda: unknown }>;
  zoneOf: Map<string, string>;
}

/** Pair i meets weekly at 10:00 in its first person's zone on a weekday; the first 10 pairs fall silent after week 1. */
function buildWorld(): World {
  const pairs: Pair[] = [];
  const sessions: World['sessions'] = [];
  const zoneOf = new Map<string, string>();
  for (let i = 0; i < 100; i++) {
    // The two people of a pair live in different zones (person 2i and 2i+3).
    const members = [person(2 * i), person(2 * i + 3)] as [Participant, Participant];
    for (const m of members) zoneOf.set(m.userId, m.timeZone);
    const pair: Pair = {
      id: `pair-sim-${i}`,
      members,
      cadence: 'weekly',
      durationMinutes: 30,
      status: 'active',
      startedOn: new Date(t0 - dayMs).toISOString(),
      endedOn: null,
    };
    pairs.push(pair);
    const weeks = i < silentPairs ? 1 : 8;
    for (let w = 0; w < weeks; w++) {
      const local = DateTime.fromMillis(t0, { zone: members[0].timeZone })
        .startOf('week')
        .plus({ weeks: w, days: 1 + (i % 4), hours: 10 });
      const start = local.toMillis();
      if (start < t0 + 2 * dayMs) continue;
      const occurrence = local.toISODate()!;
      sessions.push({
        id: `${pair.id}~${occurrence}`,
        pairId: pair.id,
        occurrence,
        eventId: `event-${i}-${w}`,
        iCalUId: null,
        organizerId: members[0].userId,
        direction: 'reverse',
        focusAreas: ['technology-adoption'],
        start: new Date(start).toISOString(),
        end: new Date(start + 30 * minuteMs).toISOString(),
        status: 'scheduled',
        joinUrl:
          i % 2
            ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_sim${i}w${w}%40thread.v2/0?context=%7b%7d`
            : null,
        agenda: { title: 'Session', durationMinutes: 30, sections: [{ title: 'Check-in', minutes: 5, items: [] }] },
      } as Session & { agenda: unknown });
    }
  }
  return { pairs, sessions, zoneOf };
}

function fakeStore(world: World): ProgramStore {
  const plain = ({ agenda: _a, ...s }: Session & { agenda: unknown }) => s;
  const store = {
    allPairs: async () => world.pairs,
    pair: async (id: string) => world.pairs.find((p) => p.id === id) ?? null,
    allSessions: async (range?: { from: Date; to: Date }) =>
      world.sessions
        .filter(
          (s) => !range || (Date.parse(s.start) >= range.from.getTime() && Date.parse(s.start) < range.to.getTime()),
        )
        .map(plain),
    session: async (id: string) => world.sessions.find((s) => s.id === id) ?? null,
    sessionsOfPair: async (pairId: string) => world.sessions.filter((s) => s.pairId === pairId),
    notesOfSession: async () => [],
    allTouchpoints: async () => [],
    all: async () => [],
    findByKey: async () => null,
  };
  return store as unknown as ProgramStore;
}

const leads = departments.map((department, i) => ({ userId: person(i).userId, department }));
const ownerId = person(1).userId;

/** Every planner over [t0, end) in 30-minute ticks, with one 5-hour gap (an instance down, caught up in one window). */
async function run(world: World) {
  let now = t0;
  const ports = {
    store: fakeStore(world),
    graph: {},
    teamsAppId: 'app-id',
    now: () => now,
  } as unknown as ProgramPorts;
  const planners = createDuePlanners({
    recipientHours: () => ({ of: async (userId) => hoursOf(world.zoneOf.get(userId) ?? 'UTC') }),
    digestAudience: async () => ({ leads, owners: [ownerId] }),
  });
  const planned = new Map<string, { message: DueMessage; times: number }>();
  const outOfWindow: DueMessage[] = [];
  const gap = { from: t0 + 20 * dayMs, to: t0 + 20 * dayMs + 5 * hourMs };
  for (let from = t0; from < end;) {
    const to = from === gap.from ? gap.to : from + 30 * minuteMs;
    const window: TickWindow = { from, to };
    now = to;
    for (const planner of planners)
      for (const message of await planner.plan(ports, window)) {
        const dueAt = Date.parse(message.dueAt);
        if (dueAt < from || dueAt >= to) outOfWindow.push(message);
        const key = messageKey(message);
        const seen = planned.get(key);
        planned.set(key, { message, times: (seen?.times ?? 0) + 1 });
      }
    from = to;
  }
  return { planned, outOfWindow };
}

let world: World;
let result: Awaited<ReturnType<typeof run>>;
const ofKind = (kind: string) => [...result.planned.values()].filter((p) => p.message.kind === kind);

beforeAll(async () => {
  world = buildWorld();
  result = await run(world);
}, 600_000);

describe('100 pairs over 8 simulated weeks', () => {
  it('plans every key exactly once, inside the window it was planned for', () => {
    expect(result.outOfWindow).toEqual([]);
    expect([...result.planned.values()].filter((p) => p.times !== 1).map((p) => messageKey(p.message))).toEqual([]);
  });

  it('sends exactly one reminder per session per person, 24 h ahead or earlier inside working hours', () => {
    const reminders = ofKind('reminder');
    // Sessions whose reminder fell inside the run (earliest shift: the weekend before).
    const covered = world.sessions.filter((s) => Date.parse(s.start) - 4 * dayMs - 24 * hourMs > t0);
    for (const s of covered)
      for (const m of world.pairs.find((p) => p.id === s.pairId)!.members) {
        const found = reminders.filter((r) => r.message.subject === s.id && r.message.recipient === m.userId);
        expect(found, `${s.id} ${m.userId}`).toHaveLength(1);
        const dueAt = Date.parse(found[0]!.message.dueAt);
        expect(dueAt).toBeLessThanOrEqual(Date.parse(s.start) - 24 * hourMs);
        expect(mayDeliverAt(dueAt, hoursOf(m.timeZone)), `${found[0]!.message.dueAt} in ${m.timeZone}`).toBe(true);
      }
    expect(reminders.length).toBeGreaterThanOrEqual(covered.length * 2);
  });

  it('sends one session-loop card per session per person once it ended, never in quiet hours', () => {
    const loops = ofKind('session-loop');
    const ended = world.sessions.filter((s) => Date.parse(s.end) + 12 * hourMs < end);
    for (const s of ended)
      for (const m of world.pairs.find((p) => p.id === s.pairId)!.members) {
        const found = loops.filter((r) => r.message.subject === s.id && r.message.recipient === m.userId);
        expect(found).toHaveLength(1);
        expect(Date.parse(found[0]!.message.dueAt)).toBeGreaterThanOrEqual(Date.parse(s.end));
      }
    for (const l of loops)
      expect(inQuietHours(Date.parse(l.message.dueAt), world.zoneOf.get(l.message.recipient)!)).toBe(false);
  });

  it('nudges both people of a silent pair on day 30 of silence (its first working hour), and no one else', () => {
    const nudges = ofKind('nudge');
    expect(new Set(nudges.map((n) => n.message.subject.split('|')[0])).size).toBe(silentPairs);
    expect(nudges).toHaveLength(2 * silentPairs);
    for (const n of nudges) {
      const pairId = n.message.subject.split('|')[0]!;
      const last = world.sessions.filter((s) => s.pairId === pairId).at(-1);
      const since = last ? Date.parse(last.end) : t0 - dayMs;
      const silentDays = (Date.parse(n.message.dueAt) - since) / dayMs;
      expect(silentDays).toBeGreaterThanOrEqual(30);
      // Day 30, or the next working day when day 30 is a weekend or its working hours are over.
      expect(silentDays).toBeLessThan(33);
      expect(mayDeliverAt(Date.parse(n.message.dueAt), hoursOf(world.zoneOf.get(n.message.recipient)!))).toBe(true);
    }
  });

  it('sends each lead and the owner one digest a week, Monday morning in their zone', () => {
    for (const lead of leads) {
      const mine = ofKind('digest-lead').filter((d) => d.message.recipient === lead.userId);
      expect(mine).toHaveLength(8);
      for (const d of mine) {
        const local = DateTime.fromISO(d.message.dueAt, { zone: world.zoneOf.get(lead.userId)! });
        expect([local.weekday, local.hour]).toEqual([1, 9]);
      }
    }
    expect(ofKind('digest-owner').filter((d) => d.message.recipient === ownerId)).toHaveLength(8);
  });

  it('puts the agenda into the meeting chat at the start and the note card at the end, once each', () => {
    const withChat = world.sessions.filter((s) => s.joinUrl && Date.parse(s.end) < end);
    for (const s of withChat) {
      const agenda = ofKind('meeting-agenda').filter((m) => m.message.subject === s.id);
      const note = ofKind('meeting-note').filter((m) => m.message.subject === s.id);
      expect(agenda.map((m) => m.message.dueAt)).toEqual([s.start]);
      expect(note.map((m) => m.message.dueAt)).toEqual([s.end]);
      expect(agenda[0]!.message.recipient).toMatch(/^chat:19:meeting_sim.*@thread\.v2$/);
    }
    const noteCard = JSON.stringify(ofKind('meeting-note')[0]!.message.card);
    expect(noteCard).not.toContain('Action.Execute');
  });
});
