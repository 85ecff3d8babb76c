// Message-extension search under load: N concurrent composeExtension/query
// invokes for 30 s (after 5 s of the same load, not counted but reported as
// `warmupP99Ms`) against the app and a dev tenant on loopback, authenticated
// as Teams would be (Bot Framework JWT). Targets: zero errors, p99 under 300 ms
// at 50 concurrent and under 150 ms at 100 (double load). `--concurrency N`
// runs one level (writes message-extension-N.json; 50 writes message-extension.json);
// without it both levels run.
//
// The load generator (the N clients, their requests and JSON parsing) runs in a
// child process of its own, so this process holds only the app and its dev
// tenant: `cpuMsPerRequest` (process.cpuUsage over the run / requests) is the
// app's cost per search, a figure that holds on a machine others are loading,
// where wall-clock latency mostly measures the wait for a core. To profile the
// app over the measured window only (not its start-up), set
// BENCH_CPU_PROFILE=/tmp/me.cpuprofile, or BENCH_HEAP_PROFILE=/tmp/me.heapprofile for
// where its allocations come from (one level: the file is overwritten per level).
import { fork } from 'node:child_process';
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Session } from 'node:inspector/promises';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { embeddedDefaults as ids } from '../server/config.js';

const p99TargetMs: Record<number, number> = { 50: 300, 100: 150 };
const seconds = Number(process.env['BENCH_SECONDS'] ?? 30);
/** The same load first, not counted: a just-started app is still compiling its hot paths (reported apart). */
const warmupSeconds = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 5);
const teamsServiceUrl = 'https://smba.trafficmanager.net/amer/';

interface LoadOrder {
  url: string;
  token: string;
  members: string[];
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
}
interface LoadReport {
  latencies: number[];
  /** Latencies of the requests started during the warm-up. */
  warmup: number[];
  errors: number;
  /** What the failures were: an HTTP status, a non-result answer's type, or the fetch error. */
  errorKinds: Record<string, number>;
  wallS: number;
  /** The load generator's own CPU over the run (its process), warm-up included. */
  loadCpuMs: number;
}

/** Where the app's process stood still over the run: event-loop delay and garbage-collection pauses. */
interface Stalls {
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  gcPauses: number;
  gcTotalMs: number;
  gcMaxMs: number;
  /** Of those, the full (mark-compact) collections. */
  gcMajorPauses: number;
  gcMajorMs: number;
  heapUsedMb: number;
}

/** Watches the app's event loop and its collector from the start of the load to its end. */
function watchStalls(): () => Stalls {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const pauses: number[] = [];
  const major: number[] = [];
  const gc = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => {
      pauses.push(e.duration);
      if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        major.push(e.duration);
    }),
  );
  delay.enable();
  gc.observe({ entryTypes: ['gc'] });
  return () => {
    delay.disable();
    gc.disconnect();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    return {
      eventLoopDelayP99Ms: ms(delay.percentile(99)),
      eventLoopDelayMaxMs: ms(delay.max),
      gcPauses: pauses.length,
      gcTotalMs: Math.round(pauses.reduce((a, b) => a + b, 0)),
      gcMaxMs: Math.round(Math.max(0, ...pauses) * 10) / 10,
      gcMajorPauses: major.length,
      gcMajorMs: Math.round(major.reduce((a, b) => a + b, 0)),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    };
  };
}

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

/**
 * One POST over a kept-alive connection. node:http, not fetch: the clients' own CPU and event-loop
 * queueing count in every latency measured, and fetch costs the load process about twice as much.
 */
function post(agent: http.Agent, url: URL, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The client side (child process): `concurrency` workers posting invokes back to back until the deadline. */
async function generateLoad(order: LoadOrder): Promise<LoadReport> {
  const latencies: number[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const cpu0 = process.cpuUsage();
  const measureFrom = performance.now() + order.warmupSeconds * 1000;
  const deadline = measureFrom + order.seconds * 1000;
  const warmup: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: order.concurrency });
  const endpoint = new URL('/api/messages', order.url);
  async function worker(n: number): Promise<void> {
    for (let i = 0; performance.now() < deadline; i++) {
      const started = performance.now();
      try {
        const r = await post(agent, endpoint, order.token, invoke(order.members[(n + i) % order.members.length]!));
        const body = JSON.parse(r.text) as { composeExtension?: { type?: string } };
        if (r.status !== 200) failed(`status ${r.status}`);
        else if (body.composeExtension?.type !== 'result') failed(`answer ${body.composeExtension?.type}`);
      } catch (err) {
        failed(err instanceof Error ? err.message : String(err));
      }
      (started < measureFrom ? warmup : latencies).push(performance.now() - started);
    }
  }
  await Promise.all(Array.from({ length: order.concurrency }, (_, n) => worker(n)));
  agent.destroy();
  const cpu = process.cpuUsage(cpu0);
  const wallS = (performance.now() - measureFrom) / 1000;
  return { latencies, warmup, errors, errorKinds, wallS, loadCpuMs: (cpu.user + cpu.system) / 1000 };
}

/** What to profile over the measured window: CPU (BENCH_CPU_PROFILE) or allocations (BENCH_HEAP_PROFILE), to a file. */
const profiling = process.env['BENCH_CPU_PROFILE']
  ? { kind: 'cpu' as const, file: process.env['BENCH_CPU_PROFILE'] }
  : process.env['BENCH_HEAP_PROFILE']
    ? { kind: 'heap' as const, file: process.env['BENCH_HEAP_PROFILE'] }
    : null;

