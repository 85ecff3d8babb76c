// Department scheduling jobs as records in the tenant (the SchedulingJobs and
// SchedulingJobPairs lists, server/graph/lists/jobs.ts): list fields to job
// and outcome and back, and the view the program owner polls.
import type { ScheduleJob } from '../../src/core/api.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import { fieldEquals } from '../graph/odata.js';
import { etagOf, type ProgramStore, type StoredItem } from '../graph/programStore.js';
import { str } from '../graph/programRecords.js';
import type { DepartmentSchedule, PairOutcome, PlacedPair, RunPlan } from './schedulingJobs.js';

/** The program store's generic record access: all a job needs. */
export type JobRecordStore = Pick<ProgramStore, 'findByKey' | 'all' | 'createOnce' | 'patch'>;

export type JobStatus = ScheduleJob['status'];

export interface JobRecord {
  itemId: string;
  etag: string;
  id: string;
  department: string;
  dryRun: boolean;
  status: JobStatus;
  startedAt: string;
  finishedAt: string | null;
  window: Interval;
  plan: RunPlan;
  reason: string | null;
  /** The instance driving the job, and until when (ms); a lease past its time is anyone's to take. */
  lease: { owner: string; expires: number };
}

export type ScheduleJobView = ScheduleJob & {
  dryRun: boolean;
  result: DepartmentSchedule | null;
  startedAt: string;
  finishedAt: string | null;
};

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const instant = (v: unknown) => (str(v) ? Date.parse(str(v)) : 0);
const isoOrNull = (v: unknown) => (str(v) ? new Date(str(v)).toISOString() : null);

export function toJobRecord(item: StoredItem): JobRecord {
  const f = item.fields;
  const status = str(f['Status']);
  return {
    itemId: item.id,
    etag: etagOf(item),
    id: str(f['Key']),
    department: str(f['Department']),
    dryRun: f['DryRun'] === true,
    status: status === 'done' || status === 'failed' ? status : 'running',
    startedAt: isoOrNull(f['StartedAt']) ?? new Date(0).toISOString(),
    finishedAt: isoOrNull(f['FinishedAt']),
    window: { start: instant(f['WindowStart']), end: instant(f['WindowEnd']) },
    plan: { total: num(f['Total']), people: num(f['People']), freeBusyRequests: num(f['FreeBusyRequests']) },
    reason: str(f['Reason']) || null,
    lease: { owner: str(f['LeaseOwner']), expires: instant(f['LeaseExpires']) },
  };
}

export const leaseFields = (owner: string, expires: number) => ({
  LeaseOwner: owner,
  LeaseExpires: new Date(expires).toISOString(),
});

export const planFields = (plan: RunPlan) => ({
  Total: plan.total,
  People: plan.people,
  FreeBusyRequests: plan.freeBusyRequests,
});

export function newJobFields(job: {
  department: string;
  dryRun: boolean;
  startedAt: number;
  window: Interval;
  lease: { owner: string; expires: number };
}) {
  return {
    Department: job.department,
    DryRun: job.dryRun,
    Status: 'running',
    StartedAt: new Date(job.startedAt).toISOString(),
    WindowStart: new Date(job.window.start).toISOString(),
    WindowEnd: new Date(job.window.end).toISOString(),
    ...planFields({ total: 0, people: 0, freeBusyRequests: 0 }),
    ...leaseFields(job.lease.owner, job.lease.expires),
  };
}

/** The job's end: its status, and the lease given up (expired at once). */
export const finishedFields = (status: Exclude<JobStatus, 'running'>, at: number, reason: string | null) => ({
  Status: status,
  FinishedAt: new Date(at).toISOString(),
  Reason: reason,
  ...leaseFields('', at),
});

const outcomeKey = (jobId: string, pairId: string) => `${jobId}|${pairId}`;
export const pairOf = (o: PairOutcome) => (o.outcome === 'scheduled' ? o.placed.pairId : o.pairId);

/** Records a pair's outcome once: a second driver deciding the same pair finds the first one's. */
export async function recordOutcome(store: JobRecordStore, jobId: string, o: PairOutcome): Promise<void> {
  const common = { JobId: jobId, PairId: pairOf(o), Outcome: o.outcome };
  await store.createOnce(
    'SchedulingJobPairs',
    outcomeKey(jobId, pairOf(o)),
    o.outcome === 'scheduled'
      ? {
          ...common,
          Start: o.placed.start,
          End: o.placed.end,
          SessionId: o.placed.sessionId,
          EventId: o.placed.eventId,
          AlreadyBooked: o.placed.alreadyBooked,
        }
      : { ...common, Reason: o.reason },
  );
}

function toOutcome(item: StoredItem): PairOutcome {
  const f = item.fields;
  const pairId = str(f['PairId']);
  if (str(f['Outcome']) !== 'scheduled') return { outcome: 'notScheduled', pairId, reason: str(f['Reason']) };
  const placed: PlacedPair = {
    pairId,
    start: new Date(str(f['Start'])).toISOString(),
    end: new Date(str(f['End'])).toISOString(),
    sessionId: str(f['SessionId']) || null,
    eventId: str(f['EventId']) || null,
    alreadyBooked: f['AlreadyBooked'] === true,
  };
  return { outcome: 'scheduled', placed };
}

/** Every pair's outcome recorded so far (the indexed JobId column). */
export async function jobOutcomes(store: JobRecordStore, jobId: string): Promise<PairOutcome[]> {
  return (await store.all('SchedulingJobPairs', fieldEquals('JobId', jobId))).map(toOutcome);
}

/** What the program owner sees: progress while it runs, the full report once done. */
export function jobView(record: JobRecord, outcomes: readonly PairOutcome[]): ScheduleJobView {
  const byPair = (a: { pairId: string }, b: { pairId: string }) => a.pairId.localeCompare(b.pairId);
  const scheduled = outcomes.flatMap((o) => (o.outcome === 'scheduled' ? [o.placed] : [])).sort(byPair);
  const notScheduled = outcomes
    .flatMap((o) => (o.outcome === 'notScheduled' ? [{ pairId: o.pairId, reason: o.reason }] : []))
    .sort(byPair);
  const done = record.status === 'done';
  return {
    id: record.id,
    department: record.department,
    status: record.status,
    total: done ? outcomes.length : record.plan.total,
    scheduled: scheduled.length,
    failed: record.status === 'failed' ? [{ pairId: '*', reason: record.reason ?? 'the job failed' }] : notScheduled,
    dryRun: record.dryRun,
    result: done
      ? {
          department: record.department,
          dryRun: record.dryRun,
          window: {
            start: new Date(record.window.start).toISOString(),
            end: new Date(record.window.end).toISOString(),
          },
          people: record.plan.people,
          freeBusyRequests: record.plan.freeBusyRequests,
          scheduled,
          notScheduled,
        }
      : null,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  };
}
