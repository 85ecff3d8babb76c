// Department scheduling as a job any instance can poll and continue. The job
// is a record in the tenant; the instance driving it holds a lease on that
// record (eTag + expiry, renewed while it works). An instance that polls a
// running job whose lease has expired (its driver died) takes the lease and
// resumes: the pairs already decided keep their recorded outcome, the rest are
// booked under the same window, so the same transactionIds (never a second meeting).
import { randomUUID } from 'node:crypto';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { traceJob } from '../telemetry.js';
import {
  finishedFields,
  jobOutcomes,
  jobView,
  leaseFields,
  newJobFields,
  pairOf,
  planFields,
  recordOutcome,
  toJobRecord,
  type JobRecord,
  type JobRecordStore,
  type ScheduleJobView,
} from './departmentJobRecords.js';
import { describe, scheduleDepartment, scheduleWindow, type SchedulingPorts } from './schedulingJobs.js';

export type { ScheduleJobView } from './departmentJobRecords.js';

export interface ScheduleJobsOptions {
  /** How long a lease lasts unrenewed (default 15 s); the driver renews it every third of that. */
  leaseMs?: number;
  /** How long a shutdown waits for bookings under way before giving the leases up (default 10 s). */
  drainMs?: number;
}

const isPreconditionFailed = (err: unknown) => err instanceof GraphError && err.statusCode === 412;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Writes to the job's record one at a time, each conditional on the eTag of the
 * last: a 412 means another instance took the lease, and this one stops driving.
 */
class Lease {
  private chain: Promise<unknown> = Promise.resolve();
  private lost = false;

  constructor(
    private readonly store: JobRecordStore,
    private readonly itemId: string,
    private etag: string,
    private readonly onLost: () => void,
  ) {}

  /** True when written; false when the lease is no longer ours. */
  write(fields: Record<string, unknown>): Promise<boolean> {
    const run = this.chain.then(async () => {
      if (this.lost) return false;
      try {
        this.etag = (await this.store.patch('SchedulingJobs', this.itemId, fields, this.etag)).etag;
        return true;
      } catch (err) {
        if (!isPreconditionFailed(err)) throw err;
        this.lost = true;
        this.onLost();
        return false;
      }
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}

interface Driving {
  stop: AbortController;
  done: Promise<void>;
}

export class ScheduleJobs {
  /** Who this instance is, in the leases it holds. */
  readonly instanceId = randomUUID();
  private readonly driving = new Map<string, Driving>();
  private readonly leaseMs: number;
  private readonly drainMs: number;

  constructor(
    private readonly store: JobRecordStore,
    options: ScheduleJobsOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
    this.drainMs = options.drainMs ?? 10_000;
  }

  async start(ports: SchedulingPorts, department: string, dryRun: boolean): Promise<ScheduleJobView> {
    const now = ports.now();
    const fields = newJobFields({
      department,
      dryRun,
      startedAt: now,
      window: scheduleWindow(ports),
      lease: { owner: this.instanceId, expires: now + this.leaseMs },
    });
    const { item } = await this.store.createOnce('SchedulingJobs', randomUUID(), fields);
    const record = toJobRecord(item);
    this.drive(ports, record);
    return jobView(record, []);
  }

  /** The job as recorded; a running job nobody holds (its driver died) is taken over on the way. */
  async get(ports: SchedulingPorts, id: string): Promise<ScheduleJobView | null> {
    const item = await this.store.findByKey('SchedulingJobs', id);
    if (!item) return null;
    const record = toJobRecord(item);
    if (record.status === 'running' && record.lease.expires <= ports.now() && !this.driving.has(id))
      await this.takeOver(ports, record);
    return jobView(record, await jobOutcomes(this.store, id));
  }

  /** Stops driving (bookings under way finish, bounded) and gives every lease up, so another instance resumes at once. */
  async drain(): Promise<void> {
    const all = [...this.driving.values()];
    for (const d of all) d.stop.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(all.map((d) => d.done)),
      new Promise((r) => (timer = setTimeout(r, this.drainMs))),
    ]);
    clearTimeout(timer);
  }

  private async takeOver(ports: SchedulingPorts, record: JobRecord): Promise<void> {
    try {
      const lease = leaseFields(this.instanceId, ports.now() + this.leaseMs);
      const { etag } = await this.store.patch('SchedulingJobs', record.itemId, lease, record.etag);
      ports.log.info({ jobId: record.id }, 'resuming a department scheduling job whose lease expired');
      this.drive(ports, { ...record, etag });
    } catch (err) {
      // Another instance took it first (412), or the tenant is busy: the next poll tries again.
      if (!isPreconditionFailed(err)) ports.log.warn({ jobId: record.id, err: message(err) }, 'job takeover failed');
    }
  }

  private drive(ports: SchedulingPorts, record: JobRecord): void {
    const stop = new AbortController();
    const lease = new Lease(this.store, record.itemId, record.etag, () => stop.abort());
    const renew = setInterval(
      () =>
        void lease
          .write(leaseFields(this.instanceId, ports.now() + this.leaseMs))
          .catch((err: unknown) => ports.log.warn({ jobId: record.id, err: message(err) }, 'lease renewal failed')),
      Math.max(1, Math.floor(this.leaseMs / 3)),
    );
    renew.unref();
    const done = this.run(ports, record, lease, stop.signal).finally(() => {
      clearInterval(renew);
      this.driving.delete(record.id);
    });
    this.driving.set(record.id, { stop, done });
  }

  private async run(ports: SchedulingPorts, record: JobRecord, lease: Lease, signal: AbortSignal): Promise<void> {
    const span = traceJob('department-scheduling');
    try {
      const decided = new Set((await jobOutcomes(this.store, record.id)).map(pairOf));
      await scheduleDepartment(ports, record.department, {
        dryRun: record.dryRun,
        window: record.window,
        decided,
        signal,
        onOutcome: (o) => recordOutcome(this.store, record.id, o),
        onPlan: async (plan) => void (await lease.write(planFields(plan))),
        onProgress: (counts) => span.progress(counts),
      });
      if (signal.aborted) {
        // Shutting down (or the lease is already someone else's): expire it now so a poll anywhere resumes at once.
        await lease.write(leaseFields('', ports.now()));
        return span.end('handed-over');
      }
      await lease.write(finishedFields('done', ports.now(), null));
      span.end('done');
    } catch (err) {
      if (!(err instanceof GraphError))
        ports.log.error({ err: message(err), department: record.department }, 'department scheduling failed');
      await lease.write(finishedFields('failed', ports.now(), describe(err))).catch(() => undefined);
      span.end('failed');
    }
  }
}

const runners = new WeakMap<JobRecordStore, ScheduleJobs>();

/**
 * The one job runner of an app, keyed by its program store: the routes start
 * and poll jobs through it, and the shutdown (../health.ts) drains it.
 */
export function scheduleJobsFor(store: JobRecordStore, options?: ScheduleJobsOptions): ScheduleJobs {
  let runner = runners.get(store);
  if (!runner) runners.set(store, (runner = new ScheduleJobs(store, options)));
  return runner;
}
