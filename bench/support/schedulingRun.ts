// One run of the scheduling benchmark: the dev tenant in its own process,
// synthetic people, free/busy streamed into each person's ranges, the engine at
// this scale and at 1x, nobody double-booked (checked), the naive baseline.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { Agent } from 'undici';
import { z } from 'zod';
import type { AvailabilityInput, Placement } from '../../src/core/scheduling/allocation.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import type { Pair } from '../../src/core/schemas.js';
import { dayMs } from '../../src/core/time.js';
import { embeddedDefaults as ids } from '../../server/config.js';
import { streamFreeBusy } from '../../server/graph/calendar.js';
import { createGraphClient } from '../../server/graph/client.js';
import { allocateDepartment } from '../../server/program/departmentPlan.js';
import { ScheduleCollector } from './schedulingCollector.js';
import { benchPairs, instanceSize, naiveBaseline, type NaiveBaseline } from './schedulingInstance.js';

export interface BenchFigures {
  pairs: number;
  people: number;
  windowDays: number;
  seedMs: number;
  freeBusyRequests: number;
  freeBusyMs: number;
  parseMs: number;
  /** CPU time (user + system) of the same steps: what the engine costs, whatever else runs on the machine. */
  parseCpuMs: number;
  engineMs: number;
  engineCpuMs: number;
  allocateRuns: number[];
  engineMs1x: number | null;
  engineCpuMs1x: number | null;
  totalMs: number;
  placed: number;
  /** Pairs not placed that came back with a reason. */
  reported: number;
  /** How many unplaced pairs gave each reason. */
  reasons: Record<string, number>;
  doubleBooked: number;
  naive: NaiveBaseline;
}

interface Tenant {
  url: string;
  httpsUrl: string;
  tlsCertificatePath: string;
  child: ChildProcess;
}

async function startTenantProcess(): Promise<Tenant> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/devTenantProcess.ts'], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the dev tenant process exited (${code}) before it listened`))),
  );
  const line = new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const started = z
    .object({ url: z.string(), httpsUrl: z.string(), tlsCertificatePath: z.string() })
    .parse(JSON.parse(await Promise.race([line, exited])));
  exited.catch(() => undefined);
  return { ...started, child };
}

/** For the one long admin request (seeding): no limit on the wait for the answer's headers or body. */
const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

