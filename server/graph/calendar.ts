// Calendars through Graph: free/busy (getSchedule, planned into $batch calls)
// and the session's Teams meeting (create with a deterministic transactionId,
// move, cancel).
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  GetScheduleResponse,
  personSchedule,
  ScheduleUnavailableError,
  type ScheduleInformation,
} from '../../src/core/scheduling/graphSchedule.js';
import type { BusyOptions } from '../../src/core/scheduling/busy.js';
import { planFreeBusy } from '../../src/core/scheduling/chunking.js';
import { normalize, type Interval } from '../../src/core/scheduling/intervals.js';
import { MinuteAvailabilityBook, type MinuteAvailability } from '../../src/core/scheduling/scheduleMinutes.js';
import { UnknownTimeZoneError, type ZoneRule } from '../../src/core/scheduling/timeZones.js';
import { BatchExecutor, type BatchItem, type BatchItemResult } from './batch.js';
import type { GraphGateway } from './client.js';
import { throttledErrorCode } from './middleware/throttlingRetry.js';

export const reciprocalCategory = 'Reciprocal session';
/** Named extended properties marking an event as a Reciprocal session: its pair and occurrence. */
export const pairPropertyId = 'String {7d1a3c52-6a2e-4f0b-9b0e-52c4e8a1f0d3} Name ReciprocalPairId';
export const occurrencePropertyId = 'String {7d1a3c52-6a2e-4f0b-9b0e-52c4e8a1f0d3} Name ReciprocalOccurrence';

/** Graph's dateTimeTimeZone in UTC, without the trailing Z Graph does not use. */
export const graphUtc = (ms: number) => ({
  dateTime: new Date(ms).toISOString().replace(/\.\d{3}Z$/, ''),
  timeZone: 'UTC',
});

/**
 * Free/busy Graph would not give: a GraphError carrying the status, so the API
 * router answers it like any other upstream failure (never a 500).
 */
function upstream(message: string, status: number): GraphError {
  const err = new GraphError(status === 404 ? 502 : status, message);
  err.code = 'freeBusyUnavailable';
  return err;
}

/** A GraphError with the throttling status, so every caller (and the API router) treats it as "Microsoft 365 is busy". */
function throttled(message: string, status: number, retryAfterSeconds: number): GraphError {
  const err = new GraphError(status, message);
  err.code = throttledErrorCode;
  err.headers = new Headers({ 'Retry-After': String(retryAfterSeconds) });
  return err;
}

/** The getSchedule items for a set of people: one per (chunk of ≤20 people, window <62 days). */
export function freeBusyItems(
  mailboxes: readonly string[],
  window: Interval,
  availabilityViewInterval = 30,
): Array<BatchItem & { schedules: string[] }> {
  return planFreeBusy(mailboxes, window)
    .flat()
    .map((r, i) => ({
      id: String(i + 1),
      method: 'POST' as const,
      // Each request is anchored on a different mailbox (the first person it asks about), spreading the per-mailbox limit.
      url: `/users/${encodeURIComponent(r.schedules[0]!)}/calendar/getSchedule`,
      body: {
        schedules: r.schedules,
        startTime: graphUtc(r.window.start),
        endTime: graphUtc(r.window.end),
        availabilityViewInterval,
      },
      schedules: r.schedules,
    }));
}

/** What one getSchedule answer becomes while free/busy streams in. */
export type ScheduleHandler = (infos: ScheduleInformation[]) => void;

