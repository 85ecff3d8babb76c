// The demo organization's calendars: from the current week on, each person's
// huddles, rounds, visits, meetings and out-of-office days, the same for a seed.
import { createHash, randomBytes } from 'node:crypto';
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

function eventFor(owner: DirectoryUser, day: DateTime, spec: BlockSpec, key: string): StoredEvent {
  const [h, m] = spec.startLocal.split(':').map(Number) as [number, number];
  const start = spec.allDay ? day.startOf('day') : day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  const end = spec.allDay ? start.plus({ days: 1 }) : start.plus({ minutes: spec.minutes });
  const id = `AAMkAG${createHash('sha256').update(key).digest('base64url')}=`;
  const iCalUId = `040000008200E00074C5B7101A82E00800000000${createHash('sha256').update(`ical-${key}`).digest('hex').slice(0, 56).toUpperCase()}`;
  const stamp = '2026-01-01T00:00:00Z';
  return {
    id,
    owner: owner.id,
    iCalUId,
    transactionId: null,
    startMs: start.toMillis(),
    endMs: end.toMillis(),
    body: {
      id,
      changeKey: randomBytes(12).toString('base64'),
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      categories: [],
      transactionId: null,
      originalStartTimeZone: owner.windowsTimeZone,
      originalEndTimeZone: owner.windowsTimeZone,
      iCalUId,
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      hasAttachments: false,
      hideAttendees: false,
      subject: spec.subject,
      bodyPreview: '',
      importance: 'normal',
      sensitivity: 'normal',
      isAllDay: Boolean(spec.allDay),
      isCancelled: false,
      isDraft: false,
      isOrganizer: true,
      responseRequested: true,
      seriesMasterId: null,
      showAs: spec.showAs,
      type: 'singleInstance',
      webLink: outlookWebLink(id),
      onlineMeetingUrl: null,
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      allowNewTimeProposals: true,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      body: { contentType: 'html', content: '' },
      location: { displayName: spec.location ?? '', locationType: 'default', uniqueIdType: 'unknown' },
      locations: [],
      recurrence: null,
      attendees: (spec.attendees ?? []).map((a) => ({
        type: 'required',
        status: { response: 'accepted', time: stamp },
        emailAddress: { name: a.displayName, address: a.mail },
      })),
      organizer: { emailAddress: { name: owner.displayName, address: owner.mail } },
      onlineMeeting: null,
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
  const monday = DateTime.fromJSDate(from, { zone: user.timeZone }).startOf('week');
  const events: StoredEvent[] = [];
  const hours = {
    workStart: Number(user.workingHours.startTime.slice(0, 2)),
    workEnd: Number(user.workingHours.endTime.slice(0, 2)),
  };
  const oofWeek = random() < 0.35 ? Math.floor(random() * weeks) : -1;
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < 7; d++) {
      const day = monday.plus({ weeks: w, days: d });
      const dayName = day.setLocale('en-US').toFormat('cccc').toLowerCase();
      if (!user.workingHours.daysOfWeek.includes(dayName)) continue;
      const key = (what: string) => `${user.id}-${day.toISODate()}-${what}`;
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
