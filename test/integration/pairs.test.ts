// Pairs, sessions and action items as the two people, an outsider and the
// program owner see them: another pair's ids answer 404 exactly like ids that
// do not exist, open action items carry over into the next session, either
// person of the pair can tick one off, and the program owner manages pairs
// without reading note text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { scanForPhi } from '../../src/core/notes/phi.js';
import type { Session } from '../../src/core/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';

interface Member {
  userId: string;
  displayName: string;
}
let app: TestApp;
let owner: string;
let pairId: string;
let lastSessionId: string;
let members: [string, string];
let outsider: string;

const upn = (userId: string) => app.users.find((u) => u.id === userId)!.userPrincipalName;
const enc = encodeURIComponent;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const all = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { id: string; members: Member[] };
    lastSession: { id: string } | null;
  }>;
  const chosen = all.find((p) => p.lastSession && !p.pair.members.some((m) => upn(m.userId) === owner))!;
  pairId = chosen.pair.id;
  lastSessionId = chosen.lastSession!.id;
  members = chosen.pair.members.map((m) => upn(m.userId)) as [string, string];
  const paired = new Set(all.flatMap((p) => p.pair.members.map((m) => m.userId)));
  outsider =
    app.users.find((u) => !paired.has(u.id) && u.roles.length === 1 && u.roles[0] === 'Participant')
      ?.userPrincipalName ??
    app.users.find((u) => !chosen.pair.members.some((m) => m.userId === u.id) && !u.roles.includes('ProgramOwner'))!
      .userPrincipalName;
}, 60_000);
afterAll(() => app?.close());

describe('the demo program', () => {
  it("seeds past sessions at 15:00 UTC on Wednesdays (mornings across US zones), not at the seeding moment's time of day", async () => {
    const store = app.app.services.store;
    const seeded = (await Promise.all((await store.allPairs()).map((p) => store.sessionsOfPair(p.id))))
      .flat()
      .filter((s) => s.id.startsWith('pair-demo-'));
    expect(seeded.length).toBeGreaterThan(0);
    for (const s of seeded) {
      const start = new Date(s.start);
      expect([start.getUTCDay(), start.getUTCHours(), start.getUTCMinutes()], s.id).toEqual([3, 15, 0]);
    }
  });

  it('is seeded once, with active pairs across departments, someone in two pairs, and notes free of patient identifiers', async () => {
    const store = app.app.services.store;
    const pairs = await store.allPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    expect(new Set(pairs.flatMap((p) => p.members.map((m) => m.department))).size).toBeGreaterThanOrEqual(3);
    const memberships = pairs.flatMap((p) => p.members.map((m) => m.userId));
    expect(memberships.length).toBeGreaterThan(new Set(memberships).size);
    expect(pairs.some((p) => p.members[0].timeZone !== p.members[1].timeZone)).toBe(true);
    const sessions = await store.allSessions();
    let notes = 0;
    for (const s of sessions) {
      for (const n of await store.notesOfSession(s.id)) {
        notes++;
        expect(scanForPhi([n.taught, n.learned, ...n.actionItems.map((i) => i.text)].join('\n'))).toEqual([]);
      }
    }
    expect(notes).toBeGreaterThan(0);
    expect(await seedDemoProgramFor(app.app, app.devTenant)).toEqual({ pairs: 0, sessions: 0 });
    expect((await store.allSessions()).length).toBe(sessions.length);
  });
});

