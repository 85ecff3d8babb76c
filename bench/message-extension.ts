// Message-extension search under load: N concurrent composeExtension/query
// invokes for 30 s against the app and a dev tenant on loopback, authenticated
// as Teams would be (Bot Framework JWT). Targets: zero errors, p99 under 300 ms
// at 50 concurrent and under 150 ms at 100 (double load). `--concurrency N`
// runs one level (writes message-extension-N.json; 50 writes message-extension.json);
// without it both levels run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { embeddedDefaults as ids } from '../server/config.js';
import { seedDemoProgramFor } from '../server/cli/serve.js';
import { startTestApp } from '../test/support/app.js';
import { channelToken } from '../test/support/channel.js';

const p99TargetMs: Record<number, number> = { 50: 300, 100: 150 };
const seconds = Number(process.env['BENCH_SECONDS'] ?? 30);

function concurrencyLevels(argv: string[]): number[] {
  const at = argv.indexOf('--concurrency');
  if (at < 0) return [50, 100];
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    process.stderr.write('message-extension: --concurrency must be a whole number from 1 to 1000\n');
    process.exit(2);
  }
  return [n];
}
const levels = concurrencyLevels(process.argv.slice(2));

const app = await startTestApp();
await seedDemoProgramFor(app.app, app.devTenant);
const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
  pair: { members: Array<{ userId: string }> };
}>;
const members = [...new Set(pairs.flatMap((p) => p.pair.members.map((m) => m.userId)))];
const teamsServiceUrl = 'https://smba.trafficmanager.net/amer/';
// What the Bot Framework channel sends with each activity (the bot refuses tenant tokens).
const token = await channelToken(app.devTenantUrl, teamsServiceUrl);

const invoke = (aadObjectId: string) =>
  JSON.stringify({
    type: 'invoke',
    name: 'composeExtension/query',
    channelId: 'msteams',
    serviceUrl: teamsServiceUrl,
    id: `bench-${Math.random().toString(36).slice(2)}`,
    from: { id: '29:bench', aadObjectId },
    recipient: { id: `28:${ids.botId}` },
    conversation: { id: 'a:bench', tenantId: ids.tenantId },
    channelData: { tenant: { id: ids.tenantId } },
    value: {
      commandId: 'searchPairs',
      parameters: [{ name: 'searchKeywords', value: '' }],
      queryOptions: { skip: 0, count: 25 },
    },
  });

async function measure(concurrency: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  async function worker(n: number): Promise<void> {
    for (let i = 0; performance.now() < deadline; i++) {
      const started = performance.now();
      try {
        const r = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: invoke(members[(n + i) % members.length]!),
        });
        const body = (await r.json()) as { composeExtension?: { type?: string } };
        if (r.status !== 200 || body.composeExtension?.type !== 'result') errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, n) => worker(n)));
  const wallS = (performance.now() - started) / 1000;

  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
  const result = {
    requests: latencies.length,
    errors,
    concurrency,
    seconds: Math.round(wallS * 10) / 10,
    requestsPerSecond: Math.round(latencies.length / wallS),
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    maxMs: Math.round(latencies.at(-1)! * 10) / 10,
    targets: { p99Ms: p99TargetMs[concurrency] ?? 150, errors: 0 },
    p99VsTarget: Math.round((pct(99) / (p99TargetMs[concurrency] ?? 150)) * 100) / 100,
  };
  return result;
}

mkdirSync('bench/results', { recursive: true });
for (const concurrency of levels) {
  const result = await measure(concurrency);
  const file = concurrency === 50 ? 'message-extension.json' : `message-extension-${concurrency}.json`;
  writeFileSync(`bench/results/${file}`, JSON.stringify(result, null, 2) + '\n');
  console.log(
    `message-extension: ${result.requests} search invokes, ${concurrency} concurrent for ${result.seconds} s (${result.requestsPerSecond}/s), ${result.errors} errors -> ${file}`,
  );
  console.log(
    `  p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms (target ${result.targets.p99Ms} ms; ${result.p99VsTarget}x of target), max ${result.maxMs} ms`,
  );
}
await app.close();
