// The demo case-management organization: deterministic (fixed seed) people,
// managers, working hours in six time zones, and eight weeks of realistic
// calendars starting from the current week, so free/busy always has content.
import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { findWindows } from 'windows-iana';
import type { DevTenantStore, DirectoryUser, StoredEvent } from './store.js';
import { seededRandom as prng } from './traffic.js';

export const demoDomain = 'contosohealth.example';
export const programSite = { hostname: 'reciprocal-dev.sharepoint.local', path: '/sites/reciprocal' };
export const departments = [
  'Transplant',
  'Behavioral Health',
  'Utilization Review',
  'Care Transitions',
  'Pediatrics',
] as const;

/** A stable GUID from a name, so the same seed gives the same ids on every machine. */
export function stableGuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const people: Array<[string, string]> = [
  ['Ana', 'Ruiz'],
  ['Raj', 'Patel'],
  ['Grace', 'Okafor'],
  ['Tom', 'Lindqvist'],
  ['Mei', 'Chen'],
  ['Darnell', 'Washington'],
  ['Priya', 'Raman'],
  ['Siobhan', "O'Brien"],
  ['Luis', 'Hernández'],
  ['Fatima', 'Al-Sayed'],
  ['Jonas', 'Becker'],
  ['Aiko', 'Tanaka'],
  ['Nadia', 'Haddad'],
  ['Kwame', 'Mensah'],
  ['Emily', 'Carter'],
  ['Arjun', 'Iyer'],
  ['Sofia', 'Rossi'],
  ['Malik', 'Johnson'],
  ['Hannah', 'Goldberg'],
  ['Diego', 'Morales'],
  ['Chloe', 'Dubois'],
  ['Samuel', 'Adeyemi'],
  ['Lena', 'Novak'],
  ['Omar', 'Farouk'],
  ['Rachel', 'Kim'],
  ['Tariq', 'Hussain'],
  ['Isabel', 'Santos'],
  ['Ethan', 'Brooks'],
  ['Zara', 'Khan'],
  ['Marcus', 'Reed'],
  ['Yuki', 'Sato'],
  ['Olivia', 'Nguyen'],
  ['Kofi', 'Boateng'],
  ['Elena', 'Petrova'],
  ['Jamal', 'Wright'],
  ['Anika', 'Sharma'],
  ['Patrick', 'Murphy'],
  ['Leila', 'Rahimi'],
  ['Connor', 'Walsh'],
  ['Amara', 'Eze'],
  ['Ben', 'Cohen'],
  ['Camila', 'Vargas'],
  ['Henry', 'Osei'],
  ['Ingrid', 'Larsen'],
  ['Vikram', 'Desai'],
  ['Maya', 'Thompson'],
  ['Andre', 'Baptiste'],
  ['Noor', 'Qureshi'],
  ['Felix', 'Wagner'],
  ['Rosa', 'Jiménez'],
  ['Daniel', 'Levi'],
  ['Ayesha', 'Siddiqui'],
  ['Victor', 'Alvarez'],
  ['Julia', 'Kowalski'],
  ['Sean', 'Gallagher'],
  ['Lucía', 'Fernández'],
  ['Kenji', 'Watanabe'],
  ['Esther', 'Mwangi'],
  ['Paul', 'Dupont'],
  ['Hana', 'Park'],
  ['Catherine', 'Blake'],
  ['Ruth', 'Asante'],
];

/** Zones in use: four with daylight saving (US and Europe) and two without. */
const zones = [
  'America/Chicago',
  'America/New_York',
  'America/Phoenix',
  'Europe/London',
  'Asia/Kolkata',
  'America/Denver',
] as const;
const stageTitles = { early: 'Case Manager I', mid: 'Case Manager II', seasoned: 'Senior Case Manager' } as const;

function windowsName(iana: string): string {
  const w = findWindows(iana);
  const name = Array.isArray(w) ? w[0] : w;
  if (!name) throw new Error(`no Windows name for ${iana}`);
  return name;
}