async function startProfile(session: Session | null): Promise<void> {
  if (!session) return;
  session.connect();
  if (profiling?.kind === 'heap')
    // Every allocation sampled, including what the collector freed since: where the collector's work comes from.
    return void (await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16_384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never));
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}

async function stopProfile(session: Session | null): Promise<void> {
  if (!session || !profiling) return;
  const { profile } =
    profiling.kind === 'heap' ? await session.post('HeapProfiler.stopSampling') : await session.post('Profiler.stop');
  writeFileSync(profiling.file, JSON.stringify(profile));
  session.disconnect();
}

/** Runs one level from a fresh load process; this process's CPU over the run is the app's. */
function measure(order: LoadOrder): Promise<LoadReport & { appCpuMs: number; stalls: Stalls }> {
  const session = profiling ? new Session() : null;
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, MESSAGE_EXTENSION_BENCH_ROLE: 'load' },
  });
  return new Promise((resolve, reject) => {
    let cpu0: NodeJS.CpuUsage | null = null;
    let stalls: (() => Stalls) | null = null;
    child.on('message', (message: { ready?: true } | LoadReport) => {
      if ('ready' in message) {
        void startProfile(session).then(() => {
          cpu0 = process.cpuUsage();
          stalls = watchStalls();
          child.send(order);
        });
        return;
      }
      const used = process.cpuUsage(cpu0 ?? undefined);
      const stood = stalls!();
      child.disconnect();
      const report = message as LoadReport;
      void stopProfile(session).then(() =>
        resolve({ ...report, appCpuMs: (used.user + used.system) / 1000, stalls: stood }),
      );
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (cpu0 === null || code !== 0) reject(new Error(`the load process exited with ${code} before reporting`));
    });
  });
}

function summarize(report: LoadReport & { appCpuMs: number; stalls: Stalls }, concurrency: number) {
  const latencies = report.latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const pct = (p: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!);
  const target = p99TargetMs[concurrency] ?? 150;
  const perRequest = (cpuMs: number) => Math.round((cpuMs / (latencies.length + report.warmup.length)) * 1000) / 1000;
  return {
    requests: latencies.length,
    errors: report.errors,
    ...(report.errors > 0 ? { errorKinds: report.errorKinds } : {}),
    concurrency,
    seconds: round(report.wallS),
    requestsPerSecond: Math.round(latencies.length / report.wallS),
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    maxMs: round(latencies.at(-1)!),
    warmupSeconds: report.warmup.length ? Number(process.env['BENCH_WARMUP_SECONDS'] ?? 5) : 0,
    warmupRequests: report.warmup.length,
    warmupP99Ms: report.warmup.length
      ? round([...report.warmup].sort((a, b) => a - b)[Math.floor(0.99 * report.warmup.length)]!)
      : null,
    // CPU of the app's process (app + in-process dev tenant; the load generator is another process), warm-up included.
    cpuMsPerRequest: perRequest(report.appCpuMs),
    loadGenerator: 'separate process',
    loadGeneratorCpuMsPerRequest: perRequest(report.loadCpuMs),
    // The machine's 1-minute load average at the end: latency on a shared machine is mostly the wait for a core.
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
    ...report.stalls,
    targets: { p99Ms: target, errors: 0 },
    p99VsTarget: Math.round((pct(99) / target) * 100) / 100,
  };
}

async function runBench(levels: number[]): Promise<void> {
  const { seedDemoProgramFor } = await import('../server/cli/serve.js');
  const { startTestApp } = await import('../test/support/app.js');
  const { channelToken } = await import('../test/support/channel.js');
  const app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { members: Array<{ userId: string }> };
  }>;
  const members = [...new Set(pairs.flatMap((p) => p.pair.members.map((m) => m.userId)))];
  // What the Bot Framework channel sends with each activity (the bot refuses tenant tokens).
  const token = await channelToken(app.devTenantUrl, teamsServiceUrl);

  mkdirSync('bench/results', { recursive: true });
  for (const concurrency of levels) {
    const result = summarize(
      await measure({ url: app.url, token, members, concurrency, seconds, warmupSeconds }),
      concurrency,
    );
    const file = concurrency === 50 ? 'message-extension.json' : `message-extension-${concurrency}.json`;
    writeFileSync(`bench/results/${file}`, JSON.stringify(result, null, 2) + '\n');
    console.log(
      `message-extension: ${result.requests} search invokes, ${concurrency} concurrent for ${result.seconds} s (${result.requestsPerSecond}/s), ${result.errors} errors -> ${file}`,
    );
    console.log(
      `  p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms (target ${result.targets.p99Ms} ms; ${result.p99VsTarget}x of target), max ${result.maxMs} ms; app CPU ${result.cpuMsPerRequest} ms/request (load generator ${result.loadGeneratorCpuMsPerRequest}), load ${result.loadAverage}`,
    );
    console.log(
      `  event loop delay p99 ${result.eventLoopDelayP99Ms} ms, max ${result.eventLoopDelayMaxMs} ms; GC ${result.gcPauses} pauses, ${result.gcTotalMs} ms, longest ${result.gcMaxMs} ms (${result.gcMajorPauses} full, ${result.gcMajorMs} ms); heap ${result.heapUsedMb} MB`,
    );
  }
  await app.close();
}

if (process.env['MESSAGE_EXTENSION_BENCH_ROLE'] === 'load') {
  process.once('message', (order: LoadOrder) => {
    void generateLoad(order).then((report) => process.send!(report));
  });
  process.send!({ ready: true });
} else {
  await runBench(concurrencyLevels(process.argv.slice(2)));
}
