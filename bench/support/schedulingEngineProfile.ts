// The slot engine alone at a scale, for profiling (no HTTP, no naive baseline):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/support/schedulingEngineProfile.ts --scale 10
// The getSchedule answers come from the dev tenant's own route over an in-memory seeded store (the same people,
// calendars and pairs as the benchmark), serialized as they would cross the wire; the figures are the engine's:
// reading every answer into per-person ranges, then allocating (median of 5), at this scale and at 1x.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freeBusyRoutes } from '../../devtenant/graph/calendar/freeBusy.js';
import type { GraphRequest } from '../../devtenant/graph/dispatch.js';
import { addSyntheticPeople } from '../../devtenant/seed.js';
import { DevTenantStore } from '../../devtenant/store.js';
import { GetScheduleResponse } from '../../src/core/scheduling/graphSchedule.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import { dayMs } from '../../src/core/time.js';
import { freeBusyItems } from '../../server/graph/calendar.js';
import { allocateDepartment } from '../../server/program/departmentPlan.js';
import { benchPairs, instanceSize, type SyntheticPerson } from './schedulingInstance.js';
import { ScheduleCollector } from './schedulingCollector.js';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '10' }, answers: { type: 'string' } },
  strict: true,
});
const scale = Number(values.scale);
const size = instanceSize(scale);

interface Instance {
  users: SyntheticPerson[];
  window: Interval;
  answers: string[];
}

/** The people and every getSchedule answer as JSON, from the dev tenant's route over a freshly seeded store. */
function seededInstance(): Instance {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-engine-profile-'));
  const store = new DevTenantStore(dir);
  try {
    const t0 = performance.now();
    const users = addSyntheticPeople(store, size.people, new Date(), 3, 9);
    console.log(`seeded ${users.length} people in ${Math.round(performance.now() - t0)} ms`);
    const pairs = benchPairs(users, size.pairs);
    const mailboxes = [...new Set(pairs.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())))];
    const windowStart = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    const window = { start: windowStart, end: windowStart + 14 * dayMs };
    const [route] = freeBusyRoutes(store);
    const answers = freeBusyItems(mailboxes, window).map((item) => {
      const req = {
        method: 'POST',
        path: item.url,
        query: new URLSearchParams(),
        headers: {},
        body: item.body,
        caller: { kind: 'app' },
        params: { user: decodeURIComponent(item.url.split('/')[2]!) },
        baseUrl: 'http://127.0.0.1/v1.0',
      } as unknown as GraphRequest;
      return JSON.stringify((route!.handle(req) as { body: unknown }).body);
    });
    const people = users.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, timeZone: u.timeZone }));
    return { users: people, window, answers };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// --answers FILE keeps the seeded instance between runs (seeding 16,000 people takes a while).
const cached = values.answers && existsSync(values.answers);
const { users, window, answers }: Instance = cached
  ? (JSON.parse(readFileSync(values.answers!, 'utf8')) as Instance)
  : seededInstance();
if (values.answers && !cached) writeFileSync(values.answers, JSON.stringify({ users, window, answers }));
console.log(`${answers.length} getSchedule answers, ${Math.round(answers.reduce((n, a) => n + a.length, 0) / 1e6)} MB`);

function engine(label: string, pairCount: number) {
  const chosen = benchPairs(users, pairCount);
  const who = new Set(chosen.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())));
  const p0 = performance.now();
  const cpu0 = process.cpuUsage();
  const collector = new ScheduleCollector(window, { treatTentativeAsBusy: true });
  for (const json of answers) {
    const parsed = GetScheduleResponse.parse(JSON.parse(json));
    collector.add(parsed.value.filter((info) => who.has(info.scheduleId.toLowerCase())));
  }
  const parseMs = performance.now() - p0;
  const readCpuMs = process.cpuUsage(cpu0).user / 1000;
  const runs: number[] = [];
  let placed = 0;
  const cpu1 = process.cpuUsage();
  for (let i = 0; i < 5; i++) {
    const a0 = performance.now();
    const placements = allocateDepartment(chosen, collector.availability, window, 'bench');
    runs.push(performance.now() - a0);
    placed = placements.filter((p) => p.slot).length;
  }
  const median = [...runs].sort((a, b) => a - b)[2]!;
  const allocateCpuMs = process.cpuUsage(cpu1).user / 1000 / 5;
  console.log(
    `${label}: ${chosen.length} pairs, read ${Math.round(parseMs)} ms (zod + ranges), allocate median ${Math.round(median)} ms ` +
      `[${runs.map(Math.round).join(', ')}], placed ${placed}; ranges ${Math.round(collector.readMs)} ms (cpu ${Math.round(collector.readCpuMs)} ms); ` +
      `cpu: read ${Math.round(readCpuMs)} ms, allocate ${Math.round(allocateCpuMs)} ms per run`,
  );
  return collector.readMs + median;
}

const at1x = engine('1x', 1_000);
const atScale = engine(`${scale}x`, size.pairs);
console.log(
  `engine (ranges + allocate): 1x ${Math.round(at1x)} ms, ${scale}x ${Math.round(atScale)} ms, scaling ${(atScale / at1x).toFixed(2)}; ` +
    `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
