// Bulk scheduling at scale against a dev tenant on loopback (in a process of
// its own): at --scale 1, 1,000 pairs among 1,600 people (400 of them in two
// pairs); at --scale 10, 10,000 pairs among 16,000 people; a 14-day window.
// Free/busy the way Reciprocal does it (getSchedule x20 in $batch x20, each
// answer parsed as it arrives) against the floor, the naive way (one delegated
// findMeetingTimes per pair, on a sample of >= 1,000 pairs, scaled) in the same
// run, the slot engine alone, and peak memory.
// Targets at 1x: requests == floor; >= 50x fewer requests than per-pair; engine < 250 ms; run < 5 s.
// Targets at 10x: engine < 1,000 ms and <= 11x the 1x engine (measured in the same run); run < 20 s; RSS < 600 MB.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freeBusyFloor } from '../src/core/scheduling/chunking.js';
import { dayMs } from '../src/core/time.js';
import { runSchedulingBench, type BenchFigures } from './support/schedulingRun.js';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Targets {
  engineMs: number;
  totalMs: number;
  requestRatio: number;
  engineScaling?: number;
  peakRssMb?: number;
}

function targetsFor(scale: number): Targets {
  return scale >= 10
    ? { engineMs: 1_000, engineScaling: 11, totalMs: 20_000, peakRssMb: 600, requestRatio: 50 }
    : { engineMs: 250, totalMs: 5_000, requestRatio: 50 };
}

function report(scale: number, f: BenchFigures) {
  const targets = targetsFor(scale);
  const floorRequests = freeBusyFloor(f.people, f.windowDays);
  const requestRatio = f.naive.requests / f.freeBusyRequests;
  const engineScaling = f.engineMs1x === null ? null : f.engineMs / f.engineMs1x;
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024);
  const meetsTargets =
    f.freeBusyRequests === floorRequests &&
    requestRatio >= targets.requestRatio &&
    f.engineMs < targets.engineMs &&
    f.totalMs < targets.totalMs &&
    f.doubleBooked === 0 &&
    f.placed + f.reported === f.pairs &&
    (targets.engineScaling === undefined || (engineScaling !== null && engineScaling <= targets.engineScaling)) &&
    (targets.peakRssMb === undefined || peakRssMb < targets.peakRssMb);
  return {
    scale,
    pairs: f.pairs,
    people: f.people,
    windowDays: f.windowDays,
    freeBusyRequests: f.freeBusyRequests,
    floorRequests,
    getScheduleCalls: Math.ceil(f.people / 20) * Math.ceil(f.windowDays / 62),
    naiveRequests: f.naive.requests,
    naiveSampled: f.naive.sampled,
    naiveSamplePairs: f.naive.samplePairs,
    naiveAuth: f.naive.auth,
    naiveErrors: f.naive.errors,
    requestRatio: round(requestRatio),
    freeBusyMs: round(f.freeBusyMs),
    naiveMs: round(f.naive.ms),
    wallRatio: round(f.naive.ms / f.totalMs),
    engineMs: round(f.engineMs),
    engineMsRuns: f.allocateRuns.map((r) => round(r + f.parseMs)),
    engineParseMs: round(f.parseMs),
    engineAllocateMs: round(f.engineMs - f.parseMs),
    // CPU time of the same steps: on a loaded machine the wall-time figures above are mostly waiting for a core.
    engineCpuMs: round(f.engineCpuMs),
    engineParseCpuMs: round(f.parseCpuMs),
    ...(f.engineMs1x === null ? {} : { engineMs1x: round(f.engineMs1x), engineScaling: round(engineScaling!, 2) }),
    ...(f.engineCpuMs1x === null
      ? {}
      : { engineCpuMs1x: round(f.engineCpuMs1x), engineCpuScaling: round(f.engineCpuMs / f.engineCpuMs1x, 2) }),
    totalMs: round(f.totalMs),
    placed: f.placed,
    notPlaced: f.pairs - f.placed,
    notPlacedReported: f.reported,
    notPlacedReasons: f.reasons,
    naivePairsWithASuggestion: f.naive.pairsWithASuggestion,
    doubleBooked: f.doubleBooked,
    peakRssMb,
    seedMs: round(f.seedMs),
    benchWallMs: round(performance.now()),
    targets,
    meetsTargets,
  };
}

function print(r: ReturnType<typeof report>, file: string) {
  console.log(`scheduling x${r.scale}: ${r.pairs} pairs among ${r.people} people, ${r.windowDays}-day window`);
  console.log(`  seeding ${r.people} synthetic mailboxes (3 weeks of calendars): ${r.seedMs} ms`);
  console.log(
    `  free/busy HTTP requests: ${r.freeBusyRequests} (floor ${r.floorRequests}; ${r.getScheduleCalls} getSchedule calls in $batch) in ${r.freeBusyMs} ms`,
  );
  console.log(
    `  naive, one findMeetingTimes per pair: ${r.naiveRequests} requests in ${r.naiveMs} ms${r.naiveSampled ? ` (sampled ${r.naiveSamplePairs} pairs, scaled)` : ''}; ${r.naiveAuth}; errors ${r.naiveErrors}`,
  );
  console.log(`  ratio: ${r.requestRatio}x fewer requests (target >= 50x), ${r.wallRatio}x less wall time`);
  console.log(`  ours end to end: ${r.totalMs} ms (target < ${r.targets.totalMs} ms)`);
  console.log(
    `  slot engine (parse ${r.engineParseMs} + allocate ${r.engineAllocateMs}, median of 5): ${r.engineMs} ms (target < ${r.targets.engineMs} ms)` +
      ('engineMs1x' in r ? `; 1x in the same run ${r.engineMs1x} ms, scaling ${r.engineScaling}x` : '') +
      `; CPU ${r.engineCpuMs} ms (parse ${r.engineParseCpuMs})` +
      ('engineCpuMs1x' in r ? `, 1x ${r.engineCpuMs1x} ms, scaling ${r.engineCpuScaling}x` : ''),
  );
  console.log(
    `  placed ${r.placed}/${r.pairs}, reported ${r.notPlacedReported}, double-booked people: ${r.doubleBooked}`,
  );
  console.log(`  peak RSS: ${r.peakRssMb} MB; bench wall including setup: ${r.benchWallMs} ms`);
  console.log(`  targets met: ${r.meetsTargets ? 'yes' : 'NO'} (written to ${file})`);
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } }, strict: true });
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10], got "${values.scale}"`);
  const figures = await runSchedulingBench(scale, 14 * dayMs);
  const result = report(scale, figures);
  const name = scale === 1 ? 'scheduling.json' : `scheduling-${scale}x.json`;
  mkdirSync('bench/results', { recursive: true });
  const file = path.join('bench/results', name);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  print(result, file);
}

/** "fetch failed (connect ECONNREFUSED ...)": the message and what caused it, on one line. */
const describe = (err: unknown): string => {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error && !err.message.includes(err.cause.message) ? err.cause.message : '';
  return cause ? `${err.message} (${cause})` : err.message;
};

// A failure is reported on one line and the process exits 1: never an uncaught exception.
const fail = (err: unknown) => {
  console.error(`scheduling: error: ${describe(err)}`);
  process.exit(1);
};
process.on('unhandledRejection', fail);
main().then(() => process.exit(0), fail);
