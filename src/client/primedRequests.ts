// GET answers started ahead of the page that will ask for them (a route's
// preload), handed to that page's first request for the same path instead of a
// second request. An answer nobody takes within a few seconds is dropped, so a
// later visit never sees old data.
import { secondMs } from '../core/time.js';

const keptForMs = 10 * secondMs;

interface Primed<T> {
  answer: Promise<T>;
  startedAt: number;
  sameAs: ((path: string) => boolean) | undefined;
  /** Set once the answer has arrived. */
  arrived?: { value: T };
}

export class PrimedRequests<T = { status: number; body: unknown }> {
  private readonly waiting = new Map<string, Primed<T>>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Already primed (or one a primed request stands for), or being fetched by a page right now: no need to ask again. */
  has(path: string): boolean {
    this.dropStale();
    if (this.waiting.has(path) || this.inFlight.has(path)) return true;
    for (const primed of this.waiting.values()) if (primed.sameAs?.(path)) return true;
    return false;
  }

  add(path: string, answer: Promise<T>, sameAs?: (path: string) => boolean): void {
    // A failure is the page's to report when it takes the answer; unclaimed it must not surface as unhandled.
    const primed: Primed<T> = { answer, startedAt: this.now(), sameAs };
    answer.then(
      (value) => (primed.arrived = { value }),
      () => undefined,
    );
    this.waiting.set(path, primed);
  }

  /** The primed answer for this path, once. */
  take(path: string): Promise<T> | null {
    this.dropStale();
    for (const [key, primed] of this.waiting) {
      if (key === path || primed.sameAs?.(path)) {
        this.waiting.delete(key);
        return primed.answer;
      }
    }
    return null;
  }

  /** The primed answer for this path if it has already arrived, left in place (`drop` takes it). */
  arrived(path: string): { key: string; value: T } | null {
    this.dropStale();
    for (const [key, primed] of this.waiting)
      if (key === path || primed.sameAs?.(path)) return primed.arrived ? { key, value: primed.arrived.value } : null;
    return null;
  }

  drop(key: string): void {
    this.waiting.delete(key);
  }

  /** Remembers a page's own GET while it runs, so a preload for the same path does not repeat it. */
  track(path: string, answer: Promise<T>): Promise<T> {
    this.inFlight.set(path, answer);
    const done = () => {
      if (this.inFlight.get(path) === answer) this.inFlight.delete(path);
    };
    answer.then(done, done);
    return answer;
  }

  private dropStale(): void {
    const now = this.now();
    for (const [key, primed] of this.waiting) if (now - primed.startedAt > keptForMs) this.waiting.delete(key);
  }
}