function makeUser(
  index: number,
  first: string,
  last: string,
  department: string,
  stage: DirectoryUser['careerStage'],
  zone: string,
  random: () => number,
  extra: Partial<DirectoryUser> = {},
): DirectoryUser {
  const local = `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  const upn = `${local}@${demoDomain}`;
  const shift = random();
  const workingHours =
    shift < 0.2
      ? {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '07:00:00',
          endTime: '15:30:00',
        }
      : shift < 0.35
        ? {
            daysOfWeek: ['tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
            startTime: '09:00:00',
            endTime: '17:30:00',
          }
        : shift < 0.5
          ? {
              daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
              startTime: '09:00:00',
              endTime: '18:00:00',
            }
          : {
              daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
              startTime: '08:00:00',
              endTime: '17:00:00',
            };
  return {
    id: stableGuid(`reciprocal-demo-user-${index}-${upn}`),
    userPrincipalName: upn,
    mail: upn,
    displayName: `${first} ${last}`,
    givenName: first,
    surname: last,
    jobTitle: stageTitles[stage],
    department,
    officeLocation:
      zone === 'Europe/London'
        ? 'London (remote)'
        : zone === 'Asia/Kolkata'
          ? 'Bengaluru (remote)'
          : `${department} – ${zone.split('/')[1]!.replace('_', ' ')}`,
    mobilePhone: null,
    businessPhones: [`+1 312 555 0${String(100 + index).padStart(3, '0')}`],
    preferredLanguage: 'en-US',
    managerId: null,
    careerStage: stage,
    timeZone: zone,
    windowsTimeZone: windowsName(zone),
    workingHours,
    roles: ['Participant'],
    ...extra,
  };
}

export function demoDirectory(): DirectoryUser[] {
  const random = prng(20261125);
  const users: DirectoryUser[] = [];
  let n = 0;
  const next = () => people[n++ % people.length]!;
  const director = makeUser(n, ...next(), 'Care Transitions', 'seasoned', 'America/Chicago', random, {
    jobTitle: 'Director of Case Management',
    roles: ['Participant'],
  });
  users.push(director);
  const owner = makeUser(n, ...next(), 'Care Transitions', 'mid', 'America/New_York', random, {
    jobTitle: 'Mentorship Program Manager',
    managerId: director.id,
    roles: ['Participant', 'ProgramOwner'],
  });
  users.push(owner);
  const stages: DirectoryUser['careerStage'][] = [
    'seasoned',
    'early',
    'early',
    'seasoned',
    'early',
    'mid',
    'seasoned',
    'early',
    'mid',
    'seasoned',
    'early',
    'seasoned',
  ];
  departments.forEach((department, d) => {
    const lead = makeUser(n, ...next(), department, 'seasoned', zones[d % 3]!, random, {
      jobTitle: `Case Management Lead, ${department}`,
      managerId: director.id,
      roles: ['Participant', 'DepartmentLead'],
    });
    users.push(lead);
    for (let i = 0; i < stages.length - 1; i++) {
      // Most of each team sits in the US; a few work remotely from London or Bengaluru.
      const roll = random();
      const zone =
        roll < 0.12
          ? 'Europe/London'
          : roll < 0.24
            ? 'Asia/Kolkata'
            : zones[Math.floor(random() * 3) === 2 ? 5 : (d + i) % 3]!;
      users.push(makeUser(n, ...next(), department, stages[i + 1]!, zone, random, { managerId: lead.id }));
    }
  });
  return users;
}

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
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
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

/** Eight weeks of a person's working life, from the Monday of `from`'s week. */
export function calendarFor(
  user: DirectoryUser,
  team: DirectoryUser[],
  from: Date,
  weeks: number,
  seed: number,
): StoredEvent[] {
  const random = prng(seed);
  const zone = user.timeZone;
  const monday = DateTime.fromJSDate(from, { zone }).startOf('week');
  const events: StoredEvent[] = [];
  const workStart = Number(user.workingHours.startTime.slice(0, 2));
  const workEnd = Number(user.workingHours.endTime.slice(0, 2));
  const at = (hour: number, minute = 0) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const oofWeek = random() < 0.35 ? Math.floor(random() * weeks) : -1;
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < 7; d++) {
      const day = monday.plus({ weeks: w, days: d });
      const dayName = day.setLocale('en-US').toFormat('cccc').toLowerCase();
      if (!user.workingHours.daysOfWeek.includes(dayName)) continue;
      const key = (what: string) => `${user.id}-${day.toISODate()}-${what}`;
      if (w === oofWeek && d < 2) {
        events.push(
          eventFor(
            user,
            day,
            { subject: 'Out of office', showAs: 'oof', startLocal: '00:00', minutes: 1440, allDay: true },
            key('oof'),
          ),
        );
        continue;
      }
      events.push(
        eventFor(
          user,
          day,
          {
            subject: `${user.department} huddle`,
            showAs: 'busy',
            startLocal: at(workStart, 30),
            minutes: 15,
            location: 'Teams',
            attendees: team.slice(0, 3),
          },
          key('huddle'),
        ),
      );
      const roll = random();
      if (roll < 0.45) {
        const start = workStart + 1 + Math.floor(random() * 3);
        events.push(
          eventFor(
            user,
            day,
            {
              subject: 'Clinical rounds / patient caseload',
              showAs: 'busy',
              startLocal: at(start),
              minutes: 120 + 30 * Math.floor(random() * 3),
              location: 'Unit',
            },
            key('clinical'),
          ),
        );
      } else if (roll < 0.6) {
        events.push(
          eventFor(
            user,
            day,
            {
              subject: 'Home visits',
              showAs: 'workingElsewhere',
              startLocal: at(workStart + 1),
              minutes: 180,
              location: 'Community',
            },
            key('visits'),
          ),
        );
      }
      if (random() < 0.35) {
        const start = Math.max(workStart + 2, workEnd - 3 - Math.floor(random() * 2));
        events.push(
          eventFor(
            user,
            day,
            {
              subject: 'Discharge planning meeting',
              showAs: 'busy',
              startLocal: at(start, random() < 0.5 ? 0 : 30),
              minutes: 60,
              location: 'Conference room 4',
            },
            key('discharge'),
          ),
        );
      }
      if (random() < 0.15) {
        events.push(
          eventFor(
            user,
            day,
            {
              subject: 'Utilization review committee (maybe)',
              showAs: 'tentative',
              startLocal: at(workEnd - 2),
              minutes: 60,
            },
            key('tentative'),
          ),
        );
      }
      if (d === 2)
        events.push(
          eventFor(
            user,
            day,
            {
              subject: `${user.department} team meeting`,
              showAs: 'busy',
              startLocal: at(Math.min(workEnd - 2, 13)),
              minutes: 60,
              location: 'Teams',
            },
            key('team'),
          ),
        );
    }
  }
  return events;
}

export function programSiteResource(): Record<string, unknown> {
  const siteGuid = stableGuid('reciprocal-site');
  const webGuid = stableGuid('reciprocal-web');
  const id = `${programSite.hostname},${siteGuid},${webGuid}`;
  return {
    createdDateTime: '2026-01-05T15:00:00Z',
    description: 'Reciprocal mentorship program: pairs, sessions, touchpoints and shared-learning notes.',
    id,
    lastModifiedDateTime: '2026-01-05T15:00:00Z',
    name: 'reciprocal',
    webUrl: `https://${programSite.hostname}${programSite.path}`,
    displayName: 'Reciprocal mentorship program',
    root: {},
    siteCollection: { hostname: programSite.hostname },
  };
}

