// Suggested times for every pair of the demo organization, through the REST
// route the tab calls: the top three fall on at least two days and stay clear
// of 12:00-13:00 local for both people whenever another slot exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
}, 60_000);
afterAll(() => app?.close());

interface Suggestion {
  start: string;
  localTimes: Array<{ local: string }>;
}

/** "Tue 2026-03-10 12:30" for a 30-minute slot. */
function overlapsLunch(local: string, minutes: number): boolean {
  const from = Number(local.slice(15, 17)) * 60 + Number(local.slice(18, 20));
  return from < 13 * 60 && from + minutes > 12 * 60;
}

const preferenceSets = [
  ['the tab’s defaults', { avoidLunch: true, preferMornings: false, avoidMondayFriday: false }],
  ['no preferences sent', undefined],
] as const;

describe('suggested times for the demo organization', () => {
  it.each(preferenceSets)('spreads the top three over days and keeps them clear of lunch (%s)', async (_, prefs) => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
    const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
      pair: { id: string; status: string };
    }>;
    const active = pairs.filter((p) => p.pair.status === 'active');
    expect(active.length).toBeGreaterThan(3);
    const start = new Date(Date.now() + 86_400_000);
    start.setUTCHours(0, 0, 0, 0);
    for (const { pair } of active) {
      const response = await app.request(`/api/pairs/${pair.id}/slots`, {
        as: owner,
        body: {
          durationMinutes: 30,
          windowStart: start.toISOString(),
          windowEnd: new Date(start.getTime() + 14 * 86_400_000).toISOString(),
          maxSuggestions: 50,
          ...(prefs ? { preferences: prefs } : {}),
        },
      });
      expect(response.status, response.text).toBe(200);
      const all = response.body.suggestions as Suggestion[];
      if (all.length < 3) continue;
      const lunch = (s: Suggestion) => s.localTimes.some((t) => overlapsLunch(t.local, 30));
      const top = all.slice(0, 3);
      const days = new Set(top.map((s) => s.localTimes[0]!.local.slice(0, 14)));
      const otherDays = new Set(all.map((s) => s.localTimes[0]!.local.slice(0, 14)));
      if (otherDays.size > 1) expect(days.size, `pair ${pair.id}: ${top.map((s) => s.start)}`).toBeGreaterThan(1);
      const clearOfLunch = all.filter((s) => !lunch(s)).length;
      expect(top.filter(lunch).length, `pair ${pair.id}`).toBeLessThanOrEqual(Math.max(0, 3 - clearOfLunch));
    }
  });
});
