// The one sender of proactive messages, however many app instances run. Each
// tick (a) runs the planners over the window since the last tick, kept in the
// tenant so a restart plans what fell due while it was down (no further back
// than the catch-up window), and enqueues what they return under its key; then
// (b) sends what is due: each item claimed under its eTag (./outbox.ts), sent,
// and recorded, with muted kinds settled unsent.
import type { Logger } from 'pino';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { etagOf } from '../../graph/programStore.js';
import type { ProgramPorts } from '../ports.js';
import { allMutes } from './mutes.js';
import { claim, dueEntries, enqueueMessage, markSent, release, settleAbandoned, type OutboxEntry } from './outbox.js';
import type { DueMessage, DuePlanner, TickWindow } from './types.js';

/** What a send came to. `unknown`: it may have reached Teams (no answer came back), so it is never resent. */
export type SendOutcome =
  | { kind: 'sent'; activityId: string | null }
  | { kind: 'later'; retryAt: number; problem: string }
  | { kind: 'unknown'; problem: string };

/** Sends one message as the bot (./sender.ts); keyed so the channel can tell sends apart. */
export type Deliver = (message: DueMessage, key: string) => Promise<SendOutcome>;

export interface SchedulerOptions {
  planners: readonly DuePlanner[];
  deliver: Deliver;
  /** This instance, written on the items it leases. */
  instanceId: string;
  /** How far back a restart plans what fell due while nobody ran (default 24 h). */
  catchUpMs?: number;
  /** How long a claimant has to send and record (default 2 minutes). */
  leaseMs?: number;
  /** At most this many sends per tick, so a tick stays short; the rest wait for the next (default 200). */
  maxSendsPerTick?: number;
  /** Sends in flight at once (default 8). */
  concurrency?: number;
  /** A send taking longer than this (wall-clock ms, default 60 s) is given up as `unknown`, so one hung call cannot stall the ticks. */
  sendTimeoutMs?: number;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface TickReport {
  window: TickWindow | null;
  planned: number;
  enqueued: number;
  sent: number;
  deferred: number;
  muted: number;
  unconfirmed: number;
  ms: number;
}

export const defaultCatchUpMs = 24 * 3_600_000;
const clockKey = 'lastTick';

type TickPorts = ProgramPorts;

/**
 * The window this tick plans: from the last tick (or `catchUpMs` ago, if that
 * is later) to now. The very first tick of a tenant plans nothing before it
 * started: it only records when it ran.
 */
async function tickWindow(
  ports: TickPorts,
  catchUpMs: number,
): Promise<{ window: TickWindow | null; advance: () => Promise<void> }> {
  const now = ports.now();
  const item = await ports.store.findByKey('SchedulerState', clockKey);
  const last = item ? Date.parse(String(item.fields['Value'])) : NaN;
  const advance = async () => {
    if (!item)
      return void (await ports.store.createOnce('SchedulerState', clockKey, { Value: new Date(now).toISOString() }));
    try {
      // Under the eTag read: an instance that ticked meanwhile keeps its later value.
      await ports.store.patch('SchedulerState', item.id, { Value: new Date(now).toISOString() }, etagOf(item));
    } catch (err) {
      if (!(err instanceof GraphError && err.statusCode === 412)) throw err;
    }
  };
  if (Number.isNaN(last)) return { window: null, advance };
  const from = Math.max(last, now - catchUpMs);
  return { window: from < now ? { from, to: now } : null, advance };
}

async function plan(
  ports: TickPorts,
  options: SchedulerOptions,
  window: TickWindow,
): Promise<{ planned: number; enqueued: number; complete: boolean }> {
  let planned = 0;
  let enqueued = 0;
  let complete = true;
  for (const planner of options.planners) {
    try {
      const messages = await planner.plan(ports, window);
      planned += messages.length;
      for (const message of messages) if ((await enqueueMessage(ports, message)).created) enqueued += 1;
    } catch (err) {
      // The window is planned again next tick (enqueueing is idempotent), up to the catch-up window.
      complete = false;
      options.log?.error(
        { operations: { kinds: planner.kinds, error: err instanceof Error ? err.message : String(err) } },
        'a planner failed; its window is planned again next tick',
      );
    }
  }
  return { planned, enqueued, complete };
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

async function sendOne(
  ports: TickPorts,
  options: SchedulerOptions,
  entry: OutboxEntry,
  report: TickReport,
): Promise<void> {
  const claimed = await claim(ports, entry, { owner: options.instanceId, leaseMs: options.leaseMs ?? 120_000 });
  if (!claimed) return;
  let outcome: SendOutcome;
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.sendTimeoutMs ?? 60_000;
  const gaveUp = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ kind: 'unknown', problem: `no answer from the Bot Connector within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  try {
    outcome = await Promise.race([options.deliver(claimed.message, claimed.key), gaveUp]);
  } catch (err) {
    outcome = { kind: 'unknown', problem: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
  if (outcome.kind === 'sent') {
    if (await markSent(ports, claimed, { activityId: outcome.activityId })) report.sent += 1;
  } else if (outcome.kind === 'later') {
    await release(ports, claimed, { retryAt: outcome.retryAt, problem: outcome.problem });
    report.deferred += 1;
  } else {
    await release(ports, claimed, { state: 'unconfirmed', problem: outcome.problem });
    report.unconfirmed += 1;
    options.log?.warn({ operations: { key: claimed.key, problem: outcome.problem } }, 'send outcome unknown');
  }
}

/** One tick: plan the window since the last tick, then send what is due. */
export async function runTick(ports: TickPorts, options: SchedulerOptions): Promise<TickReport> {
  const started = performance.now();
  const report: TickReport = {
    window: null,
    planned: 0,
    enqueued: 0,
    sent: 0,
    deferred: 0,
    muted: 0,
    unconfirmed: 0,
    ms: 0,
  };
  const { window, advance } = await tickWindow(ports, options.catchUpMs ?? defaultCatchUpMs);
  report.window = window;
  const planning = window ? await plan(ports, options, window) : { planned: 0, enqueued: 0, complete: true };
  report.planned = planning.planned;
  report.enqueued = planning.enqueued;
  if (planning.complete) await advance();

  report.unconfirmed += (await settleAbandoned(ports)).length;
  const isMuted = await allMutes(ports);
  const due = (await dueEntries(ports)).slice(0, options.maxSendsPerTick ?? 200);
  await inPool(due, options.concurrency ?? 8, async (entry) => {
    if (isMuted(entry.message.recipient, entry.message.kind)) {
      if (await release(ports, entry, { state: 'muted', problem: 'muted by the recipient' })) report.muted += 1;
      return;
    }
    await sendOne(ports, options, entry, report);
  });
  report.ms = performance.now() - started;
  return report;
}

export interface RunningScheduler {
  /** Runs a tick now (after the one in progress, if any). */
  tickNow(): Promise<TickReport>;
  stop(): Promise<void>;
}

/** Ticks every `intervalMs`, never two at once in this instance; a failed tick is logged and the next one runs. */
export function startScheduler(ports: TickPorts, options: SchedulerOptions & { intervalMs: number }): RunningScheduler {
  let running: Promise<TickReport | null> = Promise.resolve(null);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = (): Promise<TickReport> => {
    const next = running.then(() => runTick(ports, options));
    running = next.catch((err: unknown) => {
      options.log?.error({ operations: { error: err instanceof Error ? err.message : String(err) } }, 'tick failed');
      return null;
    });
    return next;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick()
        .catch(() => undefined)
        .finally(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    tickNow: tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