/** A 200 answer parsed into schedules (the JSON is dropped here); anything else is kept as the failure to report. */
function readAnswer(result: BatchItemResult, onSchedules: ScheduleHandler): unknown {
  // A refusal keeps Graph's message, which names the missing permission (middleware/missingPermission.ts).
  if (result.status === 403)
    return upstream(
      `free/busy refused: ${(result.body as { error?: { message?: string } } | null)?.error?.message ?? ''}`,
      403,
    );
  if (result.status !== 200 || result.throttled) return undefined;
  const parsed = GetScheduleResponse.safeParse(result.body);
  if (!parsed.success)
    return upstream(
      `free/busy response did not have the getSchedule shape: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
      502,
    );
  onSchedules(parsed.data.value);
  return undefined;
}

/**
 * Free/busy for everyone over a window with the fewest HTTP requests:
 * getSchedule of up to 20 people per request, windows under 62 days, 20
 * requests per $batch. Each answer is parsed and handed to `onSchedules` as its
 * $batch arrives and its JSON dropped, so a program-wide run holds what the
 * caller keeps (intervals), never the responses. Resolves once every person
 * was handed over; rejects with a GraphError otherwise.
 */
export async function streamFreeBusy(
  gateway: GraphGateway,
  mailboxes: readonly string[],
  window: Interval,
  onSchedules: ScheduleHandler,
): Promise<void> {
  const items = freeBusyItems(
    mailboxes.map((m) => m.toLowerCase()),
    window,
  );
  const executor = new BatchExecutor(gateway);
  const read = (r: BatchItemResult) => readAnswer(r, onSchedules);
  const results = await executor.run(items, read);
  // A request anchored on a mailbox that no longer exists (someone who left) fails as a whole:
  // ask again from the next person of the same chunk, so one departed person does not hide nineteen.
  for (let anchor = 1; anchor < 4; anchor++) {
    const lost = items.filter((i) => results.get(i.id)!.status === 404 && i.schedules.length > anchor);
    if (lost.length === 0) break;
    const again = await executor.run(
      lost.map((i) => ({ ...i, url: `/users/${encodeURIComponent(i.schedules[anchor]!)}/calendar/getSchedule` })),
      read,
    );
    for (const [id, r] of again) results.set(id, r);
  }
  const stillThrottled = [...results.values()].filter((r) => r.throttled);
  if (stillThrottled.length > 0) {
    const waits = stillThrottled.map((r) => r.retryAfterMs ?? 0);
    throw throttled(
      `Microsoft 365 kept throttling free/busy for ${stillThrottled.length} of ${items.length} request(s) past the retry budget`,
      503,
      Math.max(1, Math.ceil(Math.max(...waits) / 1000)),
    );
  }
  for (const item of items) {
    const result = results.get(item.id)!;
    if (result.body instanceof GraphError) throw result.body;
    if (result.status !== 200)
      throw upstream(`free/busy failed with HTTP ${result.status} for ${item.schedules.length} people`, result.status);
  }
}

/** Free/busy as Graph's schedules, keyed by lower-cased address; a person whose window was split has one entry per part. */
export async function freeBusy(
  gateway: GraphGateway,
  mailboxes: readonly string[],
  window: Interval,
): Promise<Map<string, ScheduleInformation[]>> {
  const out = new Map<string, ScheduleInformation[]>();
  await streamFreeBusy(gateway, mailboxes, window, (infos) => {
    for (const info of infos) {
      const key = info.scheduleId.toLowerCase();
      const known = out.get(key);
      if (known) known.push(info);
      else out.set(key, [info]);
    }
  });
  return out;
}

export interface PersonFreeBusy {
  zone: ZoneRule;
  working: Interval[];
  busy: Interval[];
}

export interface FreeBusyAvailability {
  /** By lower-cased address. */
  people: Map<string, PersonFreeBusy>;
  /** People Graph gave no usable free/busy for, with the reason (unknown mailbox, no working hours...). */
  unavailable: Map<string, string>;
}

/**
 * Free/busy turned into the slot engine's inputs (working hours and busy ranges in UTC) as each answer arrives:
 * calendar items are never kept, only each person's sorted ranges.
 */
export async function freeBusyAvailability(
  gateway: GraphGateway,
  mailboxes: readonly string[],
  window: Interval,
  options: BusyOptions = {},
): Promise<FreeBusyAvailability> {
  const people = new Map<string, PersonFreeBusy>();
  const unavailable = new Map<string, string>();
  await streamFreeBusy(gateway, mailboxes, window, (infos) => {
    for (const info of infos) {
      const address = info.scheduleId.toLowerCase();
      if (unavailable.has(address)) continue;
      try {
        const part = personSchedule(info, window, options);
        const known = people.get(address);
        // A window split in parts: the parts do not overlap, so the ranges only need re-sorting.
        if (known) {
          known.working = normalize([...known.working, ...part.working]);
          known.busy = normalize([...known.busy, ...part.busy]);
        } else people.set(address, { zone: part.zone, working: part.working, busy: part.busy });
      } catch (err) {
        if (!(err instanceof ScheduleUnavailableError || err instanceof UnknownTimeZoneError)) throw err;
        people.delete(address);
        unavailable.set(address, err.message);
      }
    }
  });
  return { people, unavailable: withUnanswered(mailboxes, people, unavailable) };
}

/** Everyone asked about who came back neither readable nor refused, named as such. */
function withUnanswered(
  mailboxes: readonly string[],
  people: ReadonlyMap<string, unknown>,
  unavailable: Map<string, string>,
): Map<string, string> {
  for (const address of new Set(mailboxes.map((m) => m.toLowerCase())))
    if (!people.has(address) && !unavailable.has(address))
      unavailable.set(address, 'Microsoft 365 returned no free/busy for this mailbox');
  return unavailable;
}

/**
 * Free/busy for a department-wide run, collected straight into compact minute ranges as each answer arrives
 * (no calendar items or millisecond ranges, one working-hours expansion per distinct hours and zone); the same
 * people, reasons and time as `freeBusyAvailability`, in the form `allocateDepartment` reads fastest.
 */
export async function freeBusyMinutes(
  gateway: GraphGateway,
  mailboxes: readonly string[],
  window: Interval,
  options: BusyOptions = {},
): Promise<{ people: Map<string, MinuteAvailability>; unavailable: Map<string, string> }> {
  const book = new MinuteAvailabilityBook(window, options);
  await streamFreeBusy(gateway, mailboxes, window, (infos) => infos.forEach((info) => book.add(info)));
  return { people: book.people, unavailable: withUnanswered(mailboxes, book.people, book.unavailable) };
}

// ---- the session's Teams meeting -------------------------------------------

const CreatedEvent = z.object({
  id: z.string().min(1),
  iCalUId: z.string().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string() }).nullish(),
  start: z.object({ dateTime: z.string(), timeZone: z.string() }).nullish(),
  end: z.object({ dateTime: z.string(), timeZone: z.string() }).nullish(),
});
type GraphDateTime = { dateTime: string; timeZone: string };
/** `start`/`end` as Graph returned them: the event made before, when the transactionId was seen already. */
export type CreatedEvent = {
  id: string;
  iCalUId: string | null;
  joinUrl: string | null;
  start: GraphDateTime | null;
  end: GraphDateTime | null;
};

export interface SessionEvent {
  organizerId: string;
  attendees: Array<{ address: string; name: string }>;
  subject: string;
  html: string;
  start: number;
  end: number;
  pairId: string;
  /** The occurrence key within the pair's series (kept on the event as an extended property). */
  occurrence?: string;
  /** Deterministic per pair and occurrence: a retry or a restart finds the same event. */
  transactionId: string;
}

export function sessionEventPayload(event: SessionEvent): Record<string, unknown> {
  return {
    subject: event.subject,
    body: { contentType: 'html', content: event.html },
    start: graphUtc(event.start),
    end: graphUtc(event.end),
    attendees: event.attendees.map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: 'required' })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: true,
    categories: [reciprocalCategory],
    singleValueExtendedProperties: [
      { id: pairPropertyId, value: event.pairId },
      ...(event.occurrence ? [{ id: occurrencePropertyId, value: event.occurrence }] : []),
    ],
    transactionId: event.transactionId,
  };
}

/** Creates the meeting; the same transactionId returns the event created before instead of a second one. */
export async function createSessionEvent(client: Client, event: SessionEvent): Promise<CreatedEvent> {
  const created = CreatedEvent.parse(
    await client.api(`/users/${encodeURIComponent(event.organizerId)}/events`).post(sessionEventPayload(event)),
  );
  return {
    id: created.id,
    iCalUId: created.iCalUId ?? null,
    joinUrl: created.onlineMeeting?.joinUrl ?? null,
    start: created.start ?? null,
    end: created.end ?? null,
  };
}

export async function moveSessionEvent(
  client: Client,
  organizerId: string,
  eventId: string,
  start: number,
  end: number,
): Promise<void> {
  await client
    .api(`/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}`)
    .patch({ start: graphUtc(start), end: graphUtc(end) });
}

/** Deletes the organizer's event (Exchange sends the cancellation); an event already gone counts as cancelled. */
export async function cancelSessionEvent(client: Client, organizerId: string, eventId: string): Promise<void> {
  try {
    await client.api(`/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}`).delete();
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 404) return;
    throw err;
  }
}

export function transactionIdFor(pairId: string, occurrence: string): string {
  return `reciprocal:${pairId}:${occurrence}`;
}
