// What a real tenant does to traffic that tests need to see: throttling (429
// with Retry-After), 503s, latency, Graph's 4-concurrent-requests-per-mailbox
// limit, and counts of what was asked.
import { GraphError } from './graphErrors.js';

export interface DevTenantFaults {
  probability429: number;
  probability503: number;
  latencyMs: number;
  retryAfterSeconds: number;
  mailboxConcurrencyLimit: number;
  randomSeed?: number;
}

export interface DevTenantStats {
  requests: number;
  batchItems: number;
  throttled: number;
  byKind: Record<string, number>;
}

export const defaultFaults: DevTenantFaults = {
  probability429: 0,
  probability503: 0,
  latencyMs: 0,
  retryAfterSeconds: 1,
  mailboxConcurrencyLimit: 4,
};

/** mulberry32: a small seeded generator so injected faults repeat run to run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Traffic {
  private faults: DevTenantFaults;
  private random: () => number;
  private readonly inFlight = new Map<string, number>();
  private counters: DevTenantStats = { requests: 0, batchItems: 0, throttled: 0, byKind: {} };

  constructor(faults: Partial<DevTenantFaults> = {}) {
    this.faults = { ...defaultFaults, ...faults };
    this.random = seededRandom(this.faults.randomSeed ?? 42);
  }

  setFaults(f: Partial<DevTenantFaults>): void {
    this.faults = { ...this.faults, ...f };
    if (f.randomSeed !== undefined) this.random = seededRandom(f.randomSeed);
  }

  current(): DevTenantFaults {
    return { ...this.faults };
  }

  stats(): DevTenantStats {
    return { ...this.counters, byKind: { ...this.counters.byKind } };
  }

  resetStats(): void {
    this.counters = { requests: 0, batchItems: 0, throttled: 0, byKind: {} };
  }

  count(kind: string, asBatchItem: boolean): void {
    if (asBatchItem) this.counters.batchItems++;
    else this.counters.requests++;
    this.counters.byKind[kind] = (this.counters.byKind[kind] ?? 0) + 1;
  }

  private retryAfter(): Record<string, string> {
    return { 'Retry-After': String(this.faults.retryAfterSeconds) };
  }

  /** Throws the injected fault for this request, if the dice say so. */
  injectFault(): void {
    const roll = this.random();
    if (roll < this.faults.probability429) {
      this.counters.throttled++;
      throw new GraphError(429, 'TooManyRequests', 'Please retry again later.', this.retryAfter());
    }
    if (roll < this.faults.probability429 + this.faults.probability503) {
      throw new GraphError(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable. Please retry.',
        this.retryAfter(),
      );
    }
  }

  async delay(): Promise<void> {
    if (this.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
  }

  /** Holds one of the mailbox's concurrent slots for the duration of `work`. */
  async withMailboxSlot<T>(appId: string, mailbox: string | null, work: () => Promise<T>): Promise<T> {
    if (!mailbox) return work();
    const key = `${appId}|${mailbox.toLowerCase()}`;
    const n = this.inFlight.get(key) ?? 0;
    if (n >= this.faults.mailboxConcurrencyLimit) {
      this.counters.throttled++;
      throw new GraphError(
        429,
        'ApplicationThrottled',
        `Application is over its MailboxConcurrency limit (${this.faults.mailboxConcurrencyLimit}).`,
        this.retryAfter(),
      );
    }
    this.inFlight.set(key, n + 1);
    try {
      return await work();
    } finally {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    }
  }
}
