// The demo organization's calendars: from the current week on, each person's
// huddles, rounds, visits, meetings and out-of-office days, the same for a seed.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { outlookWebLink } from '../graph/calendar/eventResource.js';
import type { DirectoryUser, StoredEvent } from '../store.js';
import { seededRandom as prng } from '../traffic.js';

interface BlockSpec {
  subject: string;
  showAs: 'busy' | 'tentative' | 'oof' | 'workingElsewhere';
  startLocal: string;
  minutes: number;
  location?: string;
  attendees?: DirectoryUser[];
  allDay?: boolean;
}

const seededStamp = '2026-01-01T00:00:00Z';
/**
 * What every seeded event has in common; the store keeps seeded events without these fields (a 16,000-mailbox
 * tenant is half a million events) and puts them back when it reads one.
 */
export const seededEventDefaults: Readonly<Record<string, unknown>> = Object.freeze({
  createdDateTime: seededStamp,
  lastModifiedDateTime: seededStamp,
  categories: [],
  transactionId: null,
  reminderMinutesBeforeStart: 15,
  isReminderOn: true,
  hasAttachments: false,
  hideAttendees: false,
  bodyPreview: '',
  importance: 'normal',
  sensitivity: 'normal',
  isCancelled: false,
  isDraft: false,
  isOrganizer: true,
  responseRequested: true,
  seriesMasterId: null,
  type: 'singleInstance',
  onlineMeetingUrl: null,
  isOnlineMeeting: false,
  onlineMeetingProvider: 'unknown',
  allowNewTimeProposals: true,
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  body: { contentType: 'html', content: '' },
  locations: [],
  recurrence: null,
  onlineMeeting: null,
});

