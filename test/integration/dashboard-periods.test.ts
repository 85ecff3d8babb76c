// Dashboard periods over HTTP: whole weeks of the organization's zone, so two
// periods differing by a second answer the same; the owner's department
// dashboard names the at-risk pairs, a lead's keeps the suppressed count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
}, 60_000);
afterAll(() => app?.close());

const owner = () => app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
const lead = () => app.users.find((u) => u.roles.includes('DepartmentLead'))!;
const dashboard = (department: string, query: string, as: string) =>
  app.request(`/api/departments/${encodeURIComponent(department)}/dashboard${query}`, { as });

describe('dashboard periods', () => {
  it('answers the same for two periods one second apart, over whole weeks', async () => {
    const me = lead();
    const from = new Date(Date.now() - 70 * 86_400_000).toISOString();
    const to = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const later = new Date(Date.parse(to) + 1_000).toISOString();
    const a = await dashboard(me.department, `?from=${from}&to=${to}`, me.userPrincipalName);
    const b = await dashboard(me.department, `?from=${from}&to=${later}`, me.userPrincipalName);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    const { period } = a.body.dashboards[0];
    const zone = app.config.orgTimeZone;
    for (const end of [period.from, period.to]) {
      const local = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(end));
      expect(local).toBe('Mon 00:00');
    }
  });
});

describe('at-risk pairs', () => {
  it("names the owner's at-risk pairs on a department dashboard and keeps a lead's count suppressed when small", async () => {
    const all = (await app.request('/api/program/dashboard', { as: owner() })).body.dashboards as Array<{
      department: string;
      pairsAtRisk: { count: { value: number | null; suppressed: boolean }; pairs: Array<Record<string, unknown>> };
    }>;
    const withRisk = all.find((d) => d.pairsAtRisk.pairs.length > 0);
    expect(withRisk, 'the seed has a pair at risk').toBeDefined();
    const mine = await dashboard(withRisk!.department, '', owner());
    const risk = mine.body.dashboards[0].pairsAtRisk;
    expect(risk.count.suppressed).toBe(false);
    expect(risk.count.value).toBe(risk.pairs.length);
    for (const p of risk.pairs) {
      expect(p.members).toHaveLength(2);
      for (const m of p.members) expect(typeof m.displayName).toBe('string');
    }
    const leadOf = app.users.find((u) => u.roles.includes('DepartmentLead') && u.department === withRisk!.department);
    if (leadOf) {
      const theirs = (await dashboard(withRisk!.department, '', leadOf.userPrincipalName)).body.dashboards[0];
      expect(theirs.pairsAtRisk.pairs).toEqual([]);
      if (risk.pairs.length * 2 < 5) expect(theirs.pairsAtRisk.count.suppressed).toBe(true);
    }
  });
});