describe('privacy between pairs', () => {
  it("answers another pair's ids with the same 404 as ids that do not exist", async () => {
    const probes: Array<[string, string, unknown?]> = [
      ['GET', `/api/pairs/${enc(pairId)}`],
      ['GET', `/api/sessions/${enc(lastSessionId)}`],
      [
        'PUT',
        `/api/sessions/${enc(lastSessionId)}/notes/me`,
        { taught: 'x', learned: 'y', actionItems: [], focusAreas: [] },
      ],
      ['PATCH', `/api/sessions/${enc(lastSessionId)}/action-items/ai-anything`, { done: true }],
      ['POST', `/api/sessions/${enc(lastSessionId)}/status`, { status: 'held' }],
      [
        'POST',
        `/api/pairs/${enc(pairId)}/touchpoints`,
        { kind: 'other', date: '2026-01-05', minutes: 10, focusAreas: [] },
      ],
    ];
    for (const [method, path, body] of probes) {
      const theirs = await app.request(path, { as: outsider, method, ...(body ? { body } : {}) });
      const missing = await app.request(
        // Well-formed ids that name nothing (a malformed one is a 400: test/integration/note-safety.test.ts).
        path.replace(enc(pairId), 'pair-does-not-exist').replace(enc(lastSessionId), 'pair-does-not-exist~2026-01-05'),
        { as: outsider, method, ...(body ? { body } : {}) },
      );
      expect(theirs.status, `${method} ${path}`).toBe(404);
      expect(missing.status, `${method} ${path} (missing)`).toBe(404);
      expect(missing.text, `${method} ${path}: the same body either way`).toBe(theirs.text);
      expect(theirs.body.error.code).toBe('not_found');
      expect(JSON.stringify(theirs.body)).not.toContain('taught');
    }
    const mine = (await app.request('/api/pairs', { as: outsider })).body as Array<{ pair: { id: string } }>;
    expect(mine.map((p) => p.pair.id)).not.toContain(pairId);
  });

  it('lets the program owner see the pair and session but no note text', async () => {
    const view = await app.request(`/api/sessions/${enc(lastSessionId)}`, { as: owner });
    expect(view.status).toBe(200);
    expect(view.body.myNote).toBeNull();
    expect(view.body.partnerNote).toBeNull();
    const memberView = await app.request(`/api/sessions/${enc(lastSessionId)}`, { as: members[0] });
    expect(memberView.body.partnerNote.taught.length).toBeGreaterThan(0);
  });
});

