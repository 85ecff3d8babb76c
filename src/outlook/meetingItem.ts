// The appointment the task pane works on, behind a small interface. In
// Outlook it wraps Office.js' mailbox item (compose for the organizer, read
// for an attendee); in the browser-hosted pane it wraps a simulated item with
// the same Office.js shape (simulatedMailbox.ts), so this adapter is the code
// that runs either way.

/** The Office.js AsyncResult subset we read. */
export interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message: string; code?: number | string } | null;
}
type Callback<T> = (result: AsyncResultLike<T>) => void;

/** The members of Office.js' AppointmentCompose / AppointmentRead the pane uses (Mailbox 1.8). */
export interface OfficeAppointmentLike {
  itemType: string | { toString(): string };
  /** Read mode: the EWS id. */
  itemId?: string;
  /** Read mode: a string; compose mode: an object with getAsync. */
  subject: string | { getAsync(callback: Callback<string>): void };
  categories?: { getAsync(callback: Callback<Array<{ displayName: string; color?: string }> | null>): void };
  body: {
    getAsync(coercionType: string, callback: Callback<string>): void;
    /** Compose mode only. */
    setAsync?(data: string, options: { coercionType: string }, callback: Callback<void>): void;
  };
  /** Compose mode (Mailbox 1.8): the EWS id of a saved item. */
  getItemIdAsync?(callback: Callback<string>): void;
}

export interface OfficeMailboxLike {
  item: OfficeAppointmentLike | null | undefined;
  convertToRestId(itemId: string, restVersion: string): string;
}

export type MeetingRole = 'organizer' | 'attendee';

export interface MeetingItem {
  readonly role: MeetingRole;
  subject(): Promise<string>;
  /** The Graph / REST id of the event in my mailbox; null while a new meeting is not saved yet. */
  eventId(): Promise<string | null>;
  categories(): Promise<string[]>;
  bodyHtml(): Promise<string>;
  /** Organizer only; an attendee cannot change the meeting body. */
  setBodyHtml(html: string): Promise<void>;
}

export class MeetingItemError extends Error {
  override name = 'MeetingItemError';
}

// Office.CoercionType.Html, Office.AsyncResultStatus.Succeeded and
// Office.MailboxEnums.RestVersion.v2_0 at run time.
const html = 'html';
const succeeded = 'succeeded';
const restV2 = 'v2.0';

function call<T>(what: string, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === succeeded) resolve(result.value);
      else reject(new MeetingItemError(`Outlook could not ${what}: ${result.error?.message ?? 'unknown error'}`));
    });
  });
}

/** Our view of the Office.js item; null when the item is not an appointment. */
export function meetingItemFrom(mailbox: OfficeMailboxLike): MeetingItem | null {
  const item = mailbox.item;
  if (!item || String(item.itemType) !== 'appointment') return null;
  const subject = item.subject;
  const role: MeetingRole = typeof subject === 'string' ? 'attendee' : 'organizer';
  return {
    role,
    subject: () =>
      typeof subject === 'string'
        ? Promise.resolve(subject)
        : call<string>('read the subject', (cb) => subject.getAsync(cb)),
    async eventId() {
      let ewsId: string | null = item.itemId ?? null;
      if (!ewsId && item.getItemIdAsync) {
        // A new meeting has no id until it is saved; that is not an error.
        ewsId = await call<string>('read the item id', (cb) => item.getItemIdAsync!(cb)).catch(() => null);
      }
      return ewsId ? mailbox.convertToRestId(ewsId, restV2) : null;
    },
    async categories() {
      if (!item.categories) return [];
      const value = await call<Array<{ displayName: string }> | null>('read the categories', (cb) =>
        item.categories!.getAsync(cb),
      );
      return (value ?? []).map((c) => c.displayName);
    },
    bodyHtml: () => call<string>('read the meeting body', (cb) => item.body.getAsync(html, cb)),
    async setBodyHtml(next) {
      if (role !== 'organizer' || !item.body.setAsync)
        throw new MeetingItemError('Only the organizer can change the meeting body.');
      await call<void>('update the meeting body', (cb) => item.body.setAsync!(next, { coercionType: html }, cb));
    },
  };
}
