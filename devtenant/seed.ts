// The demo case-management organization: its people (demo/directory.ts), eight
// weeks of realistic calendars from the current week (demo/calendars.ts), so
// free/busy always has content, and the program's SharePoint site.
import { calendarFor } from './demo/calendars.js';
import {
  demoDirectory,
  demoDomain,
  demoGroups,
  departments,
  makeUser,
  people,
  stableGuid,
  zones,
} from './demo/directory.js';
import { groupsCollection } from './graph/groups.js';
import type { DevTenantStore, DirectoryUser, StoredEvent } from './store.js';
import { seededRandom as prng } from './traffic.js';

export const programSite = { hostname: 'reciprocal-dev.sharepoint.local', path: '/sites/reciprocal' };
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
  for (const group of demoGroups(users)) store.putDocument(groupsCollection, group.id, { ...group });
  const site = programSiteResource();
  store.upsertSite(String(site['id']), programSite.hostname, programSite.path, site);
  store.setMeta('seededAt', now.toISOString());
}

/** Many generated people (directory entries only), for benchmarks at organization scale. */
export function syntheticUsers(count: number, seed: number): DirectoryUser[] {
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
  return users;
}

/** Many generated people with calendars, for benchmarks at organization scale. */
export function syntheticPeople(
  count: number,
  from: Date,
  weeks: number,
  seed: number,
): { users: DirectoryUser[]; events: StoredEvent[] } {
  const users = syntheticUsers(count, seed);
  const events = users.flatMap((u, i) => calendarFor(u, [], from, weeks, seed * 100_000 + i));
  return { users, events };
}

/**
 * Adds generated people and their calendars to the store in one transaction (people already there are kept as
 * they are); the same count, weeks and seed always give the same people.
 */
export function addSyntheticPeople(
  store: DevTenantStore,
  count: number,
  from: Date,
  weeks: number,
  seed: number,
): DirectoryUser[] {
  const users = syntheticUsers(count, seed);
  const index = new Map(users.map((u, i) => [u.id, i]));
  store.insertPeopleWithCalendars(users, (u) => calendarFor(u, [], from, weeks, seed * 100_000 + index.get(u.id)!));
  return users;
}
