// Bulk scheduling at scale against a dev tenant on loopback: 1,000 pairs among
// 1,600 people (400 of them in two pairs), a 14-day window. Free/busy the way
// Reciprocal does it (getSchedule x20 in $batch x20) against the floor, the
// naive way (one findMeetingTimes per pair) in the same run, the slot engine
// alone, and peak memory.
// Targets: requests == floor; >= 50x fewer requests than per-pair; engine < 250 ms; run < 5 s.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { z } from 'zod';
import { freeBusyFloor } from '../src/core/scheduling/chunking.js';
import { personSchedule } from '../src/core/scheduling/graphSchedule.js';
import type { PersonAvailability } from '../src/core/scheduling/allocation.js';
import type { Pair, Participant } from '../src/core/schemas.js';
import { allocateDepartment } from '../server/program/departmentPlan.js';
import { embeddedDefaults as ids } from '../server/config.js';
import { freeBusy, graphUtc } from '../server/graph/calendar.js';
import { createGraphClient } from '../server/graph/client.js';
import { startDevTenant } from '../devtenant/index.js';
import { dayMs } from '../src/core/time.js';

const targets = { engineMs: 250, totalMs: 5_000, requestRatio: 50 };
const pairCount = 1_000;
const peopleCount = 1_600;
const windowDays = 14;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const benchStarted = performance.now();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-bench-scheduling-'));
const tenant = await startDevTenant({
  port: 0,
  httpsPort: 0,
  dataDir,
  tenantId: ids.tenantId,
  foreignTenantId: ids.foreignTenantId,
  clientId: ids.clientId,
  clientSecret: ids.clientSecret,
  botId: ids.botId,
});

