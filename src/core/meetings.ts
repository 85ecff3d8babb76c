// The REST contract of the Outlook task pane's routes (server/api/outlook.ts):
// a meeting on the caller's calendar, the Reciprocal session it is (if any),
// and linking a meeting that is not a session yet to one of the caller's pairs.
import { z } from 'zod';
import { GraphItemId, PairId } from './ids.js';
import { Direction, FocusArea, Pair, Session } from './schemas.js';

const isoInstant = z.iso.datetime({ offset: true });

/** The category booking puts on a session's meeting (server/graph/calendar.ts sets it). */
export const sessionCategory = 'Reciprocal session';

export const MeetingOnCalendar = z.object({
  /** The event's id in the caller's mailbox (Graph / Outlook REST id). */
  eventId: z.string(),
  iCalUId: z.string(),
  subject: z.string(),
  start: isoInstant,
  end: isoInstant,
  isOrganizer: z.boolean(),
  organizerAddress: z.string(),
  categories: z.array(z.string()),
  /** The pair named by the event's Reciprocal extended property, when it carries one. */
  markedPairId: z.string().nullable(),
});
export type MeetingOnCalendar = z.infer<typeof MeetingOnCalendar>;

export const MeetingSession = z.object({
  session: Session,
  pair: Pair,
  /** The session's agenda as HTML, wrapped in the `data-reciprocal-agenda` container; null if none was stored. */
  agendaHtml: z.string().nullable(),
});
export type MeetingSession = z.infer<typeof MeetingSession>;

export const MeetingLookupQuery = z
  .object({ eventId: GraphItemId.optional(), iCalUId: GraphItemId.optional() })
  .refine((q) => q.eventId !== undefined || q.iCalUId !== undefined, {
    message: 'give eventId or iCalUId',
    path: ['eventId'],
  });

export const MeetingLookup = z.object({
  /** Null when looked up by iCalUId alone. */
  meeting: MeetingOnCalendar.nullable(),
  /** The caller's session for this meeting, or null when it is not one of theirs. */
  match: MeetingSession.nullable(),
});
export type MeetingLookup = z.infer<typeof MeetingLookup>;

export const LinkMeetingRequest = z.object({
  eventId: GraphItemId,
  pairId: PairId,
  direction: Direction,
  focusAreas: z.array(FocusArea).min(1).max(8),
});
export type LinkMeetingRequest = z.infer<typeof LinkMeetingRequest>;

/** A meeting on my calendar with its body, as Outlook would open it (the browser-hosted task pane simulates that item). */
export const CalendarMeeting = MeetingOnCalendar.extend({ bodyHtml: z.string() });
export type CalendarMeeting = z.infer<typeof CalendarMeeting>;

export const MeetingListQuery = z.object({ days: z.coerce.number().int().min(1).max(31).default(14) });
