// Bulk scheduling: the next session for every active pair of a department.
// Free/busy for all distinct people in the fewest Graph calls, slots assigned
// by the pure allocation (nobody double-booked by the run, fair, deterministic),
// then each booking made idempotently. Runs as a job the program owner polls.
import { randomUUID } from 'node:crypto';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { ScheduleDepartmentRequest, type ScheduleJob } from '../../src/core/api.js';
import {
  allocateSlots,
  type PairToPlace,
  type PersonAvailability,
  type Placement,
} from '../../src/core/scheduling/allocation.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import {
  reverseFocusAreas,
  traditionalFocusAreas,
  type Direction,
  type FocusArea,
  type Pair,
  type Session,
} from '../../src/core/schemas.js';
import { freeBusyAvailability, freeBusyItems } from '../graph/calendar.js';
import type { GraphGateway } from '../graph/client.js';
import { planBatches } from '../graph/batch.js';
import { bookOccurrence, type AgendaSource, type SessionRecorder } from './booking.js';
import { ApiProblem, parseInput, type RouteDeclaration } from './route.js';

/** Where pairs are kept (the program store's Pairs list). */
export interface PairDirectory {
  allPairs(): Promise<Pair[]>;
}

export interface SchedulingDeps {
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

const dayMs = 24 * 3_600_000;

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

/** The run's window: from the next UTC midnight, `days` long. */
export function nextWindow(now: number, days: number): Interval {
  const start = Math.floor(now / dayMs) * dayMs + dayMs;
  return { start, end: start + days * dayMs };
}

/** Pairs whose people belong to the department (either of them), active only. */
export function pairsOfDepartment(pairs: readonly Pair[], department: string): Pair[] {
  const wanted = department.trim().toLowerCase();
  return pairs
    .filter((p) => p.status === 'active' && p.members.some((m) => m.department.trim().toLowerCase() === wanted))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The direction the pair has had less of so far, and a focus area rotating through that direction's list. */
export function nextSessionFocus(
  pairId: string,
  history: readonly Session[],
): { direction: Direction; focusAreas: FocusArea[] } {
  const past = history.filter((s) => s.pairId === pairId && s.status !== 'cancelled');
  const count = (d: Direction) => past.filter((s) => s.direction === d).length;
  const direction: Direction = count('reverse') <= count('traditional') ? 'reverse' : 'traditional';
  const list = direction === 'reverse' ? reverseFocusAreas : traditionalFocusAreas;
  return { direction, focusAreas: [list[count(direction) % list.length]!] };
}

/**
 * Assigns one slot per pair. Pairs are grouped by session length; the slots
 * placed for one group are busy time for the next, so nobody is double-booked
 * across groups either.
 */
export function allocateDepartment(
  pairs: readonly Pair[],
  availability: ReadonlyMap<string, PersonAvailability>,
  window: Interval,
  round: string,
): Placement[] {
  const placedBusy = new Map<string, Interval[]>();
  const out = new Map<string, Placement>();
  for (const duration of [...new Set(pairs.map((p) => p.durationMinutes))].sort((a, b) => b - a)) {
    const group: PairToPlace[] = pairs
      .filter((p) => p.durationMinutes === duration)
      .map((p) => ({ pairId: p.id, people: [p.members[0].mail.toLowerCase(), p.members[1].mail.toLowerCase()] }));
    const peopleOf = new Map(group.map((g) => [g.pairId, g.people]));
    // Only people already placed in an earlier group need a view with those slots added.
    const view =
      placedBusy.size === 0
        ? availability
        : new Map(
            [...availability].map(([who, a]) => [
              who,
              placedBusy.has(who) ? { working: a.working, busy: [...a.busy, ...placedBusy.get(who)!] } : a,
            ]),
          );
    for (const placement of allocateSlots(group, view, window, duration, `${round}:${duration}`)) {
      out.set(placement.pairId, placement);
      if (!placement.slot) continue;
      for (const who of peopleOf.get(placement.pairId)!)
        placedBusy.set(who, [...(placedBusy.get(who) ?? []), placement.slot]);
    }
  }
  return pairs.map((p) => out.get(p.id)!);
}

function describe(err: unknown): string {
  if (err instanceof GraphError) {
    if ([429, 503, 504].includes(err.statusCode))
      return `Microsoft 365 kept throttling the booking past the retry budget (${err.message})`;
    return `Microsoft 365 refused the booking: HTTP ${err.statusCode} ${err.code ?? ''} ${err.message}`.trim();
  }
  return err instanceof Error ? err.message : String(err);
}

export async function scheduleDepartment(
  d: SchedulingDeps,
  department: string,
  options: { dryRun: boolean; onProgress?: (done: { scheduled: number; notScheduled: number; total: number }) => void },
): Promise<DepartmentSchedule> {
  const window = nextWindow(d.now(), d.windowDays ?? 14);
  const pairs = pairsOfDepartment(await d.pairs.allPairs(), department);
  const history = await d.sessions.allSessions();
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

  // A pair already holding a scheduled session in the window keeps it: a rerun books nothing new.
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
  progress();
  if (toPlace.length === 0) return report;

  const mailboxes = [...new Set(toPlace.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())))];
  report.people = mailboxes.length;
  report.freeBusyRequests = planBatches(freeBusyItems(mailboxes, window), d.graph.mailboxGate.perMailbox).length;
  let freeBusy: Awaited<ReturnType<typeof freeBusyAvailability>>;
  try {
    freeBusy = await freeBusyAvailability(d.graph, mailboxes, window, { treatTentativeAsBusy: true });
  } catch (err) {
    // Throttled past the budget: every pair still to place is reported, by id, with why.
    if (!(err instanceof GraphError && [429, 503, 504].includes(err.statusCode))) throw err;
    const reason = `free/busy unavailable: ${describe(err)}`;
    for (const pair of toPlace) report.notScheduled.push({ pairId: pair.id, reason });
    progress();
    return report;
  }
  const { people, unavailable } = freeBusy;
  const placements = allocateDepartment(toPlace, people, window, `${department}:${windowKey}`);