try {
  // The bench's people: synthetic mailboxes with working hours and two weeks of busy calendars.
  const added = await fetch(`${tenant.url}/_admin/synthetic-people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: peopleCount, weeks: 3, seed: 9 }),
  });
  if (!added.ok)
    throw new Error(`the dev tenant refused to add synthetic people: ${added.status} ${await added.text()}`);
  const people = z
    .object({ users: z.array(z.object({ id: z.string(), userPrincipalName: z.string(), timeZone: z.string() })) })
    .parse(await added.json()).users;

  // Pair i: person i (0..999) with person 1000 + (i + 2) % 600, the same time zone; persons 1000..1399 are in two pairs.
  const asParticipant = (u: (typeof people)[number]): Participant => ({
    userId: u.id,
    displayName: u.userPrincipalName,
    mail: u.userPrincipalName,
    department: 'Bench',
    careerStage: 'mid',
    timeZone: u.timeZone,
  });
  const pairs: Pair[] = Array.from({ length: pairCount }, (_, i) => ({
    id: `bench-${String(i).padStart(4, '0')}`,
    members: [asParticipant(people[i]!), asParticipant(people[1_000 + ((i + 2) % 600)]!)],
    cadence: 'biweekly',
    durationMinutes: i % 4 === 0 ? 60 : 30,
    status: 'active',
    startedOn: new Date().toISOString(),
    endedOn: null,
  }));
  const mailboxes = [...new Set(pairs.flatMap((p) => p.members.map((m) => m.mail.toLowerCase())))];
  const windowStart = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
  const window = { start: windowStart, end: windowStart + windowDays * dayMs };

  let token: string | null = null;
  const getAccessToken = async () => {
    if (token) return token;
    const res = await fetch(`${tenant.url}/${ids.tenantId}/oauth2/v2.0/token`, {
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
  const gateway = createGraphClient({
    baseUrl: `${tenant.httpsUrl}/v1.0`,
    getAccessToken,
    logger: pino({ level: 'silent' }),
    trustedCaPem: readFileSync(tenant.tlsCertificatePath, 'utf8'),
  });
  await getAccessToken();

  // ---- ours: getSchedule x20 in $batch x20, then the slot engine -------------
  tenant.resetStats();
  const oursStarted = performance.now();
  const schedules = await freeBusy(gateway, mailboxes, window);
  const fetchedMs = performance.now() - oursStarted;
  const freeBusyRequests = tenant.stats().requests;

  const split = { parseMs: 0, allocateMs: 0 };
  const engine = () => {
    const p0 = performance.now();
    const availability = new Map<string, PersonAvailability>();
    for (const [address, infos] of schedules) {
      const parts = infos.map((info) => personSchedule(info, window, { treatTentativeAsBusy: true }));
      availability.set(address, { working: parts.flatMap((p) => p.working), busy: parts.flatMap((p) => p.busy) });
    }
    const p1 = performance.now();
    const out = allocateDepartment(pairs, availability, window, 'bench');
    split.parseMs = p1 - p0;
    split.allocateMs = performance.now() - p1;
    return out;
  };
  let t0 = performance.now();
  const placements = engine();
  const firstEngineMs = performance.now() - t0;
  const coldSplit = { ...split };
  const totalMs = performance.now() - oursStarted;
  const engineRuns: number[] = [firstEngineMs];
  for (let i = 0; i < 4; i++) {
    t0 = performance.now();
    engine();
    engineRuns.push(performance.now() - t0);
  }
  engineRuns.sort((a, b) => a - b);
  const engineMs = engineRuns[Math.floor(engineRuns.length / 2)]!;
  const placed = placements.filter((p) => p.slot).length;

  // Nobody double-booked by the run (checked, not assumed).
  const taken = new Map<string, Array<{ start: number; end: number }>>();
  for (const p of placements) {
    if (!p.slot) continue;
    for (const m of pairs.find((x) => x.id === p.pairId)!.members)
      taken.set(m.userId, [...(taken.get(m.userId) ?? []), p.slot]);
  }
  const doubleBooked = [...taken.values()].filter((list) =>
    list.sort((a, b) => a.start - b.start).some((s, i) => i > 0 && s.start < list[i - 1]!.end),
  ).length;

  // ---- naive: one findMeetingTimes request per pair ----------------------------
  tenant.resetStats();
  const naiveStarted = performance.now();
  let next = 0;
  let naiveFound = 0;
  const worker = async () => {
    while (next < pairs.length) {
      const pair = pairs[next++]!;
      const [a, b] = pair.members;
      const answer = z.object({ meetingTimeSuggestions: z.array(z.unknown()) }).parse(
        await gateway.client.api(`/users/${encodeURIComponent(a.mail)}/findMeetingTimes`).post({
          attendees: [{ type: 'required', emailAddress: { address: b.mail } }],
          timeConstraint: {
            activityDomain: 'work',
            timeSlots: [{ start: graphUtc(window.start), end: graphUtc(window.end) }],
          },
          meetingDuration: `PT${pair.durationMinutes}M`,
          maxCandidates: 5,
        }),
      );
      if (answer.meetingTimeSuggestions.length > 0) naiveFound++;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const naiveMs = performance.now() - naiveStarted;
  const naiveRequests = tenant.stats().requests;

  const floorRequests = freeBusyFloor(mailboxes.length, windowDays);
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024);
  const result = {
    pairs: pairCount,
    people: mailboxes.length,
    windowDays,
    freeBusyRequests,
    floorRequests,
    getScheduleCalls: Math.ceil(mailboxes.length / 20) * Math.ceil(windowDays / 62),
    naiveRequests,
    requestRatio: round(naiveRequests / freeBusyRequests),
    freeBusyMs: round(fetchedMs),
    naiveMs: round(naiveMs),
    wallRatio: round(naiveMs / totalMs),
    engineMs: round(engineMs),
    engineMsRuns: engineRuns.map((r) => round(r)),
    engineColdMs: round(firstEngineMs),
    engineColdParseMs: round(coldSplit.parseMs),
    engineColdAllocateMs: round(coldSplit.allocateMs),
    totalMs: round(totalMs),
    placed,
    notPlaced: pairCount - placed,
    naivePairsWithASuggestion: naiveFound,
    doubleBooked,
    peakRssMb,
    benchWallMs: round(performance.now() - benchStarted),
    targets,
    meetsTargets:
      freeBusyRequests === floorRequests &&
      naiveRequests / freeBusyRequests >= targets.requestRatio &&
      engineMs < targets.engineMs &&
      totalMs < targets.totalMs &&
      doubleBooked === 0,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(path.join('bench/results', 'scheduling.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(
    `scheduling: ${pairCount} pairs among ${result.people} people, ${windowDays}-day window (dev tenant on loopback)`,
  );
  console.log(
    `  free/busy HTTP requests: ${freeBusyRequests} (floor ceil(ceil(${result.people}/20)*ceil(${windowDays}/62)/20) = ${floorRequests}; ${result.getScheduleCalls} getSchedule calls in $batch)`,
  );
  console.log(`  naive, one findMeetingTimes per pair: ${naiveRequests} requests in ${result.naiveMs} ms`);
  console.log(
    `  ratio: ${result.requestRatio}x fewer requests (target >= ${targets.requestRatio}x), ${result.wallRatio}x less wall time`,
  );
  console.log(
    `  ours end to end: ${result.totalMs} ms (free/busy ${result.freeBusyMs} ms + engine); target < ${targets.totalMs} ms`,
  );
  console.log(
    `  slot engine alone (parse + allocate, median of 5): ${result.engineMs} ms (target < ${targets.engineMs} ms); first, cold run ${result.engineColdMs} ms (parse ${result.engineColdParseMs} + allocate ${result.engineColdAllocateMs})`,
  );
  console.log(`  placed ${placed}/${pairCount}, double-booked people: ${doubleBooked}`);
  console.log(`  peak RSS: ${peakRssMb} MB; bench wall including setup: ${result.benchWallMs} ms`);
  console.log(`  targets met: ${result.meetsTargets ? 'yes' : 'NO'}`);
} finally {
  await tenant.close();
  rmSync(dataDir, { recursive: true, force: true });
}
