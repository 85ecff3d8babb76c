// Enrollment over HTTP against the dev tenant: opting in with the mailbox's hours, validation naming
// fields, pause, leave (what goes and what stays), and the owner's CSV and Entra-group enrollment
// with one invitation per person however often they are enrolled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGroups, pilotGroupId } from '../../devtenant/demo/directory.js';
import type { ProgramStore } from '../../server/graph/programStore.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { storeOn } from '../support/operations.js';

let app: TestApp;
let store: ProgramStore;
let owner: DemoUser;

export const answers = (over: Record<string, unknown> = {}) => ({
  careerStage: 'early',
  canTeach: [{ area: 'technology-adoption', level: 'advanced' }],
  wantsToLearn: [{ area: 'clinical-expertise', level: 'beginner' }],
  cadence: 'biweekly',
  durationMinutes: 30,
  languages: ['en'],
  crossDepartment: true,
  maxPairs: 1,
  ...over,
});

const outboxOf = async (kind: string, recipient?: string) =>
  (await store.all('Outbox')).filter(
    (i) => i.fields['Kind'] === kind && (!recipient || i.fields['Recipient'] === recipient),
  );

beforeAll(async () => {
  app = await startTestApp();
  store = storeOn(app.devTenant).store;
  owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
}, 60_000);
afterAll(() => app?.close());

const someone = (stage: DemoUser['careerStage'], skip = 0) =>
  app.users.filter((u) => u.careerStage === stage && u.roles.length === 1)[skip]!;

describe('my profile', () => {
  it('prefills the career stage from the directory and takes hours from the mailbox', async () => {
    const ana = someone('early');
    const r = await app.request('/api/me/profile', { as: ana.userPrincipalName });
    expect(r.status).toBe(200);
    expect(r.body.profile).toBeNull();
    expect(r.body.directory.careerStage).toBe('early');
    expect(r.body.directory.workingHours.timeZone).toBe(ana.timeZone);
  });

  it('refuses answers it cannot use with a 400 naming the field, and saves nothing', async () => {
    const ana = someone('early', 1);
    for (const [body, field] of [
      [answers({ canTeach: [] }), 'body.canTeach'],
      [answers({ wantsToLearn: [{ area: 'clinical-expertise', level: 'guru' }] }), 'body.wantsToLearn.0.level'],
      [answers({ maxPairs: 7 }), 'body.maxPairs'],
      [answers({ languages: ['english please'] }), 'body.languages.0'],
      [answers({ timeZone: 'UTC' }), 'body'],
    ] as const) {
      const r = await app.request('/api/me/profile', { as: ana.userPrincipalName, method: 'PUT', body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
    expect((await app.request('/api/me/profile', { as: ana.userPrincipalName })).body.profile).toBeNull();
  });

  it('opts in, pauses (an edit keeps it paused), resumes', async () => {
    const ana = someone('early', 2);
    const put = await app.request('/api/me/profile', { as: ana.userPrincipalName, method: 'PUT', body: answers() });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ status: 'active', userId: ana.id, department: ana.department });
    expect(put.body.workingHours.timeZone).toBe(ana.timeZone);
    const paused = await app.request('/api/me/profile/pause', { as: ana.userPrincipalName, body: {} });
    expect(paused.body.status).toBe('paused');
    const edited = await app.request('/api/me/profile', {
      as: ana.userPrincipalName,
      method: 'PUT',
      body: answers({ maxPairs: 2 }),
    });
    expect(edited.body).toMatchObject({ status: 'paused', maxPairs: 2 });
    const resumed = await app.request('/api/me/profile/pause', { as: ana.userPrincipalName, body: { paused: false } });
    expect(resumed.body.status).toBe('active');
  });

  it('pausing without a profile is a 404, not a 500', async () => {
    const r = await app.request('/api/me/profile/pause', { as: someone('mid', 3).userPrincipalName, body: {} });
    expect(r.status).toBe(404);
  });

  it('leaving removes the profile and ends active pairs, whose history stays for the partner', async () => {
    const early = someone('early', 3);
    const seasoned = someone('seasoned', 3);
    await app.request('/api/me/profile', { as: early.userPrincipalName, method: 'PUT', body: answers() });
    const created = await app.request('/api/pairs', {
      as: owner.userPrincipalName,
      body: {
        members: [
          { userId: early.id, careerStage: 'early' },
          { userId: seasoned.id, careerStage: 'seasoned' },
        ],
        cadence: 'biweekly',
        durationMinutes: 30,
      },
    });
    expect(created.status).toBe(201);
    const left = await app.request('/api/me/profile', { as: early.userPrincipalName, method: 'DELETE' });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ removed: { profile: true }, endedPairs: [created.body.pair.id] });
    expect((await app.request('/api/me/profile', { as: early.userPrincipalName })).body.profile).toBeNull();
    const pair = await store.pair(created.body.pair.id);
    expect(pair?.status).toBe('ended');
    // Leaving again is harmless.
    expect((await app.request('/api/me/profile', { as: early.userPrincipalName, method: 'DELETE' })).status).toBe(200);
  });
});

describe('owner enrollment', () => {
  it('refuses a CSV with a bad row, naming every line, and invites nobody', async () => {
    const r = await app.request('/api/enrollment/csv', {
      as: owner.userPrincipalName,
      body: { csv: `email,careerStage\n${someone('mid', 0).userPrincipalName},mid\nnobody,late\n` },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('body.csv');
    expect(r.body.error.details.problems).toEqual([
      { line: 3, field: 'email', message: 'expected an email address' },
      { line: 3, field: 'careerStage', message: 'expected early, mid or seasoned' },
    ]);
    expect(await outboxOf('invitation')).toHaveLength(0);
  });

  it('invites the people of a CSV once each, however often it is uploaded', async () => {
    const people = [someone('mid', 0), someone('mid', 1)];
    const csv = `email,canTeach,wantsToLearn\n${people.map((p) => `${p.userPrincipalName},leadership,technology-adoption`).join('\n')}\nghost@contosohealth.example,,\n`;
    const first = await app.request('/api/enrollment/csv', { as: owner.userPrincipalName, body: { csv } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ invited: 2, alreadyEnrolled: 0 });
    expect(first.body.problems).toEqual([{ line: 4, field: 'email', message: expect.stringContaining('ghost@') }]);
    const again = await app.request('/api/enrollment/csv', { as: owner.userPrincipalName, body: { csv } });
    expect(again.body).toMatchObject({ invited: 0, alreadyEnrolled: 2 });
    for (const p of people) expect(await outboxOf('invitation', p.id)).toHaveLength(1);
    const profile = await app.request('/api/me/profile', { as: people[0]!.userPrincipalName });
    expect(profile.body.profile).toMatchObject({ status: 'invited', canTeach: [{ area: 'leadership' }] });
  });

  it('invites the members of an Entra group; an unknown group is a 400 naming groupId', async () => {
    const members = demoGroups(app.devTenant.users as never)[0]!.memberIds;
    const r = await app.request('/api/enrollment/group', {
      as: owner.userPrincipalName,
      body: { groupId: pilotGroupId },
    });
    expect(r.status).toBe(200);
    expect(r.body.invited + r.body.alreadyEnrolled).toBe(members.length);
    const unknown = await app.request('/api/enrollment/group', {
      as: owner.userPrincipalName,
      body: { groupId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('body.groupId');
  });

  it('keeps the owner routes from participants', async () => {
    const r = await app.request('/api/enrollment/group', {
      as: someone('early').userPrincipalName,
      body: { groupId: pilotGroupId },
    });
    expect(r.status).toBe(403);
  });
});
