// Dashboards read from the tenant at organization scale: 5,000 pairs and
// 60,000 sessions in the dev tenant's SharePoint lists, 80 ms added to every
// Graph request, the app in its own process. The first (cold) view reads each
// list once through Graph's delta query; every later (warm) view, after one
// change, asks only what changed. Targets: warm p95 under 300 ms, at most 2
// Graph requests a warm view, a cold read within 10% of ceil(items / page size).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphDispatcher } from '../devtenant/graph/dispatch.js';
import { DevTenantStore } from '../devtenant/store.js';
import { seededRandom } from '../devtenant/traffic.js';
import { pairFields, sessionFields } from '../server/graph/programRecords.js';
import { careerStages, directions, focusAreas, type Pair, type Session } from '../src/core/schemas.js';
import { spawnAppInstance } from '../test/support/appInstances.js';
import { startTestDevTenant, type TestDevTenant } from '../test/support/devtenant.js';

const { values: options } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, 'cpu-prof': { type: 'string' } },
  strict: true,
});
const scale = Number(options.scale);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be a number in (0, 1], got "${options.scale}"`);
const pairCount = Math.round(5_000 * scale);
const sessionCount = Math.round(60_000 * scale);
const latencyMs = 80;
const pageSize = 999; // what the program store asks for (ProgramStore.changes)
const warmViews = 20;
const targets = { warmP95Ms: 300, warmGraphRequests: 2, coldRequestsWithin: 0.1 };
const departments = ['Transplant', 'Behavioral Health', 'Utilization Review', 'Care Transitions', 'Pediatrics'];

const random = seededRandom(0x5eed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const seconds = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');
const yearStart = Date.parse('2025-11-24T00:00:00Z');
const yearMs = 365 * 24 * 3_600_000;

function person(n: number) {
  return {
    userId: uid(n),
    displayName: `Person ${n}`,
    mail: `person${n}@contoso.test`,
    department: departments[n % departments.length]!,
    careerStage: pick(careerStages),
    timeZone: 'America/Chicago',
  };
}

const pairs: Pair[] = Array.from({ length: pairCount }, (_, i) => ({
  id: `pair-bench-${i}`,
  members: [person(2 * i), person(2 * i + 1)],
  cadence: 'biweekly',
  durationMinutes: 30,
  status: random() < 0.9 ? 'active' : 'ended',
  startedOn: new Date(yearStart - random() * yearMs).toISOString(),
  endedOn: null,
}));
const session = (i: number): Session => {
  const start = yearStart + Math.floor((random() * yearMs) / 900_000) * 900_000;
  return {
    id: `pair-bench-${i % pairCount}~s${i}`,
    pairId: `pair-bench-${i % pairCount}`,
    occurrence: `s${i}`,
    eventId: null,
    iCalUId: null,
    organizerId: uid(2 * (i % pairCount)),
    direction: pick(directions),
    focusAreas: [pick(focusAreas)],
    start: new Date(start).toISOString(),
    end: new Date(start + 30 * 60_000).toISOString(),
    status: start < Date.now() ? pick(['held', 'held', 'held', 'no-show', 'cancelled'] as const) : 'scheduled',
    joinUrl: null,
  };
};

/** Writes the items straight into the dev tenant's database (as a migration would), one transaction per list. */
function fill(store: DevTenantStore, listId: string, rows: Array<{ key: string; fields: Record<string, unknown> }>) {
  const now = Date.now();
  store.db.transaction(() =>
    rows.forEach((row, i) =>
      store.insertItem({
        listId,
        id: i + 1,
        fields: Object.fromEntries(
          Object.entries({ Title: row.key, Key: row.key, ...row.fields }).map(([k, v]) => [
            k,
            typeof v === 'string' && /^\d{4}-\d\d-\d\dT.*\.\d{3}Z$/.test(v) ? seconds(v) : v,
          ]),
        ),
        version: 1,
        etagGuid: `bench-${listId}-${i}`,
        createdMs: now,
        modifiedMs: now,
        createdBy: 'bench',
      }),
    ),
  )();
}

/** CPU time (user + system) the app process has used, from /proc (clock ticks of 10 ms). */
const cpuMsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const peakRssMbOf = (pid: number) =>
  Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 102.4) / 10;
/**
 * Graph requests by method and path (ids and query left out), counted where the
 * dev tenant dispatches them: a $batch's own POST is one request, its items are
 * listed under `batch item`. What the bench itself sends is counted as well.
 */
const byPath = new Map<string, number>();
/** The longest the dev tenant took over one request of the view (its added latency included): Graph's share of the wall time. */
let longestGraphMs = 0;
const dispatch = GraphDispatcher.prototype.dispatch;
GraphDispatcher.prototype.dispatch = async function (req, asBatchItem) {
  const shape = req.path.replace(/\/lists\/[^/]+/, '/lists/{list}').replace(/\/items\/\d+/, '/items/{id}');
  const key = `${asBatchItem ? 'batch item ' : ''}${req.method} ${shape.replace(/\/sites\/[^/]+/, '/sites/{site}')}`;
  byPath.set(key, (byPath.get(key) ?? 0) + 1);
  const t0 = performance.now();
  try {
    return await dispatch.call(this, req, asBatchItem);
  } finally {
    longestGraphMs = Math.max(longestGraphMs, performance.now() - t0);
  }
};
const countedPaths = () => Object.fromEntries([...byPath].sort(([a], [b]) => a.localeCompare(b)));

/**
 * The proactive-message scheduler ticks every 60 s and reads the program lists
 * (server/program/operations/scheduler.ts): a tick landing inside a view was
 * counted as that view's requests (a warm view "cost" 3). The app runs with it
 * off, and the results file says so.
 */
const appEnv: Record<string, string> = { RECIPROCAL_SCHEDULER: 'off' };
/**
 * `--cpu-prof <dir>`: the fresh instance writes a V8 CPU profile there when it
 * stops, and the bench writes `warm-phase.json` with the monotonic instants
 * (µs, the profile's clock) the warm views ran between, to read the profile for them alone.
 */
const profileDir = options['cpu-prof'] ? path.resolve(options['cpu-prof']) : null;
/** Node refuses `--cpu-prof` in NODE_OPTIONS, so the instance preloads this: the inspector's profiler, written at exit. */
const profiler = (dir: string) => `
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.once('exit', () =>
  session.post('Profiler.stop', (err, answer) => {
    if (!err) writeFileSync(${JSON.stringify(dir)} + '/app-' + process.pid + '.cpuprofile', JSON.stringify(answer.profile));
  }),
);
`;
function profiledEnv(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const preload = path.join(dir, 'profiler.mjs');
  writeFileSync(preload, profiler(dir));
  return { ...appEnv, NODE_OPTIONS: `--import ${preload}` };
}
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const counted =
  'every Graph request the dev tenant received while the view ran (a $batch is one; its items are listed by path); ' +
  "the bench's own writes are made before counting starts; the app's proactive-message scheduler is off " +
  "(RECIPROCAL_SCHEDULER=off) so its 60 s ticks are not counted as a view's";

interface Counted {
  ms: number;
  /** The app's CPU time during the view: on a loaded machine wall time also measures the neighbours. */
  cpuMs: number;
  /** The longest single Graph request (a $batch's item) of the view, as the dev tenant timed it. */
  graphItemMs: number;
  requests: number;
  byPath: Record<string, number>;
}

/** One view, with the Graph requests made while it ran. */
async function measured(devTenant: TestDevTenant, pid: number, view: () => Promise<number>): Promise<Counted> {
  devTenant.resetStats();
  byPath.clear();
  longestGraphMs = 0;
  const cpu0 = cpuMsOf(pid);
  const ms = await view();
  const cpuMs = cpuMsOf(pid) - cpu0;
  const { requests, byKind } = devTenant.stats();
  const batches = byKind['batch'] ?? 0;
  return {
    ms,
    cpuMs,
    graphItemMs: Math.round(longestGraphMs),
    requests,
    byPath: { ...(batches > 0 ? { 'POST /$batch': batches } : {}), ...countedPaths() },
  };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;

async function main() {
  const devTenant = await startTestDevTenant();
  const app = await spawnAppInstance(devTenant, appEnv);
  const owner = devTenant.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const token = await devTenant.tokenFor(owner);
  /** The size of the owner's answer: it names the first page of each at-risk list, not every at-risk pair. */
  let answerBytes = 0;
  const view = async () => {
    const t0 = performance.now();
    const res = await fetch(`${app.url}/api/program/dashboard?from=2025-11-24&to=2026-11-23`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`dashboard: HTTP ${res.status} ${await res.text()}`);
    const body = await res.text();
    JSON.parse(body);
    answerBytes = Buffer.byteLength(body);
    return performance.now() - t0;
  };
  try {
    const step = (what: string) => process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${what}\n`);
    // Provision the lists through the app (a first view), then fill them.
    step('provisioning the program lists');
    await view();
    const { hostname, path: sitePath } = { hostname: 'reciprocal-dev.sharepoint.local', path: '/sites/reciprocal' };
    const site = (await devTenant.graph('GET', `/sites/${hostname}:${sitePath}`)).body.id as string;
    const lists = (await devTenant.graph('GET', `/sites/${site}/lists`)).body.value as Array<{
      id: string;
      displayName: string;
    }>;
    const listId = (name: string) => lists.find((l) => l.displayName === name)!.id;
    const db = new DevTenantStore(devTenant.dataDir);
    fill(
      db,
      listId('Pairs'),
      pairs.map((p) => ({ key: p.id, fields: pairFields(p) })),
    );
    const sessions = Array.from({ length: sessionCount }, (_, i) => session(i));
    fill(
      db,
      listId('Sessions'),
      sessions.map((s) => ({ key: s.id, fields: sessionFields(s) })),
    );
    db.db.close();
    step(`filled ${pairCount} pairs and ${sessionCount} sessions; starting a fresh instance`);
    await app.stop();
    // A fresh instance: nothing mirrored yet.
    const fresh = await spawnAppInstance(devTenant, profileDir ? profiledEnv(profileDir) : appEnv);
    Object.assign(app, fresh);
    devTenant.setFaults({ latencyMs });

    step('cold view');
    const cold = await measured(devTenant, fresh.process.pid!, view);
    step(`cold view done (${Math.round(cold.ms)} ms); warm views`);
    const sessionsList = `/sites/${site}/lists/${listId('Sessions')}/items`;
    const warm: Counted[] = [];
    const warmFromUs = monotonicUs();
    for (let i = 0; i < warmViews; i++) {
      await devTenant.graph('PATCH', `${sessionsList}/${1 + i * 997}/fields`, { Status: i % 2 ? 'held' : 'no-show' });
      warm.push(await measured(devTenant, fresh.process.pid!, view));
    }
    const peakRssMb = peakRssMbOf(fresh.process.pid!);
    if (profileDir) {
      writeFileSync(
        path.join(profileDir, 'warm-phase.json'),
        JSON.stringify({ fromUs: warmFromUs, toUs: monotonicUs() }),
      );
      await fresh.stop(); // SIGTERM: the instance exits and writes its profile
    }
    const coldMs = cold.ms;
    const coldGraphRequests = cold.requests;
    const costliest = warm.reduce((a, b) => (b.requests > a.requests ? b : a));
    const warmGraphRequests = costliest.requests;
    const items = pairCount + sessionCount;
    const expectedColdRequests = Math.ceil(items / pageSize);
    const result = {
      pairs: pairCount,
      sessions: sessionCount,
      coldMs: Math.round(coldMs),
      coldGraphRequests,
      warmP95Ms: Math.round(
        percentile(
          warm.map((w) => w.ms),
          95,
        ),
      ),
      warmGraphRequests,
      warmAnswerBytes: answerBytes,
      coldCpuMs: cold.cpuMs,
      warmCpuP95Ms: percentile(
        warm.map((w) => w.cpuMs),
        95,
      ),
      peakRssMb,
      addedGraphLatencyMs: latencyMs,
      pageSize,
      expectedColdRequests,
      countedGraphRequests: counted,
      coldGraphRequestsByPath: cold.byPath,
      warmGraphRequestsByPath: costliest.byPath,
      warmMsRuns: warm.map((w) => Math.round(w.ms)),
      warmCpuMsRuns: warm.map((w) => w.cpuMs),
      warmGraphItemMsRuns: warm.map((w) => w.graphItemMs),
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      cpus: os.cpus().length,
      targets,
    };
    mkdirSync('bench/results', { recursive: true });
    const file = scale === 1 ? 'dashboard-store.json' : `dashboard-store-${scale}x.json`;
    writeFileSync(path.join('bench/results', file), JSON.stringify(result, null, 2) + '\n');
    const within =
      Math.abs(coldGraphRequests - expectedColdRequests) <= targets.coldRequestsWithin * expectedColdRequests;
    console.log(
      `dashboard-store: ${pairCount} pairs, ${sessionCount} sessions, ${latencyMs} ms added to each Graph request`,
    );
    console.log(
      `  cold view: ${result.coldMs} ms, ${coldGraphRequests} Graph requests (ceil(items / ${pageSize}) = ${expectedColdRequests}; ${within ? 'within' : 'NOT within'} 10%)`,
    );
    console.log(
      `  warm view after one change: p95 ${result.warmP95Ms} ms (target ${targets.warmP95Ms}), at most ${warmGraphRequests} Graph requests (target ${targets.warmGraphRequests}); app CPU p95 ${result.warmCpuP95Ms} ms`,
    );
    console.log(
      `  app peak RSS: ${result.peakRssMb} MB; load average ${result.loadAverage.join(' ')} on ${result.cpus} CPUs`,
    );
  } finally {
    await app.kill().catch(() => undefined);
    await devTenant.close();
  }
}

await main();
