// `npm run fuzz`: 20,000 generated write requests (every write route, valid tokens,
// hostile bodies and ids) against the app and a fault-free dev tenant. Writes
// bench/results/fuzz.json; exits 1 when any answer was a 5xx (issue 12).
// FUZZ_SEED and FUZZ_REQUESTS override the seed and the count.
import { mkdirSync, writeFileSync } from 'node:fs';
import { seedDemoProgramFor } from '../server/cli/serve.js';
import { startTestApp } from '../test/support/app.js';
import { loadFuzzFixtures, runFuzz } from '../test/support/fuzz.js';

const seed = Number(process.env['FUZZ_SEED'] ?? 0x5eed12);
const count = Number(process.env['FUZZ_REQUESTS'] ?? 20_000);

const app = await startTestApp();
let report;
try {
  await seedDemoProgramFor(app.app, app.devTenant);
  const fixtures = await loadFuzzFixtures(app);
  process.stdout.write(`fuzz: seed ${seed}, ${count} requests\n`);
  report = await runFuzz({ baseUrl: app.url, routes: app.routes, fixtures, seed, count, concurrency: 4 });
} finally {
  await app.close();
}

const { failures, ...figures } = report;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/fuzz.json', JSON.stringify({ ...figures, failures }, null, 2) + '\n');
process.stdout.write(
  `requests ${figures.requests}, status5xx ${figures.status5xx}, ${figures.ms} ms; by status ${JSON.stringify(figures.byStatus)}\n`,
);
process.stdout.write(JSON.stringify(figures.causes, null, 1) + '\n');
for (const f of failures)
  process.stdout.write(`${f.status} ${f.method} ${f.path}\n  request ${f.requestBody}\n  answer ${f.response}\n`);
process.exit(figures.status5xx > 0 ? 1 : 0);
