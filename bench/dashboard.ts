// Dashboard aggregation at organization scale: 5,000 pairs among 20,000 people,
// 60,000 sessions over a year. Target: under 500 ms and under 200 MB peak RSS.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  aggregateDepartments,
  type DashboardPair,
  type DashboardSession,
  type DashboardTouchpoint,
} from '../src/core/dashboard/index.js';
import { careerStages, directions, focusAreas, touchpointKinds, sessionStatuses } from '../src/core/schemas.js';

const targets = { aggregateMs: 500, peakRssMb: 200 };
const people = 20_000;
const pairCount = 5_000;
const sessionCount = 60_000;
const departments = [
  'Transplant',
  'Behavioral Health',
  'Utilization Review',
  'Care Transitions',
  'Pediatrics',
  'Oncology',
  'Emergency',
  'Home Health',
];

// Deterministic data (mulberry32) so runs compare.
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const yearStart = Date.parse('2025-11-24T00:00:00Z');
const yearMs = 365 * 24 * 3_600_000;
const pairs: DashboardPair[] = Array.from({ length: pairCount }, (_, i) => {
  const a = Math.floor(random() * people);
  const b = (a + 1 + Math.floor(random() * (people - 1))) % people;
  return {
    id: `pair-${i}`,
    cadence: pick(['weekly', 'biweekly', 'monthly'] as const),
    durationMinutes: pick([30, 45, 60] as const),
    status: random() < 0.9 ? 'active' : 'ended',
    startedOn: new Date(yearStart - random() * yearMs).toISOString(),
    endedOn: null,
    members: [
      { userId: uid(a), department: departments[a % departments.length]!, careerStage: pick(careerStages) },
      { userId: uid(b), department: departments[b % departments.length]!, careerStage: pick(careerStages) },
    ],
  };
});
const sessions: DashboardSession[] = Array.from({ length: sessionCount }, (_, i) => {
  const start = yearStart + Math.floor((random() * yearMs) / 900_000) * 900_000;
  return {
    id: `session-${i}`,
    pairId: `pair-${Math.floor(random() * pairCount)}`,
    direction: pick(directions),
    focusAreas: [pick(focusAreas), pick(focusAreas)],
    start: new Date(start).toISOString(),
    end: new Date(start + pick([30, 45, 60]) * 60_000).toISOString(),
    status: pick(sessionStatuses),
  };
});
const touchpoints: DashboardTouchpoint[] = Array.from({ length: 20_000 }, () => ({
  pairId: `pair-${Math.floor(random() * pairCount)}`,
  kind: pick(touchpointKinds),
  date: new Date(yearStart + random() * yearMs).toISOString(),
  minutes: 5 + Math.floor(random() * 60),
}));

const options = {
  period: {
    from: new Date(yearStart).toISOString(),
    to: new Date(yearStart + yearMs).toISOString(),
    timeZone: 'America/Chicago',
  },
  now: new Date(yearStart + yearMs).toISOString(),
  listAtRiskPairs: true,
};

const rssBeforeMb = Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
aggregateDepartments(pairs.slice(0, 200), sessions.slice(0, 2_000), [], options); // warm-up
const runs: number[] = [];
let departmentsOut = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  departmentsOut = aggregateDepartments(pairs, sessions, touchpoints, options).length;
  runs.push(performance.now() - t0);
}
runs.sort((x, y) => x - y);
const aggregateMs = Math.round(runs[Math.floor(runs.length / 2)]! * 10) / 10;
const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

const result = {
  pairs: pairCount,
  sessions: sessionCount,
  touchpoints: touchpoints.length,
  people,
  departments: departmentsOut,
  aggregateMs,
  aggregateMsRuns: runs.map((r) => Math.round(r)),
  peakRssMb,
  rssWithDataBeforeAggregationMb: rssBeforeMb,
  targets,
  timeVsTarget: Math.round((aggregateMs / targets.aggregateMs) * 100) / 100,
  memoryVsTarget: Math.round((peakRssMb / targets.peakRssMb) * 100) / 100,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(path.join('bench/results', 'dashboard.json'), JSON.stringify(result, null, 2) + '\n');
console.log(
  `dashboard: ${pairCount} pairs, ${sessionCount} sessions, ${touchpoints.length} touchpoints -> ${departmentsOut} departments`,
);
console.log(
  `  aggregate (median of 5): ${aggregateMs} ms  (target ${targets.aggregateMs} ms; ${result.timeVsTarget}x of target)`,
);
console.log(
  `  peak RSS: ${peakRssMb} MB  (target ${targets.peakRssMb} MB; ${result.memoryVsTarget}x of target; ${rssBeforeMb} MB of it is the process with the data loaded)`,
);
