// Bulk scheduling: the next session for every active pair of a department.
// Free/busy for all distinct people in the fewest Graph calls, slots assigned
// by the pure allocation (nobody double-booked by the run, fair, deterministic),
// then each booking made idempotently. Runs as a job the program owner polls,
// or at once from the CLI.
import { randomUUID } from 'node:crypto';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { ScheduleJob } from '../../src/core/api.js';
import type { Placement } from '../../src/core/scheduling/allocation.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import { planBatches } from '../graph/batch.js';
import { freeBusyAvailability, freeBusyItems, type FreeBusyAvailability } from '../graph/calendar.js';
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

const isThrottling = (err: unknown) => err instanceof GraphError && [429, 503, 504].includes(err.statusCode);

function describe(err: unknown): string {
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

/** A pair already holding a scheduled session in the window keeps it: a rerun books nothing new. */
function keepHeldSessions(
  report: DepartmentSchedule,
  pairs: readonly Pair[],
  history: readonly Session[],
  window: Interval,
) {
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
      report.scheduled.push({
        pairId: pair.id,
        start: held.start,
        end: held.end,
        sessionId: held.id,
        eventId: held.eventId,
        alreadyBooked: true,
      });
    else toPlace.push(pair);
  }
  return toPlace;
}

/** The placements that got a slot; the others are reported with why (no free/busy, or the allocation's reason). */
function placedSlots(
  report: DepartmentSchedule,
  placements: readonly Placement[],
  byId: ReadonlyMap<string, Pair>,
  unavailable: FreeBusyAvailability['unavailable'],
): PlacedSlot[] {
  return placements.filter((p): p is PlacedSlot => {
    if (p.slot) return true;
    const missing = byId
      .get(p.pairId)!
      .members.filter((m) => unavailable.has(m.mail.toLowerCase()))
      .map((m) => `${m.displayName}: ${unavailable.get(m.mail.toLowerCase())}`);
    report.notScheduled.push({
      pairId: p.pairId,
      reason: missing.length ? `no free/busy (${missing.join('; ')})` : p.reason,
    });
    return false;
  });
}

/** Books the placed slots, a few at a time; a failed booking is reported for its pair and the run goes on. */
async function bookPlacements(
  ports: SchedulingPorts,
  report: DepartmentSchedule,
  queue: readonly PlacedSlot[],
  context: { byId: ReadonlyMap<string, Pair>; history: readonly Session[]; occurrence: string; progress: () => void },
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const placement = queue[next++]!;
      const pair = context.byId.get(placement.pairId)!;
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
        report.scheduled.push({
          pairId: pair.id,
          start: booked.session.start,
          end: booked.session.end,
          sessionId: booked.session.id,
          eventId: booked.session.eventId,
          alreadyBooked: !booked.created,
        });
      } catch (err) {
        if (!(err instanceof GraphError))
          ports.log.error({ err: err instanceof Error ? err.message : String(err), pairId: pair.id }, 'booking failed');
        report.notScheduled.push({ pairId: pair.id, reason: describe(err) });
      }
      context.progress();
    }
  };
  await Promise.all(Array.from({ length: Math.min(ports.bookingParallelism ?? 8, queue.length) }, worker));
}

export async function scheduleDepartment(
  ports: SchedulingPorts,
  department: string,
  options: { dryRun: boolean; onProgress?: Progress },
): Promise<DepartmentSchedule> {
  const window = nextWindow(ports.now(), ports.windowDays ?? 14);
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
  const progress = () =>
    options.onProgress?.({
      scheduled: report.scheduled.length,
      notScheduled: report.notScheduled.length,
      total: pairs.length,
    });

  const toPlace = keepHeldSessions(report, pairs, history, window);
  progress();
  if (toPlace.length === 0) return report;

  const mailboxes = [...new Set(toPlace.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())))];
  report.people = mailboxes.length;
  report.freeBusyRequests = planBatches(freeBusyItems(mailboxes, window), ports.graph.mailboxGate.perMailbox).length;
  let freeBusy: FreeBusyAvailability;
  try {
    freeBusy = await freeBusyAvailability(ports.graph, mailboxes, window, { treatTentativeAsBusy: true });
  } catch (err) {
    // Throttled past the budget: every pair still to place is reported, by id, with why.
    if (!isThrottling(err)) throw err;
    const reason = `free/busy unavailable: ${describe(err)}`;
    for (const pair of toPlace) report.notScheduled.push({ pairId: pair.id, reason });
    progress();
    return report;
  }
  const byId = new Map(toPlace.map((p) => [p.id, p]));
  const placements = allocateDepartment(toPlace, freeBusy.people, window, `${department}:${windowKey}`);
  const queue = placedSlots(report, placements, byId, freeBusy.unavailable);
  progress();

  if (options.dryRun) {
    for (const p of queue)
      report.scheduled.push(placed(p.slot, { pairId: p.pairId, sessionId: null, eventId: null, alreadyBooked: false }));
    progress();
    return report;
  }
  await bookPlacements(ports, report, queue, { byId, history, occurrence: windowKey, progress });
  report.scheduled.sort((a, b) => a.pairId.localeCompare(b.pairId));
  report.notScheduled.sort((a, b) => a.pairId.localeCompare(b.pairId));
  return report;
}

// ---- the job the program owner starts and polls -----------------------------

export type ScheduleJobView = ScheduleJob & {
  dryRun: boolean;
  result: DepartmentSchedule | null;
  startedAt: string;
  finishedAt: string | null;
};

/** Jobs live in memory while they run and for a while after: progress, not business data. */
export class ScheduleJobs {
  private readonly jobs = new Map<string, ScheduleJobView>();

  constructor(private readonly keep = 200) {}

  start(ports: SchedulingPorts, department: string, dryRun: boolean): ScheduleJobView {
    const job: ScheduleJobView = {
      id: randomUUID(),
      department,
      status: 'running',
      total: 0,
      scheduled: 0,
      failed: [],
      dryRun,
      result: null,
      startedAt: new Date(ports.now()).toISOString(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    while (this.jobs.size > this.keep) this.jobs.delete(this.jobs.keys().next().value!);
    void scheduleDepartment(ports, department, {
      dryRun,
      onProgress: (p) => Object.assign(job, { total: p.total, scheduled: p.scheduled }),
    }).then(
      (result) =>
        Object.assign(job, {
          status: 'done',
          total: result.scheduled.length + result.notScheduled.length,
          scheduled: result.scheduled.length,
          failed: result.notScheduled,
          result,
          finishedAt: new Date(ports.now()).toISOString(),
        }),
      (err: unknown) => {
        if (!(err instanceof GraphError))
          ports.log.error(
            { err: err instanceof Error ? err.message : String(err), department },
            'department scheduling failed',
          );
        Object.assign(job, {
          status: 'failed',
          failed: [{ pairId: '*', reason: describe(err) }],
          finishedAt: new Date(ports.now()).toISOString(),
        });
      },
    );
    return job;
  }

  get(id: string): ScheduleJobView | null {
    return this.jobs.get(id) ?? null;
  }
}
