// The owner's at-risk pairs a page at a time: a dashboard names the first page
// and a cursor; GET /api/program/dashboard/at-risk pages on (a department's,
// or the whole program's), for the owner any department, for a lead only
// their own (and without names). Bad input is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { addQuietPairs } from '../support/dashboardLists.js';

let app: TestApp;
const department = 'Care & Transitions/West';
const quietPairs = 60;
let pairItems = '';
let lastPairItem = '';

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  ({ items: pairItems, lastItem: lastPairItem } = await addQuietPairs(app, department, quietPairs));
}, 120_000);
afterAll(() => app?.close());

const owner = () => app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
const lead = () => app.users.find((u) => u.roles.includes('DepartmentLead'))!;
const atRisk = (query: Record<string, string>, as = owner()) =>
  app.request(`/api/program/dashboard/at-risk?${new URLSearchParams(query).toString()}`, { as });

interface Listed {
  pairId: string;
  members?: Array<{ displayName: string }>;
}

/** Follows the cursors from a first page to the last, through the at-risk route. */
async function rest(first: { pairs: Listed[]; next: string | null }, query: Record<string, string>) {
  const pairs = [...first.pairs];
  for (let next = first.next; next !== null;) {
    const page = await atRisk({ ...query, cursor: next });
    expect(page.status).toBe(200);
    expect(page.body.pairs.length).toBeLessThanOrEqual(25);
    pairs.push(...page.body.pairs);
    next = page.body.next;
  }
  return pairs;
}

describe('at-risk pairs a page at a time', () => {
  it("names the first 25 on a department's dashboard and pages on to every at-risk pair, each once", async () => {
    const r = await app.request(`/api/departments/${encodeURIComponent(department)}/dashboard`, { as: owner() });
    expect(r.status).toBe(200);
    const risk = r.body.dashboards[0].pairsAtRisk;
    expect(risk.count).toEqual({ value: quietPairs, suppressed: false });
    expect(risk.pairs).toHaveLength(25);
    expect(typeof risk.next).toBe('string');
    const all = await rest(risk, { department });
    expect(all.map((p) => p.pairId)).toEqual(
      Array.from({ length: quietPairs }, (_, i) => `pair-quiet-${String(i).padStart(3, '0')}`),
    );
    for (const p of all) expect(p.members?.map((m) => m.displayName)).toHaveLength(2);
  });

  it('answers the same pages for a percent-encoded department name', async () => {
    const encoded = await app.request(`/api/program/dashboard/at-risk?department=${encodeURIComponent(department)}`, {
      as: owner(),
    });
    expect(encoded.status).toBe(200);
    expect(encoded.body.department).toBe(department);
    expect(encoded.body.pairs.map((p: Listed) => p.pairId)[0]).toBe('pair-quiet-000');
  });

  it("carries the whole program's at-risk pairs on the program dashboard, each pair once", async () => {
    const r = await app.request('/api/program/dashboard', { as: owner() });
    expect(r.status).toBe(200);
    const risk = r.body.pairsAtRisk;
    for (const d of r.body.dashboards) expect(d.pairsAtRisk.pairs.length).toBeLessThanOrEqual(25);
    expect(risk.pairs).toHaveLength(25);
    const all = await rest(risk, {});
    expect(new Set(all.map((p) => p.pairId)).size).toBe(all.length);
    expect(all.length).toBe(risk.count.value);
    expect(all.length).toBeGreaterThanOrEqual(quietPairs);
  });

  it('shows a lead their own department without names, and refuses another department naming it', async () => {
    const me = lead();
    const mine = await atRisk({ department: me.department }, me.userPrincipalName);
    expect(mine.status).toBe(200);
    expect(mine.body.pairs).toEqual([]);
    expect(mine.body.next).toBeNull();
    const theirs = await atRisk({ department }, me.userPrincipalName);
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.message).toContain(department);
    const program = await atRisk({}, me.userPrincipalName);
    expect(program.status).toBe(403);
  });

  it('refuses a participant', async () => {
    const participant = app.users.find((u) => u.roles.length === 1)!;
    const r = await atRisk({ department: participant.department }, participant.userPrincipalName);
    expect(r.status).toBe(403);
  });

  it.each([
    [{ department, cursor: 'not a cursor' }, 'query.cursor'],
    [{ department, cursor: Buffer.from('["x"]').toString('base64url') }, 'query.cursor'],
    [{ department, from: '2026-02-30' }, 'query.from'],
    [{ department: '' }, 'query.department'],
    [{ department: 'x'.repeat(200) }, 'query.department'],
  ])('answers 400 naming the field for %j', async (query, field) => {
    const r = await atRisk(query);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    expect(r.body.error.field).toBe(field);
  });

  it('answers 304 to a repeated view that names the ETag it has, and 200 once something changed', async () => {
    const path = `/api/departments/${encodeURIComponent(department)}/dashboard`;
    const first = await app.request(path, { as: owner() });
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch marks a request carrying If-None-Match `Cache-Control: no-cache` (a reload) unless it names its own.
    const revalidate = (tag: string) => ({ 'if-none-match': tag, 'cache-control': 'max-age=0' });
    const again = await app.request(path, { as: owner(), headers: revalidate(etag!) });
    expect(again.status).toBe(304);
    // One pair paused: the department's figures change, and so does the answer to the same ETag.
    const paused = await app.devTenant.graph('PATCH', `${pairItems}/${lastPairItem}/fields`, { Status: 'paused' });
    expect(paused.status).toBe(200);
    const changed = await app.request(path, { as: owner(), headers: revalidate(etag!) });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.dashboards[0].pairsAtRisk.count.value).toBe(quietPairs - 1);
  });
});
