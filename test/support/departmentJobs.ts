// A department of synthetic people with pairs to schedule, and the checks the
// department scheduling tests share: polling a job, and counting the meetings
// each pair has under its transactionId in the dev tenant.
import type { Pair, Participant } from '../../src/core/schemas.js';
import { transactionIdFor } from '../../server/graph/calendar.js';
import type { DemoUser, TestDevTenant } from './devtenant.js';
import { participantOf } from './pairs.js';

export interface JobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  scheduled: number;
  failed: Array<{ pairId: string; reason: string }>;
  result: {
    window: { start: string; end: string };
    scheduled: Array<{
      pairId: string;
      start: string;
      end: string;
      sessionId: string | null;
      eventId: string | null;
      alreadyBooked: boolean;
    }>;
    notScheduled: Array<{ pairId: string; reason: string }>;
  } | null;
}

/** Adds `count` synthetic people (seed `seed`) and returns everyone with one department that has enough of them. */
export async function syntheticDepartment(
  devTenant: TestDevTenant,
  { count, seed }: { count: number; seed: number },
): Promise<{ everyone: DemoUser[]; department: string; people: DemoUser[] }> {
  const added = await fetch(`${devTenant.url}/_admin/synthetic-people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count, weeks: 3, seed }),
  });
  if (added.status !== 200) throw new Error(`synthetic people: HTTP ${added.status}`);
  const everyone = ((await (await fetch(`${devTenant.url}/`)).json()) as { users: DemoUser[] }).users;
  const synthetic = everyone.filter((u) => u.userPrincipalName.startsWith(`synthetic${seed}.`));
  const department = synthetic[0]!.department;
  return { everyone, department, people: synthetic.filter((u) => u.department === department) };
}

/** `count` pairs among the people, partners in one time zone (so every pair has working hours in common). */
export function departmentPairs(people: readonly DemoUser[], count: number, prefix: string): Pair[] {
  const pairs: Pair[] = [];
  for (let gap = 1; pairs.length < count && gap < people.length; gap++) {
    for (let i = 0; i + gap < people.length && pairs.length < count; i++) {
      const [a, b] = [people[i]!, people[i + gap]!];
      if (a.timeZone !== b.timeZone) continue;
      const members = [participantOf(a), participantOf(b)].sort((x, y) => x.userId.localeCompare(y.userId)) as [
        Participant,
        Participant,
      ];
      pairs.push({
        id: `${prefix}-${String(pairs.length).padStart(2, '0')}`,
        members,
        cadence: 'biweekly',
        durationMinutes: pairs.length % 3 === 0 ? 60 : 30,
        status: 'active',
        startedOn: new Date().toISOString(),
        endedOn: null,
      });
    }
  }
  return pairs;
}

/** Polls GET /api/program/jobs/:id through `get` until the job is no longer running. */
export async function untilFinished(
  get: () => Promise<{ status: number; body: JobView }>,
  { timeoutMs = 90_000, onPoll }: { timeoutMs?: number; onPoll?: (job: JobView) => void } = {},
): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await get();
    if (res.status !== 200) throw new Error(`polling the job answered HTTP ${res.status}`);
    onPoll?.(res.body);
    if (res.body.status !== 'running') return res.body;
    if (Date.now() > deadline) throw new Error(`the scheduling job did not finish in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The ids of the events on the organizer's calendar in the window that carry the pair's transactionId. */
export async function eventsOfOccurrence(
  devTenant: TestDevTenant,
  pair: Pair,
  window: { start: string; end: string },
): Promise<string[]> {
  const occurrence = window.start.slice(0, 10);
  const view = await devTenant.graph(
    'GET',
    `/users/${pair.members[0].userId}/calendarView?startDateTime=${window.start}&endDateTime=${window.end}&$top=500`,
  );
  if (view.status !== 200) throw new Error(`calendarView: HTTP ${view.status}`);
  return (view.body.value as Array<{ id: string; transactionId: string | null }>)
    .filter((e) => e.transactionId === transactionIdFor(pair.id, occurrence))
    .map((e) => e.id);
}
