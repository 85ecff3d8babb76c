// Mailbox calendars: each event belongs to one owner's mailbox; a meeting is one event per attendee sharing an iCalUId.
import type { TenantDatabase } from './database.js';
import { parseEventBody } from '../demo/compactEvents.js';

export interface StoredEvent {
  id: string;
  owner: string;
  iCalUId: string;
  transactionId: string | null;
  startMs: number;
  endMs: number;
  /** Graph event JSON as stored (UTC times). */
  body: Record<string, unknown>;
}

interface EventRow {
  id: string;
  owner: string;
  ical_uid: string;
  transaction_id: string | null;
  start_ms: number;
  end_ms: number;
  body: string;
}

export const insertEventSql =
  'INSERT INTO events (id, owner, ical_uid, transaction_id, start_ms, end_ms, body) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** The values for `insertEventSql`, with the body already encoded (seeded events are stored compact). */
export function eventRow(e: StoredEvent, encodedBody: string): unknown[] {
  return [e.id, e.owner, e.iCalUId, e.transactionId, e.startMs, e.endMs, encodedBody];
}

function toEvent(r: EventRow): StoredEvent {
  return {
    id: r.id,
    owner: r.owner,
    iCalUId: r.ical_uid,
    transactionId: r.transaction_id,
    startMs: r.start_ms,
    endMs: r.end_ms,
    body: parseEventBody(r.body),
  };
}

export class CalendarTable {
  constructor(private readonly tenant: TenantDatabase) {}

  insertEvents(events: StoredEvent[]): void {
    const insert = this.tenant.db.prepare(insertEventSql);
    this.tenant.db.transaction(() => {
      for (const e of events) insert.run(...eventRow(e, JSON.stringify(e.body)));
    })();
  }

  updateEvent(e: StoredEvent): void {
    this.tenant.db
      .prepare('UPDATE events SET start_ms = ?, end_ms = ?, body = ? WHERE id = ?')
      .run(e.startMs, e.endMs, JSON.stringify(e.body), e.id);
  }

  deleteEvent(id: string): void {
    this.tenant.db.prepare('DELETE FROM events WHERE id = ?').run(id);
  }

  getEvent(owner: string, id: string): StoredEvent | null {
    const r = this.tenant.db.prepare('SELECT * FROM events WHERE id = ? AND owner = ?').get(id, owner) as
      EventRow | undefined;
    return r ? toEvent(r) : null;
  }

  eventByTransaction(owner: string, transactionId: string): StoredEvent | null {
    const r = this.tenant.db
      .prepare('SELECT * FROM events WHERE owner = ? AND transaction_id = ?')
      .get(owner, transactionId) as EventRow | undefined;
    return r ? toEvent(r) : null;
  }

  eventsByICalUId(iCalUId: string): StoredEvent[] {
    return (this.tenant.db.prepare('SELECT * FROM events WHERE ical_uid = ?').all(iCalUId) as EventRow[]).map(toEvent);
  }

  /** Events overlapping [fromMs, toMs), earliest first. */
  eventsInRange(owner: string, fromMs: number, toMs: number): StoredEvent[] {
    return (
      this.tenant
        .statement('SELECT * FROM events WHERE owner = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms, id')
        .all(owner, toMs, fromMs) as EventRow[]
    ).map(toEvent);
  }
}
