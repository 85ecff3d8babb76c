// Retries 429, 503 and 504 honouring Retry-After, within a total time budget.
// The SDK's RetryHandler caps each wait and the number of tries but has no
// overall budget, and a caller waiting on Graph needs one.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

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

export class ThrottlingRetryHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly policy: RetryPolicy = defaultRetryPolicy, private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      await this.next!.execute(context);
      const response = context.response;
      if (!response || !retriable.has(response.status) || attempt >= this.policy.maxRetries) return;
      const wait = retryAfterMs(response.headers.get('Retry-After')) ?? this.policy.baseDelayMs * 2 ** attempt;
      if (Date.now() - started + wait > this.policy.budgetMs) return;
      await response.body?.cancel().catch(() => undefined);
      await this.sleep(wait);
    }
  }
}
