// JSON $batch with retries of the items that come back 429/503/504, honouring
// each item's Retry-After within a time budget (the SDK retries whole requests,
// not the items inside a batch). Items count against the same per-mailbox gate
// as single requests, so a batch never puts more than the limit on one mailbox.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { GraphGateway } from './client.js';
import { mailboxOf } from './middleware/mailboxConcurrency.js';
import { isRetriableStatus, nextDelayMs } from './middleware/throttlingRetry.js';

export const maxBatchSize = 20;

export interface BatchItem {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. `/users/{id}/calendar/getSchedule`. */
  url: string;
  body?: unknown;
}

export interface BatchItemResult {
  id: string;
  status: number;
  body: unknown;
  /** How many times the item was sent. */
  tries: number;
  /** Still 429/503/504 when the retry budget ran out. */
  throttled: boolean;
  /** For a throttled item: the wait the service asked for last. */
  retryAfterMs: number | null;
}

const BatchResponse = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).nullish(),
      body: z.unknown().optional(),
    }),
  ),
});

export class BatchThrottledError extends Error {
  constructor(
    readonly pending: string[],
    readonly retryAfterSeconds: number,
  ) {
    super(`Microsoft 365 kept throttling ${pending.length} request(s) past the retry budget`);
    this.name = 'BatchThrottledError';
  }
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Splits items into payloads of at most 20 where no mailbox appears more often
 * than the per-mailbox limit, keeping the items' order.
 */
export function planBatches(items: readonly BatchItem[], perMailbox: number, size = maxBatchSize): BatchItem[][] {
  const batches: Array<{ items: BatchItem[]; perBox: Map<string, number> }> = [];
  for (const item of items) {
    const box = mailboxOf(item.url);
    let target = batches.find((b) => b.items.length < size && (!box || (b.perBox.get(box) ?? 0) < perMailbox));
    if (!target) {
      target = { items: [], perBox: new Map() };
      batches.push(target);
    }
    target.items.push(item);
    if (box) target.perBox.set(box, (target.perBox.get(box) ?? 0) + 1);
  }
  return batches.map((b) => b.items);
}

export interface BatchOptions {
  /** How many $batch requests may be in flight at once (default 4). */
  parallel?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sees each final answer as its $batch comes back; what it returns replaces the body kept in the results
 * (return undefined to keep nothing), so a large run holds what the caller extracted, not Graph's JSON.
 */
export type BatchAnswerHandler = (result: BatchItemResult) => unknown;

export class BatchExecutor {
  constructor(
    private readonly gateway: GraphGateway,
    private readonly options: BatchOptions = {},
  ) {}

  /** Runs any number of items; every item gets a result (throttled ones are marked). */
  async run(items: readonly BatchItem[], onAnswer?: BatchAnswerHandler): Promise<Map<string, BatchItemResult>> {
    const ids = new Set<string>();
    for (const i of items) {
      if (ids.has(i.id)) throw new RangeError(`duplicate batch item id ${i.id}`);
      ids.add(i.id);
    }
    const results = new Map<string, BatchItemResult>();
    const batches = planBatches(items, this.gateway.mailboxGate.perMailbox);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        for (const r of await this.runOne(batch)) results.set(r.id, onAnswer ? { ...r, body: onAnswer(r) } : r);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.parallel ?? 4, batches.length) }, worker));
    return results;
  }

  /** Like run, but throws BatchThrottledError when any item stayed throttled. */
  async runAll(items: readonly BatchItem[]): Promise<Map<string, BatchItemResult>> {
    const results = await this.run(items);
    const pending = [...results.values()].filter((r) => r.throttled).map((r) => r.id);
    const waits = [...results.values()].map((r) => r.retryAfterMs ?? 0);
    if (pending.length > 0) throw new BatchThrottledError(pending, Math.max(1, Math.ceil(Math.max(...waits) / 1000)));
    return results;
  }

  /** One payload of at most 20 items, re-sending the throttled ones until they pass or the budget is spent. */
  private async runOne(batch: readonly BatchItem[]): Promise<BatchItemResult[]> {
    const policy = this.gateway.retry;
    const sleep = this.options.sleep ?? sleepMs;
    const started = Date.now();
    const tries = new Map(batch.map((i) => [i.id, 0]));
    const done: BatchItemResult[] = [];
    let pending = [...batch];
    for (let attempt = 0; pending.length > 0; attempt++) {
      const answers = await this.send(pending);
      let wait = 0;
      const again: BatchItem[] = [];
      for (const item of pending) {
        tries.set(item.id, tries.get(item.id)! + 1);
        const answer = answers.get(item.id) ?? {
          status: 502,
          headers: {},
          body: { error: { code: 'missingBatchResponse', message: `the $batch response had no item ${item.id}` } },
        };
        if (isRetriableStatus(answer.status)) {
          again.push(item);
          wait = Math.max(wait, nextDelayMs(answer.headers['retry-after'], attempt, policy));
        } else {
          done.push({
            id: item.id,
            status: answer.status,
            body: answer.body,
            tries: tries.get(item.id)!,
            throttled: false,
            retryAfterMs: null,
          });
        }
      }
      pending = again;
      if (pending.length === 0) break;
      if (attempt >= policy.maxRetries || Date.now() - started + wait > policy.budgetMs) {
        for (const item of pending) {
          const answer = answers.get(item.id)!;
          done.push({
            id: item.id,
            status: answer.status,
            body: answer.body,
            tries: tries.get(item.id)!,
            throttled: true,
            retryAfterMs: nextDelayMs(answer.headers['retry-after'], attempt, policy),
          });
        }
        break;
      }
      await sleep(wait);
    }
    return done;
  }

  /** Sends one $batch holding the items' mailbox slots; a $batch that itself fails marks every item with its status. */
  private async send(
    items: readonly BatchItem[],
  ): Promise<Map<string, { status: number; headers: Record<string, string>; body: unknown }>> {
    const gate = this.gateway.mailboxGate;
    const perBox = new Map<string, number>();
    for (const i of items) {
      const box = mailboxOf(i.url);
      if (box) perBox.set(box, (perBox.get(box) ?? 0) + 1);
    }
    // A fixed order of acquisition keeps concurrent batches from waiting on each other in a cycle.
    const boxes = [...perBox.keys()].sort();
    for (const box of boxes) await gate.acquire(box, perBox.get(box)!);
    try {
      const payload = {
        requests: items.map((i) => ({
          id: i.id,
          method: i.method,
          url: i.url,
          ...(i.body !== undefined ? { body: i.body, headers: { 'Content-Type': 'application/json' } } : {}),
        })),
      };
      let raw: unknown;
      try {
        raw = await this.gateway.client.api('/$batch').post(payload);
      } catch (err) {
        if (!(err instanceof GraphError) || !isRetriableStatus(err.statusCode)) throw err;
        const retryAfter = err.headers?.get('Retry-After') ?? undefined;
        const headers: Record<string, string> = retryAfter ? { 'retry-after': retryAfter } : {};
        return new Map(
          items.map((i) => [
            i.id,
            { status: err.statusCode, headers, body: { error: { code: err.code, message: err.message } } },
          ]),
        );
      }
      const parsed = BatchResponse.parse(raw);
      return new Map(
        parsed.responses.map((r) => [
          r.id,
          {
            status: r.status,
            headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
            body: r.body,
          },
        ]),
      );
    } finally {
      for (const box of boxes) gate.release(box, perBox.get(box)!);
    }
  }
}
