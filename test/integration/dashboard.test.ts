// Dashboards over HTTP: a lead sees their own department only, the owner sees
// all, figures are aggregates with small groups suppressed, and note text
// never appears in JSON or CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const sentinel = 'SENTINEL-DASHBOARD-71be';

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  // A note with a sentinel, written through the notes API, must never reach a dashboard.
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { members: Array<{ userId: string }> };
    lastSession: { id: string } | null;
  }>;
  const p = pairs.find((x) => x.lastSession)!;
  const author = app.users.find((u) => u.id === p.pair.members[0]!.userId)!.userPrincipalName;
  const path = `/api/sessions/${encodeURIComponent(p.lastSession!.id)}`;
  const current = (await app.request(path, { as: author })).body.myNote;
  const saved = await app.request(`${path}/notes/me`, {
    as: author,
    method: 'PUT',
    headers: current ? { 'if-match': current.etag } : {},
    body: { taught: sentinel, learned: sentinel, actionItems: [], focusAreas: [] },
  });
  expect(saved.status).toBe(200);
}, 60_000);
afterAll(() => app?.close());

const lead = () => app.users.find((u) => u.roles.includes('DepartmentLead'))!;
const period = '?from=2026-01-01&to=2027-01-31';

describe('department dashboard', () => {
  it("shows a lead their own department's aggregates", async () => {
    const me = lead();
    const r = await app.request(`/api/departments/${encodeURIComponent(me.department)}/dashboard${period}`, {
      as: me.userPrincipalName,
    });
    expect(r.status).toBe(200);
    expect(r.body.dashboards).toHaveLength(1);
    const d = r.body.dashboards[0];
    expect(d.department).toBe(me.department);
    expect(d.pairsAtRisk.pairs).toEqual([]);
    for (const f of [d.people, d.activePairs, d.sessions.held])
      expect(f.suppressed ? f.value : typeof f.value).toBe(f.suppressed ? null : 'number');
  });

  it("refuses a lead another department's URL", async () => {
    const me = lead();
    const other = app.users.find((u) => u.department !== me.department)!.department;
    const r = await app.request(`/api/departments/${encodeURIComponent(other)}/dashboard`, {
      as: me.userPrincipalName,
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
  });

  it('refuses a participant', async () => {
    const participant = app.users.find((u) => u.roles.length === 1)!;
    const r = await app.request(`/api/departments/${encodeURIComponent(participant.department)}/dashboard`, {
      as: participant.userPrincipalName,
    });
    expect(r.status).toBe(403);
  });

  it('names the bad query parameter', async () => {
    const me = lead();
    const r = await app.request(
      `/api/departments/${encodeURIComponent(me.department)}/dashboard?from=2026-05-01&to=2026-01-01`,
      { as: me.userPrincipalName },
    );
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('query.to');
  });
});

describe('program dashboard', () => {
  it('shows the owner every department, with at-risk pairs listed', async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
    const r = await app.request(`/api/program/dashboard${period}`, { as: owner });
    expect(r.status).toBe(200);
    expect(r.body.dashboards.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(r.body)).not.toContain(sentinel);
  });

  it('exports the same figures as CSV without note text', async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
    const r = await app.request(`/api/program/dashboard${period}&format=csv`, { as: owner });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment/);
    expect(r.text.split('\r\n')[0]).toBe('department,from,to,metric,key,value,suppressed');
    expect(r.text).not.toContain(sentinel);
  });
});

describe("the caller's own dashboard (/api/me/dashboard, which the tab asks for before it knows who is signed in)", () => {
  it("answers the owner with the program's figures, as /api/program/dashboard does", async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
    const own = await app.request(`/api/me/dashboard${period}`, { as: owner });
    const program = await app.request(`/api/program/dashboard${period}`, { as: owner });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(program.body);
    expect(own.body.pairsAtRisk).toBeDefined();
  });

  it("answers a lead with their own department's figures (per the directory), as CSV too", async () => {
    const me = lead();
    const own = await app.request(`/api/me/dashboard${period}`, { as: me.userPrincipalName });
    const department = await app.request(`/api/departments/${encodeURIComponent(me.department)}/dashboard${period}`, {
      as: me.userPrincipalName,
    });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(department.body);
    expect(own.body.dashboards.map((d: { department: string }) => d.department)).toEqual([me.department]);
    const csv = await app.request(`/api/me/dashboard${period}&format=csv`, { as: me.userPrincipalName });
    expect(csv.headers.get('content-disposition')).toContain(
      `reciprocal-${me.department.replace(/[^A-Za-z0-9-]/g, '-')}`,
    );
    expect(csv.text).not.toContain(sentinel);
  });

  it('refuses a participant, and names a bad period', async () => {
    const participant = app.users.find((u) => u.roles.length === 1)!;
    const refused = await app.request('/api/me/dashboard', { as: participant.userPrincipalName });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const bad = await app.request('/api/me/dashboard?from=2026-05-01&to=2026-01-01', { as: lead().userPrincipalName });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.to');
  });
});
