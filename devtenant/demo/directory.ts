// The demo organization's people: deterministic (fixed seed) names, managers,
// career stages and working hours in six time zones.
import { createHash } from 'node:crypto';
import { findWindows } from 'windows-iana';
import type { DirectoryUser } from '../store.js';
import { seededRandom as prng } from '../traffic.js';

export const demoDomain = 'contosohealth.example';
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

export const people: Array<[string, string]> = [
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
export const zones = [
  'America/Chicago',
  'America/New_York',
  'America/Phoenix',
  'Europe/London',
  'Asia/Kolkata',
  'America/Denver',
] as const;
const stageTitles = { early: 'Case Manager I', mid: 'Case Manager II', seasoned: 'Senior Case Manager' } as const;

// The lookup scans the whole zone table: once per zone, not once per person (16,000 at benchmark scale).
const windowsNames = new Map<string, string>();

function windowsName(iana: string): string {
  const known = windowsNames.get(iana);
  if (known) return known;
  const w = findWindows(iana);
  const name = Array.isArray(w) ? w[0] : w;
  if (!name) throw new Error(`no Windows name for ${iana}`);
  windowsNames.set(iana, name);
  return name;
}

export function makeUser(
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

/** The Entra group the demo program enrolls at once: the pilot cohort, Care Transitions and Transplant. */
export const pilotGroupId = stableGuid('reciprocal-demo-group-pilot');

export function demoGroups(
  users: readonly DirectoryUser[],
): Array<{ id: string; displayName: string; memberIds: string[] }> {
  const pilot = users.filter((u) => u.department === 'Care Transitions' || u.department === 'Transplant');
  return [{ id: pilotGroupId, displayName: 'Reciprocal pilot cohort', memberIds: pilot.map((u) => u.id) }];
}