describe('action items', () => {
  let nextSessionId: string;

  beforeAll(async () => {
    const last = (await app.request(`/api/sessions/${enc(lastSessionId)}`, { as: members[0] })).body.session as Session;
    const start = new Date(Date.parse(last.start) + 7 * 24 * 3_600_000).toISOString();
    const next: Session = {
      ...last,
      id: `${pairId}~carry-over-test`,
      occurrence: 'carry-over-test',
      start,
      end: new Date(Date.parse(start) + 45 * 60_000).toISOString(),
      status: 'scheduled',
    };
    await app.app.services.store.recordSession(next);
    nextSessionId = next.id;
  });

  it("carries both people's open items into the next session, and either person can tick one off", async () => {
    const before = (await app.request(`/api/sessions/${enc(nextSessionId)}`, { as: members[0] })).body;
    const open = before.carriedOverActionItems as Array<{
      id: string;
      authorId: string;
      sessionId: string;
      done: boolean;
    }>;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => i.sessionId === lastSessionId && !i.done)).toBe(true);
    const partners = (await app.request(`/api/sessions/${enc(nextSessionId)}`, { as: members[1] })).body
      .carriedOverActionItems;
    expect(partners).toEqual(open);

    const authoredByOther = open.find((i) => upn(i.authorId) !== members[0]) ?? open[0]!;
    const tick = await app.request(`/api/sessions/${enc(nextSessionId)}/action-items/${enc(authoredByOther.id)}`, {
      as: members[0],
      method: 'PATCH',
      body: { done: true },
    });
    expect(tick.status).toBe(200);
    expect(tick.body.item).toMatchObject({ id: authoredByOther.id, done: true });

    const after = (await app.request(`/api/sessions/${enc(nextSessionId)}`, { as: members[1] })).body
      .carriedOverActionItems as Array<{ id: string }>;
    expect(after.map((i) => i.id)).not.toContain(authoredByOther.id);
    expect(after).toHaveLength(open.length - 1);
  });

  it('answers an unknown item with 404 and a malformed body with 400 naming the field', async () => {
    const unknown = await app.request(`/api/sessions/${enc(nextSessionId)}/action-items/ai-nosuchitem`, {
      as: members[0],
      method: 'PATCH',
      body: { done: true },
    });
    expect(unknown.status).toBe(404);
    const bad = await app.request(`/api/sessions/${enc(nextSessionId)}/action-items/ai-nosuchitem`, {
      as: members[0],
      method: 'PATCH',
      body: { done: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('done');
  });
});

describe('touchpoints and session status', () => {
  it('logs a touchpoint once however often the same one is sent, and refuses an unknown kind naming the field', async () => {
    const body = {
      kind: 'case-review',
      date: '2026-01-05T15:00:00.000Z',
      minutes: 20,
      focusAreas: ['clinical-expertise'],
    };
    const first = await app.request(`/api/pairs/${enc(pairId)}/touchpoints`, { as: members[0], body });
    const again = await app.request(`/api/pairs/${enc(pairId)}/touchpoints`, { as: members[0], body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.touchpoint.id).toBe(first.body.touchpoint.id);
    const stored = (await app.app.services.store.touchpointsOfPair(pairId)).filter(
      (t) => t.id === first.body.touchpoint.id,
    );
    expect(stored).toHaveLength(1);
    const bad = await app.request(`/api/pairs/${enc(pairId)}/touchpoints`, {
      as: members[0],
      body: { ...body, kind: 'patient-visit' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('kind');
  });

  it('marks a session no-show and then held, and refuses other statuses', async () => {
    const path = `/api/sessions/${enc(lastSessionId)}/status`;
    expect((await app.request(path, { as: members[1], body: { status: 'no-show' } })).body.session.status).toBe(
      'no-show',
    );
    expect((await app.request(path, { as: members[1], body: { status: 'held' } })).body.session.status).toBe('held');
    expect((await app.request(`/api/sessions/${enc(lastSessionId)}`, { as: members[0] })).body.session.status).toBe(
      'held',
    );
    expect((await app.request(path, { as: members[1], body: { status: 'exploded' } })).status).toBe(400);
  });
});

describe('the program owner manages pairs', () => {
  it('creates a pair with a warning when one reports to the other, and ends it', async () => {
    const withManager = await Promise.all(
      app.users
        .filter((u) => u.department && !u.roles.includes('ProgramOwner'))
        .map(async (u) => ({ u, manager: await app.devTenant.graph('GET', `/users/${u.id}/manager`) })),
    );
    const report = withManager.find(
      (x) => x.manager.status === 200 && app.users.some((m) => m.id === x.manager.body.id && m.department),
    )!;
    const manager = app.users.find((m) => m.id === report.manager.body.id)!;
    const created = await app.request('/api/pairs', {
      as: owner,
      body: {
        members: [
          { userId: report.u.id, careerStage: report.u.careerStage },
          { userId: manager.id, careerStage: manager.careerStage },
        ],
        cadence: 'monthly',
        durationMinutes: 30,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.warnings.join(' ')).toContain(`${report.u.displayName} reports to ${manager.displayName}`);
    const id = created.body.pair.id as string;

    const seen = await app.request(`/api/pairs/${enc(id)}`, { as: report.u.userPrincipalName });
    expect(seen.status).toBe(200);

    const notOwner = await app.request(`/api/pairs/${enc(id)}`, {
      as: report.u.userPrincipalName,
      method: 'PATCH',
      body: { status: 'ended' },
    });
    expect(notOwner.status).toBe(403);
    const ended = await app.request(`/api/pairs/${enc(id)}`, { as: owner, method: 'PATCH', body: { status: 'ended' } });
    expect(ended.status).toBe(200);
    expect(ended.body.pair.status).toBe('ended');
    expect(Date.parse(ended.body.pair.endedOn)).toBeGreaterThan(0);
    const listed = (await app.request('/api/pairs', { as: report.u.userPrincipalName })).body as Array<{
      pair: { id: string };
    }>;
    expect(listed.map((p) => p.pair.id)).not.toContain(id);
  });

  it('refuses a pair of one person twice with 400 naming the field', async () => {
    const u = app.users[0]!;
    const r = await app.request('/api/pairs', {
      as: owner,
      body: {
        members: [
          { userId: u.id, careerStage: 'early' },
          { userId: u.id, careerStage: 'early' },
        ],
        cadence: 'weekly',
        durationMinutes: 30,
      },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toContain('members');
  });
});
