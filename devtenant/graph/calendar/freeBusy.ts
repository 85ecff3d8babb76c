// POST /calendar/getSchedule: free/busy for up to 20 mailboxes over at most
// 62 days, as an availabilityView string and the busy items themselves.
import { z } from 'zod';
import { badRequest } from '../../graphErrors.js';
import type { DevTenantStore } from '../../store.js';
import { dayMs, minuteMs } from '../../time.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { graphContext } from '../odata.js';
import { userFromPath, userSegment } from '../users.js';
import { DateTimeTimeZone, ianaZone, instant, preferredZone, render } from './dateTimes.js';
import { parseCalendarPayload } from './eventPayloads.js';
import { calendarMailbox } from './options.js';

export const getScheduleLimits = { schedules: 20, days: 62 } as const;

const GetSchedule = z.object({
  schedules: z.array(z.string().min(1)).min(1),
  startTime: DateTimeTimeZone,
  endTime: DateTimeTimeZone,
  availabilityViewInterval: z.coerce.number().int().min(5).max(1440).default(30),
});

/** Availability codes of the availabilityView string, worst wins. */
const availabilityCode: Record<string, number> = { tentative: 1, busy: 2, oof: 3, workingElsewhere: 0 };

interface Window {
  fromMs: number;
  toMs: number;
  zone: string;
  interval: number;
}

/** One digit per interval, the worst status touching it; each event marks only the intervals it covers. */
function availabilityView(events: ReturnType<DevTenantStore['eventsInRange']>, w: Window): string {
  const slotMs = w.interval * minuteMs;
  const codes = new Uint8Array(Math.ceil((w.toMs - w.fromMs) / slotMs));
  for (const ev of events) {
    const code = availabilityCode[String(ev.body['showAs'])] ?? 2;
    const first = Math.max(0, Math.floor((ev.startMs - w.fromMs) / slotMs));
    const last = Math.min(codes.length, Math.ceil((ev.endMs - w.fromMs) / slotMs));
    for (let i = first; i < last; i++) if (codes[i]! < code) codes[i] = code;
  }
  return codes.join('');
}

function scheduleFor(store: DevTenantStore, address: string, w: Window): Record<string, unknown> {
  const user = store.findUser(address);
  if (!user) {
    return {
      scheduleId: address,
      availabilityView: '',
      scheduleItems: [],
      error: { message: `The mailbox ${address} could not be found.`, responseCode: 'ErrorMailboxNotFound' },
    };
  }
  const events = store
    .eventsInRange(user.id, w.fromMs, w.toMs)
    .filter((e) => e.body['showAs'] !== 'free' && !e.body['isCancelled']);
  const wh = user.workingHours;
  return {
    scheduleId: address,
    availabilityView: availabilityView(events, w),
    scheduleItems: events.map((ev) => ({
      isPrivate: ev.body['sensitivity'] === 'private',
      status: ev.body['showAs'],
      subject: ev.body['sensitivity'] === 'private' ? '' : ev.body['subject'],
      location: (ev.body['location'] as { displayName?: string } | undefined)?.displayName ?? '',
      isMeeting: ((ev.body['attendees'] as unknown[]) ?? []).length > 0,
      isRecurring: false,
      isException: false,
      isReminderSet: true,
      start: render(ev.startMs, w.zone),
      end: render(ev.endMs, w.zone),
    })),
    workingHours: {
      daysOfWeek: wh.daysOfWeek,
      startTime: `${wh.startTime}.0000000`,
      endTime: `${wh.endTime}.0000000`,
      timeZone: { name: user.windowsTimeZone },
    },
  };
}

function getSchedule(store: DevTenantStore, req: GraphRequest): GraphResponse {
  userFromPath(store, req);
  const input = parseCalendarPayload(GetSchedule, req.body);
  if (input.schedules.length > getScheduleLimits.schedules) {
    throw badRequest(
      `The number of schedules (${input.schedules.length}) exceeds the maximum of ${getScheduleLimits.schedules} per request.`,
      'ErrorInvalidParameter',
    );
  }
  const fromMs = instant(input.startTime);
  const toMs = instant(input.endTime);
  if (!(toMs > fromMs)) throw badRequest('The end time must be after the start time.', 'ErrorInvalidParameter');
  if (toMs - fromMs > getScheduleLimits.days * dayMs) {
    throw badRequest(
      `The requested time window exceeds the maximum of ${getScheduleLimits.days} days.`,
      'ErrorInvalidParameter',
    );
  }
  const zone = req.headers['prefer'] ? preferredZone(req) : input.startTime.timeZone;
  ianaZone(zone);
  const w = { fromMs, toMs, zone, interval: input.availabilityViewInterval };
  return {
    status: 200,
    body: {
      '@odata.context': `${graphContext}#Collection(microsoft.graph.scheduleInformation)`,
      value: input.schedules.map((s) => scheduleFor(store, s, w)),
    },
  };
}

export function freeBusyRoutes(store: DevTenantStore): GraphRoute[] {
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^${userSegment}/calendar/getSchedule$`, 'i'),
      kind: 'getSchedule',
      mailbox: calendarMailbox,
      handle: (req) => getSchedule(store, req),
    },
  ];
}