/** A local calendar date (no zone): the days of a calendar are counted in the owner's own zone. */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const dayMs = 86_400_000;
const addDays = (d: LocalDate, n: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * dayMs);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const weekdayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const weekdayOf = (d: LocalDate) => weekdayNames[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
const isoDate = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

// Luxon's zone arithmetic dominated seeding 16,000 mailboxes (profiled: partsOffset); a run only ever asks for a
// few zones x dates x times of day, so each instant is computed once.
const instants = new Map<string, number>();
function localInstant(zone: string, d: LocalDate, hour: number, minute: number): number {
  const key = `${zone}|${d.year}-${d.month}-${d.day}|${hour}:${minute}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = DateTime.fromObject({ ...d, hour, minute }, { zone }).toMillis();
    instants.set(key, ms);
  }
  return ms;
}

function eventFor(owner: DirectoryUser, day: LocalDate, spec: BlockSpec, key: string): StoredEvent {
  const [h, m] = spec.startLocal.split(':').map(Number) as [number, number];
  const startMs = spec.allDay ? localInstant(owner.timeZone, day, 0, 0) : localInstant(owner.timeZone, day, h, m);
  const endMs = spec.allDay ? localInstant(owner.timeZone, addDays(day, 1), 0, 0) : startMs + spec.minutes * 60_000;
  const digest = createHash('sha256').update(key).digest();
  const id = `AAMkAG${digest.toString('base64url')}=`;
  const iCalUId = `040000008200E00074C5B7101A82E00800000000${createHash('sha256').update(`ical-${key}`).digest('hex').slice(0, 56).toUpperCase()}`;
  return {
    id,
    owner: owner.id,
    iCalUId,
    transactionId: null,
    startMs,
    endMs,
    body: {
      ...seededEventDefaults,
      id,
      // Any opaque version stamp will do for a seeded event; derived from the id so seeding needs no entropy.
      changeKey: digest.subarray(0, 12).toString('base64'),
      originalStartTimeZone: owner.windowsTimeZone,
      originalEndTimeZone: owner.windowsTimeZone,
      iCalUId,
      subject: spec.subject,
      isAllDay: Boolean(spec.allDay),
      showAs: spec.showAs,
      webLink: outlookWebLink(id),
      location: { displayName: spec.location ?? '', locationType: 'default', uniqueIdType: 'unknown' },
      attendees: (spec.attendees ?? []).map((a) => ({
        type: 'required',
        status: { response: 'accepted', time: seededStamp },
        emailAddress: { name: a.displayName, address: a.mail },
      })),
      organizer: { emailAddress: { name: owner.displayName, address: owner.mail } },
    },
  };
}

const at = (hour: number, minute = 0) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** A working day's blocks after the huddle; `random` is drawn in a fixed order so a seed gives one calendar. */
function dayBlocks(
  user: DirectoryUser,
  d: number,
  { workStart, workEnd }: { workStart: number; workEnd: number },
  random: () => number,
): Array<[string, BlockSpec]> {
  const blocks: Array<[string, BlockSpec]> = [];
  const roll = random();
  if (roll < 0.45) {
    const start = workStart + 1 + Math.floor(random() * 3);
    const minutes = 120 + 30 * Math.floor(random() * 3);
    const subject = 'Clinical rounds / patient caseload';
    blocks.push(['clinical', { subject, showAs: 'busy', startLocal: at(start), minutes, location: 'Unit' }]);
  } else if (roll < 0.6) {
    const startLocal = at(workStart + 1);
    blocks.push([
      'visits',
      { subject: 'Home visits', showAs: 'workingElsewhere', startLocal, minutes: 180, location: 'Community' },
    ]);
  }
  if (random() < 0.35) {
    const start = Math.max(workStart + 2, workEnd - 3 - Math.floor(random() * 2));
    const startLocal = at(start, random() < 0.5 ? 0 : 30);
    const location = 'Conference room 4';
    blocks.push([
      'discharge',
      { subject: 'Discharge planning meeting', showAs: 'busy', startLocal, minutes: 60, location },
    ]);
  }
  if (random() < 0.15) {
    const subject = 'Utilization review committee (maybe)';
    blocks.push(['tentative', { subject, showAs: 'tentative', startLocal: at(workEnd - 2), minutes: 60 }]);
  }
  if (d === 2) {
    const startLocal = at(Math.min(workEnd - 2, 13));
    const subject = `${user.department} team meeting`;
    blocks.push(['team', { subject, showAs: 'busy', startLocal, minutes: 60, location: 'Teams' }]);
  }
  return blocks;
}

/** Eight weeks of a person's working life, from the Monday of `from`'s week. */
export function calendarFor(
  user: DirectoryUser,
  team: DirectoryUser[],
  from: Date,
  weeks: number,
  seed: number,
): StoredEvent[] {
  const random = prng(seed);
  const local = DateTime.fromJSDate(from, { zone: user.timeZone }).startOf('week');
  const monday: LocalDate = { year: local.year, month: local.month, day: local.day };
  const events: StoredEvent[] = [];
  const hours = {
    workStart: Number(user.workingHours.startTime.slice(0, 2)),
    workEnd: Number(user.workingHours.endTime.slice(0, 2)),
  };
  const oofWeek = random() < 0.35 ? Math.floor(random() * weeks) : -1;
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < 7; d++) {
      const day = addDays(monday, w * 7 + d);
      if (!user.workingHours.daysOfWeek.includes(weekdayOf(day))) continue;
      const date = isoDate(day);
      const key = (what: string) => `${user.id}-${date}-${what}`;
      if (w === oofWeek && d < 2) {
        const oof: BlockSpec = {
          subject: 'Out of office',
          showAs: 'oof',
          startLocal: '00:00',
          minutes: 1440,
          allDay: true,
        };
        events.push(eventFor(user, day, oof, key('oof')));
        continue;
      }
      const huddle: BlockSpec = {
        subject: `${user.department} huddle`,
        showAs: 'busy',
        startLocal: at(hours.workStart, 30),
        minutes: 15,
        location: 'Teams',
        attendees: team.slice(0, 3),
      };
      events.push(eventFor(user, day, huddle, key('huddle')));
      for (const [what, spec] of dayBlocks(user, d, hours, random)) events.push(eventFor(user, day, spec, key(what)));
    }
  }
  return events;
}
