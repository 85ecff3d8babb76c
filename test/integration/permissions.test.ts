// The dev tenant enforces each Graph API's documented permissions, and every
// feature that loses one of its permissions fails with a message naming it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { permissionsOfType } from '../../server/permissions.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startTestDevTenant } from '../support/devtenant.js';

const documented = {
  applicationPermissions: permissionsOfType('application'),
  delegatedPermissions: permissionsOfType('delegated'),
};
// v2 tokens for our API keep these tests apart from the token-version work; permissions do not depend on it.
const registration = { ...documented, accessTokenAcceptedVersion: 2 as const };

let app: TestApp;

async function grant(change: Partial<typeof registration>): Promise<void> {
  const res = await fetch(`${app.devTenantUrl}/_admin/app-registration`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  expect(res.status).toBe(200);
}
const without = (name: string) => ({
  applicationPermissions: documented.applicationPermissions.filter((p) => p !== name),
  delegatedPermissions: documented.delegatedPermissions.filter((p) => p !== name),
});
/** Graph with a fresh app-only token (consent changes apply to tokens issued afterwards, as in Entra). */
async function graphAsApp(method: string, path: string, body?: unknown) {
  const token = await app.devTenant.appToken();
  const res = await fetch(`${app.devTenantUrl}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

beforeAll(async () => {
  const devTenant = await startTestDevTenant({ appRegistration: registration });
  app = await startTestApp({ devTenant });
  await seedDemoProgramFor(app.app, app.devTenant);
}, 90_000);
afterAll(async () => {
  await app?.close();
  await app?.devTenant.close();
});
afterEach(() => grant(registration));

const someone = () => app.users[0]!.id;

describe('the dev tenant enforces Graph permissions', () => {
  it('starts with exactly the documented permissions', async () => {
    const res = await fetch(`${app.devTenantUrl}/_admin/app-registration`);
    expect(await res.json()).toEqual(registration);
  });

  it('refuses an app registration change with a bad field, naming it', async () => {
    const res = await fetch(`${app.devTenantUrl}/_admin/app-registration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ applicationPermissions: 'User.Read.All' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/applicationPermissions/);
  });

  it('refuses findMeetingTimes app-only, as Graph has no application permission for it', async () => {
    const res = await graphAsApp('POST', `/users/${someone()}/findMeetingTimes`, {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ErrorAccessDenied');
  });

  it('answers getSchedule without a calendar permission with Exchange’s 403', async () => {
    await grant(without('Calendars.ReadWrite'));
    const res = await graphAsApp('POST', `/users/${someone()}/calendar/getSchedule`, {
      schedules: [app.users[0]!.userPrincipalName],
      startTime: { dateTime: '2030-01-07T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2030-01-08T00:00:00', timeZone: 'UTC' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
    });
  });

  it('answers the directory without User.Read.All with Authorization_RequestDenied', async () => {
    await grant(without('User.Read.All'));
    const res = await graphAsApp('GET', '/users?$top=1');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Authorization_RequestDenied');
  });

  it('answers SharePoint without a sites permission with accessDenied', async () => {
    await grant(without('Sites.Selected'));
    const res = await graphAsApp('GET', `/sites/${app.config.programSite.hostname}:${app.config.programSite.path}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('accessDenied');
  });

  it('refuses posting chat messages app-only (migration only)', async () => {
    const res = await graphAsApp('POST', '/chats/19:any@thread.v2/messages', { body: { content: 'x' } });
    expect(res.status).toBe(403);
  });

  it('checks each $batch item on its own', async () => {
    await grant(without('User.Read.All'));
    const res = await graphAsApp('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/users?$top=1' },
        { id: '2', method: 'GET', url: `/users/${someone()}/mailboxSettings` },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(byId).toEqual({ '1': 403, '2': 200 });
  });
});

/** A pair, one of its members, and a bookable slot. */
async function pairAndSlot() {
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { id: string; members: Array<{ userId: string }> };
  }>;
  const pair = pairs[2]!.pair;
  const member = app.users.find((u) => u.id === pair.members[0]!.userId)!;
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(0, 0, 0, 0);
  const window = {
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + 6 * 86_400_000).toISOString(),
  };
  return { owner, pair, member, window };
}

describe('a feature without one of its permissions says which one', () => {
  it('free/busy without Calendars.ReadWrite names it', async () => {
    const { pair, member, window } = await pairAndSlot();
    await grant(without('Calendars.ReadWrite'));
    await app.restart();
    const res = await app.request(`/api/pairs/${pair.id}/slots`, {
      as: member.userPrincipalName,
      body: { durationMinutes: 30, ...window },
    });
    expect(res.status).toBe(502);
    expect(res.body.error.message, res.text).toContain('application permission Calendars.ReadWrite');
  });

  it('the directory search without User.Read.All names it', async () => {
    const { owner } = await pairAndSlot();
    await grant(without('User.Read.All'));
    await app.restart();
    const res = await app.request('/api/directory/people?search=an', { as: owner });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain('application permission User.Read.All');
  });

  it('the program store without Sites.Selected names it', async () => {
    const { owner } = await pairAndSlot();
    await grant(without('Sites.Selected'));
    await app.restart();
    const res = await app.request('/api/program/pairs', { as: owner });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain('application permission Sites.Selected');
  });

  it('pairing without MailboxSettings.Read names it instead of planning the pair in UTC', async () => {
    await app.restart();
    const { owner } = await pairAndSlot();
    const people = (await app.request('/api/directory/people?search=a', { as: owner })).body as Array<{ id: string }>;
    await grant(without('MailboxSettings.Read'));
    await app.restart();
    const res = await app.request('/api/pairs', {
      as: owner,
      body: {
        members: [
          { userId: people[0]!.id, careerStage: 'early' },
          { userId: people[1]!.id, careerStage: 'seasoned' },
        ],
        cadence: 'monthly',
        durationMinutes: 30,
      },
    });
    expect(res.status, res.text).toBe(502);
    expect(res.body.error.message).toContain('application permission MailboxSettings.Read');
    // Signing in still works: the tab shows times in the browser's zone until the zone can be read.
    const me = await app.request('/api/me', {
      as: app.users.find((u) => !u.roles.includes('ProgramOwner'))!.userPrincipalName,
    });
    expect(me.status).toBe(200);
  });

  it.each([
    ['OnlineMeetings.Read', 'the meeting chat'],
    ['Chat.Create', 'your Teams chat with'],
  ])('booking without delegated %s still books and says the agenda missed %s', async (permission, where) => {
    await app.restart();
    const { pair, member, window } = await pairAndSlot();
    const slots = await app.request(`/api/pairs/${pair.id}/slots`, {
      as: member.userPrincipalName,
      body: { durationMinutes: 30, ...window },
    });
    await grant(without(permission));
    // A fresh sign-in, so the on-behalf-of token is issued after the change.
    const token = await app.devTenant.tokenFor(member.userPrincipalName);
    const booked = await app.request(`/api/pairs/${pair.id}/sessions`, {
      token,
      body: {
        start: slots.body.suggestions[0].start,
        durationMinutes: 30,
        direction: 'both',
        focusAreas: ['leadership'],
      },
    });
    expect(booked.status).toBe(201);
    const missed = (booked.body.agendaPostedTo as string[]).find((t) => t.startsWith(`not ${where}`));
    expect(missed).toContain(`delegated permission ${permission}`);
  });
});
