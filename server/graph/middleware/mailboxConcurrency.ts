// Keeps at most N requests in flight per mailbox (Graph's limit for Outlook
// resources is 4 per app per mailbox); later ones queue instead of drawing 429s.
// The batch executor holds slots of the same gate for the items inside a $batch.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** The mailbox a request targets: `/users/{id}/...` (or null for non-mailbox requests). */
export function mailboxOf(url: string): string | null {
  const path = decodeURIComponent(new URL(url, 'http://local').pathname);
  const m = /\/users\/([^/]+)\/(?:calendar|events|calendarView|findMeetingTimes|mailboxSettings)/i.exec(path);
  return m ? m[1]!.toLowerCase() : null;
}

interface Waiter {
  mailbox: string;
  count: number;
  resolve: () => void;
}

export class MailboxGate {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(readonly perMailbox: number) {
    if (!(perMailbox >= 1)) throw new RangeError('perMailbox must be at least 1');
  }

  /** Takes `count` slots of one mailbox at once (all or nothing, first come first served). */
  async acquire(mailbox: string, count = 1): Promise<void> {
    if (count > this.perMailbox)
      throw new RangeError(`cannot hold ${count} slots of a mailbox limited to ${this.perMailbox}`);
    const queue = this.waiting.get(mailbox);
    if (!queue?.length && (this.inFlight.get(mailbox) ?? 0) + count <= this.perMailbox) {
      this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 0) + count);
      return;
    }
    await new Promise<void>((resolve) => {
      const list = this.waiting.get(mailbox) ?? [];
      list.push({ mailbox, count, resolve });
      this.waiting.set(mailbox, list);
    });
  }

  release(mailbox: string, count = 1): void {
    const left = (this.inFlight.get(mailbox) ?? count) - count;
    if (left <= 0) this.inFlight.delete(mailbox);
    else this.inFlight.set(mailbox, left);
    const queue = this.waiting.get(mailbox);
    while (queue?.length && (this.inFlight.get(mailbox) ?? 0) + queue[0]!.count <= this.perMailbox) {
      const next = queue.shift()!;
      this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 0) + next.count);
      next.resolve();
    }
    if (queue && queue.length === 0) this.waiting.delete(mailbox);
  }

  /** How many are in flight for a mailbox now. */
  active(mailbox: string): number {
    return this.inFlight.get(mailbox) ?? 0;
  }
}

export class MailboxConcurrencyHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly gate: MailboxGate) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const mailbox = mailboxOf(url);
    if (!mailbox) return this.next!.execute(context);
    await this.gate.acquire(mailbox);
    try {
      await this.next!.execute(context);
    } finally {
      this.gate.release(mailbox);
    }
  }
}
