// Calendars: getSchedule, findMeetingTimes, online meetings and their attendance reports, events (create
// with transactionId idempotency and Teams meetings, get, update, delete) and
// calendarView. Events are stored in UTC and rendered in the zone the caller prefers.
import type { GraphRoute } from '../dispatch.js';
import { attendanceRoutes } from './attendance.js';
import { calendarViewRoutes } from './calendarView.js';
import { eventRoutes } from './events.js';
import { findMeetingTimesRoutes } from './findMeetingTimes.js';
import { freeBusyRoutes } from './freeBusy.js';
import { onlineMeetingRoutes } from './onlineMeetings.js';
import type { CalendarOptions } from './options.js';

export type { CalendarOptions } from './options.js';

/** In the order the dispatcher tries them. */
export function calendarRoutes(o: CalendarOptions): GraphRoute[] {
  return [
    ...freeBusyRoutes(o.store),
    ...findMeetingTimesRoutes(o.store),
    ...onlineMeetingRoutes(o.store),
    ...attendanceRoutes(o.store),
    ...eventRoutes(o),
    ...calendarViewRoutes(o),
  ];
}
