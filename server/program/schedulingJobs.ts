// Bulk scheduling: the next session for every active pair of a department.
// Free/busy for all distinct people in the fewest Graph calls, slots assigned
// by the pure allocation (nobody double-booked by the run, fair, deterministic),
// then each booking made idempotently. Runs as a job the program owner polls
// (./departmentJobs.ts), or at once from the CLI.
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { Placement } from '../../src/core/scheduling/allocation.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import { planBatches } from '../graph/batch.js';
import { freeBusyItems, freeBusyMinutes } from '../graph/calendar.js';
import type { GraphGateway } from '../graph/client.js';
import type { AgendaSource } from './agenda.js';
import { bookOccurrence, type SessionRecorder } from './booking.js';
import { allocateDepartment, nextSessionFocus, nextWindow, pairsOfDepartment } from './departmentPlan.js';

/** Where pairs are kept (the program store's Pairs list). */
export interface PairDirectory {
  allPairs(): Promise<Pair[]>;
}

export interface SchedulingPorts {
  graph: GraphGateway;
  pairs: PairDirectory;
  sessions: SessionRecorder;
  agenda: AgendaSource;
  now: () => number;
  log: Logger;
  /** How far ahead the run looks for the next session (default 14 days). */
  windowDays?: number;
  /** Bookings in flight at once (the per-mailbox gate still holds each mailbox to its limit). */
  bookingParallelism?: number;
}

export interface PlacedPair {
  pairId: string;
  start: string;
  end: string;
  sessionId: string | null;
  eventId: string | null;
  /** Booked by an earlier run (or an earlier try of this one): nothing new was created. */
  alreadyBooked: boolean;
}

export interface DepartmentSchedule {
  department: string;
  dryRun: boolean;
  window: { start: string; end: string };
  people: number;
  /** $batch requests planned for free/busy (the floor when nothing is throttled). */
  freeBusyRequests: number;
  scheduled: PlacedPair[];
  notScheduled: Array<{ pairId: string; reason: string }>;
}

type Progress = (done: { scheduled: number; notScheduled: number; total: number }) => void;
type PlacedSlot = Placement & { slot: Interval };

/** One pair's outcome in a run: booked (or placed, in a dry run), or why not. */
export type PairOutcome =
  { outcome: 'scheduled'; placed: PlacedPair } | { outcome: 'notScheduled'; pairId: string; reason: string };

/** What the run planned once it knew the pairs and people (recorded on a job so any instance can show it). */
export interface RunPlan {
  total: number;
  people: number;
  freeBusyRequests: number;
}

export interface ScheduleOptions {
  dryRun: boolean;
  onProgress?: Progress;
  /** Pairs an earlier driver of the same run already decided: left alone (their outcome is on record). */
  decided?: ReadonlySet<string>;
  /** Each pair's outcome as soon as it is known (awaited: a job records it before going on). */
  onOutcome?: (outcome: PairOutcome) => Promise<void>;
  onPlan?: (plan: RunPlan) => Promise<void>;
  /** The run's window (a job fixes it when it starts); the next `windowDays` from now otherwise. */
  window?: Interval;
  /** Stops booking more pairs (a booking already under way finishes): the instance is shutting down or lost its lease. */
  signal?: AbortSignal;
}

const isThrottling = (err: unknown) => err instanceof GraphError && [429, 503, 504].includes(err.statusCode);

export function describe(err: unknown): string {
  if (err instanceof GraphError) {
    if (isThrottling(err)) return `Microsoft 365 kept throttling the booking past the retry budget (${err.message})`;
    return `Microsoft 365 refused the booking: HTTP ${err.statusCode} ${err.code ?? ''} ${err.message}`.trim();
  }
  return err instanceof Error ? err.message : String(err);
}

const placed = (slot: Interval, fields: Omit<PlacedPair, 'start' | 'end'>): PlacedPair => ({
  ...fields,
  start: new Date(slot.start).toISOString(),
  end: new Date(slot.end).toISOString(),
});

/** The run's report, and how each outcome reaches it and whoever records outcomes. */
function outcomes(report: DepartmentSchedule, options: ScheduleOptions, total: number) {
  const progress = () =>
    options.onProgress?.({ scheduled: report.scheduled.length, notScheduled: report.notScheduled.length, total });
  const decide = async (o: PairOutcome) => {
    if (o.outcome === 'scheduled') report.scheduled.push(o.placed);
    else report.notScheduled.push({ pairId: o.pairId, reason: o.reason });
    await options.onOutcome?.(o);
    progress();
  };
  return { progress, decide };
}
type Decide = ReturnType<typeof outcomes>['decide'];

/** A pair already holding a scheduled session in the window keeps it: a rerun books nothing new. */
async function keepHeldSessions(pairs: readonly Pair[], history: readonly Session[], window: Interval, decide: Decide) {
  const toPlace: Pair[] = [];
  for (const pair of pairs) {
    const held = history.find(
      (s) =>
        s.pairId === pair.id &&
        s.status === 'scheduled' &&
        Date.parse(s.start) >= window.start &&
        Date.parse(s.start) < window.end,
    );
    if (held)
      await decide({
        outcome: 'scheduled',
        placed: {
          pairId: pair.id,
          start: held.start,
          end: held.end,
          sessionId: held.id,
          eventId: held.eventId,
          alreadyBooked: true,
        },
      });
    else toPlace.push(pair);
  }
  return toPlace;
}

