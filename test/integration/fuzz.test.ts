// Zero 5xx for any caller input (issue 12): a seeded fuzzer posts generated
// bodies, hostile path ids, wrong content types and wrong roles to every write
// route the app declares, against a dev tenant without injected faults (faults
// would legitimately answer 503). `npm run fuzz` is the long run of the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { isWriteRoute, loadFuzzFixtures, routeName, runFuzz, type FuzzFixtures } from '../support/fuzz.js';

const seed = Number(process.env['FUZZ_SEED'] ?? 0x12f022);
const requests = 2_000;

let app: TestApp;
let fixtures: FuzzFixtures;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  fixtures = await loadFuzzFixtures(app);
}, 120_000);
afterAll(() => app?.close());

describe('fuzzing every write route', () => {
  it('has real ids of the demo program to aim at', () => {
    expect(fixtures.memberships.length).toBeGreaterThanOrEqual(2);
    expect(fixtures.memberships.some((m) => m.sessionIds.length > 0)).toBe(true);
  });

  it(`answers ${requests} generated requests without a single 5xx (seed ${seed})`, async () => {
    process.stdout.write(`fuzz seed ${seed} (FUZZ_SEED=${seed} replays it)\n`);
    const report = await runFuzz({ baseUrl: app.url, routes: app.routes, fixtures, seed, count: requests });

    const writes = app.routes.filter(isWriteRoute).map(routeName);
    expect(writes.length).toBeGreaterThan(10);
    expect(Object.keys(report.routes).sort()).toEqual([...writes].sort());
    expect(report.requests).toBe(requests);
    const failures = report.failures.map(
      (f) =>
        `${f.status} ${f.method} ${f.path}\n  request headers ${JSON.stringify(f.requestHeaders)}\n` +
        `  request body ${f.requestBody}\n  answer ${f.response}`,
    );
    expect(failures.join('\n'), `${report.status5xx} answers were 5xx (first 20 below)`).toBe('');
    expect(report.status5xx).toBe(0);
  }, 240_000);
});