/** Wipes nothing: fills an empty store with the demo organization. */
export function seedDemoOrganization(store: DevTenantStore, now: Date): void {
  const users = demoDirectory();
  store.insertUsers(users);
  const byDepartment = new Map<string, DirectoryUser[]>();
  for (const u of users) byDepartment.set(u.department, [...(byDepartment.get(u.department) ?? []), u]);
  users.forEach((u, i) =>
    store.insertEvents(
      calendarFor(
        u,
        byDepartment.get(u.department)!.filter((x) => x.id !== u.id),
        now,
        8,
        1000 + i,
      ),
    ),
  );
  const site = programSiteResource();
  store.upsertSite(String(site['id']), programSite.hostname, programSite.path, site);
  store.setMeta('seededAt', now.toISOString());
}

/** Many generated people with calendars, for benchmarks at organization scale. */
export function syntheticPeople(
  count: number,
  from: Date,
  weeks: number,
  seed: number,
): { users: DirectoryUser[]; events: StoredEvent[] } {
  const random = prng(seed);
  const users: DirectoryUser[] = [];
  for (let i = 0; i < count; i++) {
    const [first, last] = people[i % people.length]!;
    const u = makeUser(
      100_000 + seed * 10_000 + i,
      first,
      `${last}${i}`,
      departments[i % departments.length]!,
      (['early', 'mid', 'seasoned'] as const)[i % 3]!,
      zones[i % zones.length]!,
      random,
    );
    users.push({
      ...u,
      userPrincipalName: `synthetic${seed}.${i}@${demoDomain}`,
      mail: `synthetic${seed}.${i}@${demoDomain}`,
    });
  }
  const events = users.flatMap((u, i) => calendarFor(u, [], from, weeks, seed * 100_000 + i));
  return { users, events };
}
