// POST /findMeetingTimes: half-hour-aligned times when the organizer and every
// demo attendee are free (and, for work, inside everyone's working hours).
import { DateTime } from 'luxon';
import { z } from 'zod';
import { badRequest } from '../../graphErrors.js';
import type { DevTenantStore, DirectoryUser } from '../../store.js';
import { minuteMs } from '../../time.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { graphContext } from '../odata.js';
import { userFromPath, userSegment } from '../users.js';
import { DateTimeTimeZone, ianaZone, instant, render } from './dateTimes.js';
import { Attendee, parseCalendarPayload } from './eventPayloads.js';
import { calendarMailbox } from './options.js';

const FindMeetingTimes = z.object({
  attendees: z.array(Attendee).default([]),
  timeConstraint: z.object({
    activityDomain: z.enum(['work', 'personal', 'unrestricted', 'unknown']).default('work'),
    timeSlots: z.array(z.object({ start: DateTimeTimeZone, end: DateTimeTimeZone })).min(1),
  }),
  meetingDuration: z
    .string()
    .regex(/^PT(\d+H)?(\d+M)?$/)
    .default('PT30M'),
  maxCandidates: z.coerce.number().int().min(1).max(100).default(20),
  isOrganizerOptional: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  returnSuggestionReasons: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  minimumAttendeePercentage: z.coerce.number().optional(),
  locationConstraint: z.unknown().optional(),
});
type FindMeetingTimes = z.infer<typeof FindMeetingTimes>;

const stepMs = 30 * minuteMs;

function insideWorkingHours(u: DirectoryUser, startMs: number, endMs: number): boolean {
  const zone = ianaZone(u.windowsTimeZone);
  const s = DateTime.fromMillis(startMs, { zone });
  const e = DateTime.fromMillis(endMs, { zone });
  const day = s.setLocale('en-US').toFormat('cccc').toLowerCase();
  if (!u.workingHours.daysOfWeek.includes(day) || !s.hasSame(e.minus({ milliseconds: 1 }), 'day')) return false;
  const hhmm = (d: DateTime) => d.toFormat('HH:mm:ss');
  return hhmm(s) >= u.workingHours.startTime && (hhmm(e) <= u.workingHours.endTime || hhmm(e) === '00:00:00');
}

function suggestion(input: FindMeetingTimes, order: number, s: number, e: number, zone: string) {
  return {
    confidence: 100,
    order,
    organizerAvailability: 'free',
    suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.',
    attendeeAvailability: input.attendees.map((a) => ({
      availability: 'free',
      attendee: { emailAddress: { address: a.emailAddress.address } },
    })),
    locations: [],
    meetingTimeSlot: { start: render(s, zone), end: render(e, zone) },
  };
}

function findMeetingTimes(store: DevTenantStore, req: GraphRequest): GraphResponse {
  const organizer = userFromPath(store, req);
  const input = parseCalendarPayload(FindMeetingTimes, req.body);
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(input.meetingDuration)!;
  const durationMs = (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * minuteMs;
  if (durationMs <= 0) throw badRequest('meetingDuration must be positive.');
  const zone = input.timeConstraint.timeSlots[0]!.start.timeZone;
  // "isOrganizerOptional: Specify true if the organizer doesn't necessarily have to attend. The default is false."
  // (https://learn.microsoft.com/graph/api/user-findmeetingtimes#request-body)
  const organizerOptional = input.isOrganizerOptional === true || input.isOrganizerOptional === 'true';
  const people = [
    ...(organizerOptional ? [] : [organizer]),
    ...input.attendees.map((a) => store.findUser(a.emailAddress.address)).filter((u): u is DirectoryUser => u !== null),
  ];
  const suggestions: Array<Record<string, unknown>> = [];
  for (const slot of input.timeConstraint.timeSlots) {
    const fromMs = instant(slot.start);
    const toMs = instant(slot.end);
    const busy = people.map((p) =>
      store
        .eventsInRange(p.id, fromMs, toMs)
        .filter((e) => ['busy', 'oof', 'tentative'].includes(String(e.body['showAs']))),
    );
    for (
      let s = Math.ceil(fromMs / stepMs) * stepMs;
      s + durationMs <= toMs && suggestions.length < input.maxCandidates;
      s += stepMs
    ) {
      const e = s + durationMs;
      if (input.timeConstraint.activityDomain === 'work' && !people.every((p) => insideWorkingHours(p, s, e))) continue;
      if (busy.some((list) => list.some((ev) => ev.startMs < e && ev.endMs > s))) continue;
      suggestions.push(suggestion(input, suggestions.length + 1, s, e, zone));
    }
  }
  return {
    status: 200,
    body: {
      '@odata.context': `${graphContext}#microsoft.graph.meetingTimeSuggestionsResult`,
      emptySuggestionsReason: suggestions.length === 0 ? 'AttendeesUnavailable' : '',
      meetingTimeSuggestions: suggestions,
    },
  };
}

export function findMeetingTimesRoutes(store: DevTenantStore): GraphRoute[] {
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^${userSegment}/findMeetingTimes$`, 'i'),
      kind: 'findMeetingTimes',
      mailbox: calendarMailbox,
      handle: (req) => findMeetingTimes(store, req),
    },
  ];
}
