// Retries 429, 503 and 504 honouring Retry-After, within a total time budget.
// The SDK's RetryHandler caps each wait and the number of tries but has no
// overall budget, and a caller waiting on Graph needs one. When the budget runs
// out the last response is replaced by one whose error message says so, so the
// SDK still raises a GraphError with the throttling status and Retry-After.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { pathTemplate } from './tracing.js';

export interface RetryPolicy {
  maxRetries: number;
  /** Give up once waiting again would pass this many ms since the first try. */
  budgetMs: number;
  /** Wait when the response carries no Retry-After (doubles per try). */
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 6, budgetMs: 30_000, baseDelayMs: 500 };
const retriable = new Set([429, 503, 504]);

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export const isRetriableStatus = (status: number) => retriable.has(status);

/** The wait before try `attempt + 1`: the server's Retry-After, else exponential backoff. */
export function nextDelayMs(retryAfter: string | null | undefined, attempt: number, policy: RetryPolicy): number {
  return retryAfterMs(retryAfter) ?? policy.baseDelayMs * 2 ** attempt;
}

export const throttledErrorCode = 'throttledPastRetryBudget';

/** How the retrier waits and reads the time (tests pass a fake clock). */
export interface RetryClock {
  sleep(ms: number): Promise<void>;
  now(): number;
}
export const realClock: RetryClock = {
  sleep: (ms) => new Promise<void>((r) => setTimeout(r, ms)),
  now: () => Date.now(),
};

export class ThrottlingRetryHandler implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly policy: RetryPolicy = defaultRetryPolicy,
    private readonly clock: RetryClock = realClock,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const started = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      await this.next!.execute(context);
      const response = context.response;
      if (!response || !retriable.has(response.status)) return;
      const wait = nextDelayMs(response.headers.get('Retry-After'), attempt, this.policy);
      const elapsed = this.clock.now() - started;
      if (attempt >= this.policy.maxRetries || elapsed + wait > this.policy.budgetMs) {
        context.response = await this.gaveUp(context, response, attempt + 1, elapsed);
        return;
      }
      await response.body?.cancel().catch(() => undefined);
      await this.clock.sleep(wait);
    }
  }

  private async gaveUp(context: Context, last: Response, tries: number, elapsedMs: number): Promise<Response> {
    await last.body?.cancel().catch(() => undefined);
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = context.options?.method ?? 'GET';
    const message =
      `Microsoft Graph kept answering ${last.status} to ${method} ${pathTemplate(url)}: gave up after ${tries} tries in ${(elapsedMs / 1000).toFixed(1)} s ` +
      `(retry budget ${(this.policy.budgetMs / 1000).toFixed(1)} s, at most ${this.policy.maxRetries} retries).`;
    const headers = new Headers({ 'Content-Type': 'application/json' });
    const retryAfter = last.headers.get('Retry-After');
    if (retryAfter) headers.set('Retry-After', retryAfter);
    return new Response(
      JSON.stringify({ error: { code: throttledErrorCode, message, innerError: { status: last.status, tries } } }),
      { status: last.status, statusText: last.statusText, headers },
    );
  }
}