/** The placements that got a slot; the others are decided with why (no free/busy, or the allocation's reason). */
async function placedSlots(
  placements: readonly Placement[],
  byId: ReadonlyMap<string, Pair>,
  unavailable: ReadonlyMap<string, string>,
  decide: Decide,
): Promise<PlacedSlot[]> {
  const queue: PlacedSlot[] = [];
  for (const p of placements) {
    if (p.slot) {
      queue.push(p as PlacedSlot);
      continue;
    }
    const missing = byId
      .get(p.pairId)!
      .members.filter((m) => unavailable.has(m.mail.toLowerCase()))
      .map((m) => `${m.displayName}: ${unavailable.get(m.mail.toLowerCase())}`);
    await decide({
      outcome: 'notScheduled',
      pairId: p.pairId,
      reason: missing.length ? `no free/busy (${missing.join('; ')})` : p.reason,
    });
  }
  return queue;
}

/** Books the placed slots, a few at a time; a failed booking is decided for its pair and the run goes on. */
async function bookPlacements(
  ports: SchedulingPorts,
  queue: readonly PlacedSlot[],
  context: {
    byId: ReadonlyMap<string, Pair>;
    history: readonly Session[];
    occurrence: string;
    decide: Decide;
    signal?: AbortSignal;
  },
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < queue.length && !context.signal?.aborted) {
      const placement = queue[next++]!;
      const pair = context.byId.get(placement.pairId)!;
      let outcome: PairOutcome;
      try {
        const focus = nextSessionFocus(pair.id, context.history);
        const booked = await bookOccurrence(ports.graph, ports.sessions, {
          pair,
          occurrence: context.occurrence,
          slot: placement.slot,
          organizerId: pair.members[0].userId,
          ...focus,
          agenda: await ports.agenda(pair, focus.direction, focus.focusAreas, pair.durationMinutes),
        });
        outcome = {
          outcome: 'scheduled',
          placed: {
            pairId: pair.id,
            start: booked.session.start,
            end: booked.session.end,
            sessionId: booked.session.id,
            eventId: booked.session.eventId,
            alreadyBooked: !booked.created,
          },
        };
      } catch (err) {
        if (!(err instanceof GraphError))
          ports.log.error({ err: err instanceof Error ? err.message : String(err), pairId: pair.id }, 'booking failed');
        outcome = { outcome: 'notScheduled', pairId: pair.id, reason: describe(err) };
      }
      await context.decide(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ports.bookingParallelism ?? 8, queue.length) }, worker));
}

/** The run's window: the next UTC days from `ports.now()` (a resumed job pins `now` to when it started). */
export const scheduleWindow = (ports: Pick<SchedulingPorts, 'now' | 'windowDays'>) =>
  nextWindow(ports.now(), ports.windowDays ?? 14);

export async function scheduleDepartment(
  ports: SchedulingPorts,
  department: string,
  options: ScheduleOptions,
): Promise<DepartmentSchedule> {
  const window = options.window ?? scheduleWindow(ports);
  const pairs = pairsOfDepartment(await ports.pairs.allPairs(), department);
  const history = await ports.sessions.allSessions();
  const windowKey = new Date(window.start).toISOString().slice(0, 10);
  const report: DepartmentSchedule = {
    department,
    dryRun: options.dryRun,
    window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() },
    people: 0,
    freeBusyRequests: 0,
    scheduled: [],
    notScheduled: [],
  };
  const { progress, decide } = outcomes(report, options, pairs.length);
  const undecided = pairs.filter((p) => !options.decided?.has(p.id));
  const toPlace = await keepHeldSessions(undecided, history, window, decide);
  const mailboxes = [...new Set(toPlace.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())))];
  report.people = mailboxes.length;
  report.freeBusyRequests = planBatches(freeBusyItems(mailboxes, window), ports.graph.mailboxGate.perMailbox).length;
  await options.onPlan?.({ total: pairs.length, people: report.people, freeBusyRequests: report.freeBusyRequests });
  progress();
  if (toPlace.length === 0 || options.signal?.aborted) return report;

  let freeBusy: Awaited<ReturnType<typeof freeBusyMinutes>>;
  try {
    freeBusy = await freeBusyMinutes(ports.graph, mailboxes, window, { treatTentativeAsBusy: true });
  } catch (err) {
    // Throttled past the budget: every pair still to place is reported, by id, with why.
    if (!isThrottling(err)) throw err;
    const reason = `free/busy unavailable: ${describe(err)}`;
    for (const pair of toPlace) await decide({ outcome: 'notScheduled', pairId: pair.id, reason });
    return report;
  }
  const byId = new Map(toPlace.map((p) => [p.id, p]));
  const placements = allocateDepartment(toPlace, freeBusy.people, window, `${department}:${windowKey}`);
  const queue = await placedSlots(placements, byId, freeBusy.unavailable, decide);

  if (options.dryRun) {
    for (const p of queue)
      await decide({
        outcome: 'scheduled',
        placed: placed(p.slot, { pairId: p.pairId, sessionId: null, eventId: null, alreadyBooked: false }),
      });
    return report;
  }
  await bookPlacements(ports, queue, { byId, history, occurrence: windowKey, decide, signal: options.signal });
  report.scheduled.sort((a, b) => a.pairId.localeCompare(b.pairId));
  report.notScheduled.sort((a, b) => a.pairId.localeCompare(b.pairId));
  return report;
}
