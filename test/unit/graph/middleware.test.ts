import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { MailboxGate, mailboxOf } from '../../../server/graph/middleware/mailboxConcurrency.js';
import {
  retryAfterMs,
  ThrottlingRetryHandler,
  throttledErrorCode,
} from '../../../server/graph/middleware/throttlingRetry.js';
import { pathTemplate } from '../../../server/graph/middleware/tracing.js';
import { planBatches, type BatchItem } from '../../../server/graph/batch.js';

/** The far end of the chain: answers each try with the next scripted status. */
class ScriptedUpstream implements Middleware {
  tries = 0;
  constructor(private readonly script: Array<{ status: number; retryAfter?: string }>) {}
  setNext(): void {}
  async execute(context: Context): Promise<void> {
    const step = this.script[Math.min(this.tries++, this.script.length - 1)]!;
    context.response = new Response(JSON.stringify({ ok: step.status < 400 }), {
      status: step.status,
      headers: step.retryAfter ? { 'Retry-After': step.retryAfter } : {},
    });
  }
}

/** A clock that moves only when the retrier sleeps; records the waits. */
function fakeClock() {
  let t = 0;
  const waits: number[] = [];
  return { waits, clock: { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)) } };
}

function run(handler: ThrottlingRetryHandler): Promise<Context> {
  const context: Context = {
    request: 'https://graph.example/v1.0/users/0f2c4a3e-1111-4222-8333-444455556666/events',
    options: { method: 'POST' },
  };
  return handler.execute(context).then(() => context);
}

describe('retry-after parsing', () => {
  it.each([
    ['2', 2000],
    ['0', 0],
    ['0.5', 500],
    [null, null],
    ['soon', null],
  ])('reads %s as %s ms', (value, expected) => expect(retryAfterMs(value)).toBe(expected));

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(retryAfterMs('Mon, 02 Mar 2026 10:00:07 GMT', now)).toBe(7000);
  });
});

describe('throttling retry middleware', () => {
  it.each([429, 503, 504])('retries %i and waits what Retry-After says', async (status) => {
    const { waits, clock } = fakeClock();
    const upstream = new ScriptedUpstream([{ status, retryAfter: '3' }, { status, retryAfter: '1' }, { status: 200 }]);
    const handler = new ThrottlingRetryHandler({ maxRetries: 5, budgetMs: 60_000, baseDelayMs: 10 }, clock);
    handler.setNext(upstream);
    const context = await run(handler);
    expect(context.response!.status).toBe(200);
    expect(upstream.tries).toBe(3);
    expect(waits).toEqual([3000, 1000]);
  });

  it('backs off exponentially when there is no Retry-After', async () => {
    const { waits, clock } = fakeClock();
    const upstream = new ScriptedUpstream([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 200 }]);
    const handler = new ThrottlingRetryHandler({ maxRetries: 5, budgetMs: 60_000, baseDelayMs: 100 }, clock);
    handler.setNext(upstream);
    await run(handler);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('does not retry other failures', async () => {
    const upstream = new ScriptedUpstream([{ status: 500 }]);
    const handler = new ThrottlingRetryHandler({ maxRetries: 5, budgetMs: 60_000, baseDelayMs: 1 }, fakeClock().clock);
    handler.setNext(upstream);
    expect((await run(handler)).response!.status).toBe(500);
    expect(upstream.tries).toBe(1);
  });

  it('gives up when the next wait would pass the budget, with a message saying so', async () => {
    const upstream = new ScriptedUpstream([{ status: 429, retryAfter: '20' }]);
    const handler = new ThrottlingRetryHandler({ maxRetries: 10, budgetMs: 30_000, baseDelayMs: 1 }, fakeClock().clock);
    handler.setNext(upstream);
    const context = await run(handler);
    expect(upstream.tries).toBe(2); // waited 20 s once; a second 20 s wait would pass the 30 s budget
    const body = (await context.response!.json()) as { error: { code: string; message: string } };
    expect(context.response!.status).toBe(429);
    expect(context.response!.headers.get('Retry-After')).toBe('20');
    expect(body.error.code).toBe(throttledErrorCode);
    expect(body.error.message).toContain('POST /v1.0/users/{id}/events');
    expect(body.error.message).toMatch(/gave up after 2 tries/);
  });

  it('gives up after the most retries allowed', async () => {
    const upstream = new ScriptedUpstream([{ status: 503, retryAfter: '0' }]);
    const handler = new ThrottlingRetryHandler({ maxRetries: 3, budgetMs: 60_000, baseDelayMs: 1 }, fakeClock().clock);
    handler.setNext(upstream);
    expect((await run(handler)).response!.status).toBe(503);
    expect(upstream.tries).toBe(4);
  });
});

describe('mailbox gate', () => {
  it('finds the mailbox of calendar requests only', () => {
    expect(mailboxOf('/users/Ana@Contoso.com/calendar/getSchedule')).toBe('ana@contoso.com');
    expect(mailboxOf('https://h/v1.0/users/abc/events/xyz')).toBe('abc');
    expect(mailboxOf('/users/abc/calendarView?startDateTime=1')).toBe('abc');
    expect(mailboxOf('/users/abc/manager')).toBeNull();
    expect(mailboxOf('/$batch')).toBeNull();
  });

  it('never lets more than the limit through for one mailbox, and frees others independently', async () => {
    const gate = new MailboxGate(4);
    let peak = 0;
    const work = async (box: string) => {
      await gate.acquire(box);
      peak = Math.max(peak, gate.active('a'));
      await new Promise((r) => setTimeout(r, 2));
      gate.release(box);
    };
    await Promise.all([...Array.from({ length: 30 }, () => work('a')), ...Array.from({ length: 10 }, () => work('b'))]);
    expect(peak).toBe(4);
    expect(gate.active('a')).toBe(0);
  });

  it('takes several slots at once, waiting its turn', async () => {
    const gate = new MailboxGate(4);
    await gate.acquire('a', 3);
    let got = false;
    const waiting = gate.acquire('a', 2).then(() => (got = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(got).toBe(false);
    gate.release('a', 3);
    await waiting;
    expect(gate.active('a')).toBe(2);
    await expect(gate.acquire('a', 5)).rejects.toThrow(RangeError);
  });
});

describe('batch planning', () => {
  const item = (id: number, mailbox: string): BatchItem => ({
    id: String(id),
    method: 'POST',
    url: `/users/${mailbox}/calendar/getSchedule`,
  });

  it('puts at most 20 items in a payload', () => {
    const batches = planBatches(
      Array.from({ length: 45 }, (_, i) => item(i, `m${i}`)),
      4,
    );
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
  });

  it('puts no more than the mailbox limit of one mailbox in a payload', () => {
    const items = [...Array.from({ length: 10 }, (_, i) => item(i, 'same')), item(10, 'other')];
    const batches = planBatches(items, 4);
    for (const b of batches) expect(b.filter((i) => i.url.includes('/same/')).length).toBeLessThanOrEqual(4);
    expect(batches.flat()).toHaveLength(11);
  });
});

describe('tracing path templates', () => {
  it('masks ids and drops the query', () => {
    expect(pathTemplate('https://g/v1.0/users/ana@contoso.com/events/AAMk==?$select=subject')).toBe(
      '/v1.0/users/{id}/events/{id}',
    );
    expect(pathTemplate('/sites/x/lists/y/items/12')).toBe('/sites/{id}/lists/{id}/items/{id}');
  });
});