  const byId = new Map(toPlace.map((p) => [p.id, p]));
  const queue = placements.filter((p): p is Placement & { slot: Interval } => {
    if (p.slot) return true;
    const pair = byId.get(p.pairId)!;
    const missing = pair.members
      .filter((m) => unavailable.has(m.mail.toLowerCase()))
      .map((m) => `${m.displayName}: ${unavailable.get(m.mail.toLowerCase())}`);
    report.notScheduled.push({
      pairId: p.pairId,
      reason: missing.length ? `no free/busy (${missing.join('; ')})` : p.reason,
    });
    return false;
  });
  progress();

  if (options.dryRun) {
    for (const p of queue)
      report.scheduled.push({
        pairId: p.pairId,
        start: new Date(p.slot.start).toISOString(),
        end: new Date(p.slot.end).toISOString(),
        sessionId: null,
        eventId: null,
        alreadyBooked: false,
      });
    progress();
    return report;
  }

  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const placement = queue[next++]!;
      const pair = byId.get(placement.pairId)!;
      try {
        const focus = nextSessionFocus(pair.id, history);
        const booked = await bookOccurrence(d.graph, d.sessions, {
          pair,
          occurrence: windowKey,
          slot: placement.slot,
          organizerId: pair.members[0].userId,
          ...focus,
          agenda: await d.agenda(pair, focus.direction, focus.focusAreas, pair.durationMinutes),
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
          d.log.error({ err: err instanceof Error ? err.message : String(err), pairId: pair.id }, 'booking failed');
        report.notScheduled.push({ pairId: pair.id, reason: describe(err) });
      }
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.min(d.bookingParallelism ?? 8, queue.length) }, worker));
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

  start(d: SchedulingDeps, department: string, dryRun: boolean): ScheduleJobView {
    const job: ScheduleJobView = {
      id: randomUUID(),
      department,
      status: 'running',
      total: 0,
      scheduled: 0,
      failed: [],
      dryRun,
      result: null,
      startedAt: new Date(d.now()).toISOString(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    while (this.jobs.size > this.keep) this.jobs.delete(this.jobs.keys().next().value!);
    void scheduleDepartment(d, department, {
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
          finishedAt: new Date(d.now()).toISOString(),
        }),
      (err: unknown) => {
        if (!(err instanceof GraphError))
          d.log.error(
            { err: err instanceof Error ? err.message : String(err), department },
            'department scheduling failed',
          );
        Object.assign(job, {
          status: 'failed',
          failed: [{ pairId: '*', reason: describe(err) }],
          finishedAt: new Date(d.now()).toISOString(),
        });
      },
    );
    return job;
  }

  get(id: string): ScheduleJobView | null {
    return this.jobs.get(id) ?? null;
  }
}

export function schedulingRoutes(d: SchedulingDeps, jobs = new ScheduleJobs()): RouteDeclaration[] {
  return [
    {
      method: 'post',
      path: '/api/program/schedule-department',
      access: 'ProgramOwner',
      summary: 'Schedule the next session for every active pair in a department (a job; poll it)',
      async handle({ body }) {
        const request = parseInput(ScheduleDepartmentRequest, body);
        const job = jobs.start(d, request.department, request.dryRun);
        return { status: 202, headers: { Location: `/api/program/jobs/${job.id}` }, body: job };
      },
    },
    {
      method: 'get',
      path: '/api/program/jobs/:id',
      access: 'ProgramOwner',
      summary: 'Progress and result of a department scheduling job',
      async handle({ params }) {
        const job = jobs.get(params.id!);
        if (!job) throw new ApiProblem(404, 'not_found', `no scheduling job ${params.id}`);
        return { body: job };
      },
    },
  ];
}
