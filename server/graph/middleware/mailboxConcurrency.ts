// Keeps at most N requests in flight per mailbox (Graph's limit for Outlook
// resources is 4 per app per mailbox); later ones queue instead of drawing 429s.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** The mailbox a request targets: `/users/{id}/...` (or null for non-mailbox requests). */
export function mailboxOf(url: string): string | null {
  const path = decodeURIComponent(new URL(url, 'http://local').pathname);
  const m = /\/users\/([^/]+)\/(?:calendar|events|calendarView|findMeetingTimes|mailboxSettings)/i.exec(path);
  return m ? m[1]!.toLowerCase() : null;
}

export class MailboxGate {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(readonly perMailbox: number) {}

  async acquire(mailbox: string): Promise<void> {
    const n = this.inFlight.get(mailbox) ?? 0;
    if (n < this.perMailbox) {
      this.inFlight.set(mailbox, n + 1);
      return;
    }
    await new Promise<void>((resolve) => this.waiting.set(mailbox, [...(this.waiting.get(mailbox) ?? []), resolve]));
  }

  release(mailbox: string): void {
    const queue = this.waiting.get(mailbox);
    const next = queue?.shift();
    if (next) {
      if (queue!.length === 0) this.waiting.delete(mailbox);
      next(); // the slot passes straight to the next waiter
      return;
    }
    const n = (this.inFlight.get(mailbox) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(mailbox);
    else this.inFlight.set(mailbox, n);
  }

  /** How many are in flight for a mailbox now (for tests). */
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