async function adminJson(t: Tenant, route: string, body?: unknown, dispatcher?: Agent): Promise<unknown> {
  const res = await fetch(`${t.url}/_admin/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    ...(dispatcher ? { dispatcher } : {}),
  } as RequestInit);
  if (!res.ok) throw new Error(`the dev tenant refused /_admin/${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

const requestsSoFar = async (t: Tenant) =>
  z.object({ requests: z.number() }).parse(await adminJson(t, 'stats')).requests;

/** A demo person who may sign in with the password grant (the root listing's first). */
async function demoUser(t: Tenant): Promise<string> {
  const res = await fetch(`${t.url}/`);
  return z.object({ users: z.array(z.object({ userPrincipalName: z.string() })).min(1) }).parse(await res.json())
    .users[0]!.userPrincipalName;
}

/** Each person's availability as the answers arrive; the time spent parsing, per person. */
async function streamAvailability(t: Tenant, mailboxes: string[], window: Interval) {
  let token: string | null = null;
  const getAccessToken = async () => {
    if (token) return token;
    const res = await fetch(`${t.url}/${ids.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: ids.clientId,
        client_secret: ids.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    token = z.object({ access_token: z.string() }).parse(await res.json()).access_token;
    return token;
  };
  await getAccessToken();
  const gateway = createGraphClient({
    baseUrl: `${t.httpsUrl}/v1.0`,
    getAccessToken,
    logger: pino({ level: 'silent' }),
    trustedCaPem: readFileSync(t.tlsCertificatePath, 'utf8'),
  });
  const collector = new ScheduleCollector(window, { treatTentativeAsBusy: true });
  await adminJson(t, 'stats/reset', {});
  const started = performance.now();
  await streamFreeBusy(gateway, mailboxes, window, (infos) => collector.add(infos));
  const availability = collector.availability;
  const parseMs = collector.readMsByPerson;
  const parseCpuMs = collector.readCpuMsByPerson;
  return {
    availability,
    parseMs,
    parseCpuMs,
    freeBusyMs: performance.now() - started,
    requests: await requestsSoFar(t),
  };
}

/** Median allocation time of five runs, and the placements. */
function timeAllocation(pairs: Pair[], availability: ReadonlyMap<string, AvailabilityInput>, window: Interval) {
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let placements: Placement[] = [];
  for (let i = 0; i < 5; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    placements = allocateDepartment(pairs, availability, window, 'bench');
    runs.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
  return { placements, runs, median: median(runs), cpuMedian: median(cpuRuns) };
}

/** People given two overlapping sessions by the run (checked, not assumed). */
function doubleBookedPeople(pairs: readonly Pair[], placements: readonly Placement[]): number {
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const taken = new Map<string, Interval[]>();
  for (const p of placements) {
    if (!p.slot) continue;
    for (const m of byId.get(p.pairId)!.members) {
      const list = taken.get(m.userId);
      if (list) list.push(p.slot);
      else taken.set(m.userId, [p.slot]);
    }
  }
  let n = 0;
  for (const list of taken.values()) {
    list.sort((a, b) => a.start - b.start);
    if (list.some((s, i) => i > 0 && s.start < list[i - 1]!.end)) n++;
  }
  return n;
}

/** What went wrong, with what caused it (undici's "fetch failed" says nothing on its own). */
function causeOf(err: unknown): string {
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (cause === undefined || cause === null) return '';
  const c = cause as { code?: unknown; name?: unknown; message?: unknown };
  const text = [c.name, c.code, c.message].filter((x) => typeof x === 'string' && x.length > 0).join(' ');
  return text ? ` (${text})` : ` (${String(cause)})`;
}

/** A step of the run whose failure names the step: "free/busy: fetch failed (HeadersTimeoutError ...)". */
async function phase<T>(name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw new Error(`${name}: ${err instanceof Error ? err.message : String(err)}${causeOf(err)}`, { cause: err });
  }
}

export async function runSchedulingBench(scale: number, windowLength: number): Promise<BenchFigures> {
  const size = instanceSize(scale);
  const tenant = await startTenantProcess();
  try {
    const s0 = performance.now();
    // One request, one transaction (devtenant/store.ts insertPeopleWithCalendars): fetch's own 300-second wait for
    // headers is lifted for it, so a loaded machine makes seeding slow, never a failed run.
    const seeded = await phase(`seeding synthetic people (${size.people})`, () =>
      adminJson(tenant, 'synthetic-people', { count: size.people, weeks: 3, seed: 9 }, patient),
    );
    const people = z
      .object({ users: z.array(z.object({ id: z.string(), userPrincipalName: z.string(), timeZone: z.string() })) })
      .parse(seeded).users;
    const seedMs = performance.now() - s0;
    const pairs = benchPairs(people, size.pairs);
    const mailboxes = [...new Set(pairs.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())))];
    const windowStart = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    const window = { start: windowStart, end: windowStart + windowLength };

    const fetched = await phase('free/busy', () => streamAvailability(tenant, mailboxes, window));
    const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);
    const parseMs = sum(fetched.parseMs.values());
    const parseCpuMs = sum(fetched.parseCpuMs.values());
    // End to end: free/busy (answers parsed as they arrive) and the first, cold allocation.
    const first = performance.now();
    const placements = allocateDepartment(pairs, fetched.availability, window, 'bench');
    const totalMs = fetched.freeBusyMs + (performance.now() - first);
    const timed = timeAllocation(pairs, fetched.availability, window);

    // The 1x instance (1,000 pairs among the first 1,600 people), measured in the same run.
    let engineMs1x: number | null = null;
    let engineCpuMs1x: number | null = null;
    if (scale > 1) {
      const pairs1x = benchPairs(people, 1_000);
      const who = [...new Set(pairs1x.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())))];
      const timed1x = timeAllocation(pairs1x, fetched.availability, window);
      engineMs1x = sum(who.map((w) => fetched.parseMs.get(w) ?? 0)) + timed1x.median;
      engineCpuMs1x = sum(who.map((w) => fetched.parseCpuMs.get(w) ?? 0)) + timed1x.cpuMedian;
    }
    const placed = placements.filter((p) => p.slot).length;
    const reported = placements.filter((p) => !p.slot && p.reason.length > 0).length;
    const reasons: Record<string, number> = {};
    for (const p of placements) if (!p.slot) reasons[p.reason] = (reasons[p.reason] ?? 0) + 1;
    const naive = await phase('the per-pair baseline', async () =>
      naiveBaseline(
        { ...ids, url: tenant.url, demoUser: await demoUser(tenant), requestsSoFar: () => requestsSoFar(tenant) },
        pairs,
        window,
        1_000,
      ),
    );
    return {
      ...size,
      people: mailboxes.length,
      windowDays: Math.round(windowLength / dayMs),
      seedMs,
      freeBusyRequests: fetched.requests,
      freeBusyMs: fetched.freeBusyMs,
      parseMs,
      parseCpuMs,
      engineMs: parseMs + timed.median,
      engineCpuMs: parseCpuMs + timed.cpuMedian,
      allocateRuns: timed.runs,
      engineMs1x,
      engineCpuMs1x,
      totalMs,
      placed,
      reported,
      reasons,
      doubleBooked: doubleBookedPeople(pairs, placements),
      naive,
    };
  } finally {
    tenant.child.kill('SIGTERM');
  }
}
