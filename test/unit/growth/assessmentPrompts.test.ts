// The round-end self-assessment planner over an in-memory program store and an
// injected clock: each person of an ended round's pairs is planned once (the
// outbox key is kind|round|person, however many ticks and pairs), nobody
// outside the round, nobody who muted the kind or left the program, nothing
// before the round ends, and a round without a cadence ends with its last pair.
import { describe, expect, it } from 'vitest';
import type { ProgramStore, StoredItem } from '../../../server/graph/programStore.js';
import { EnrollmentStore } from '../../../server/program/enrollmentStore.js';
import { assessmentPromptPlanner } from '../../../server/program/operations/assessmentPrompts.js';
import { setMutedKinds } from '../../../server/program/operations/mutes.js';
import { defaultPlannerSettings } from '../../../server/program/operations/planning.js';
import { messageKey, type DueMessage } from '../../../server/program/operations/types.js';
import type { ProgramPorts } from '../../../server/program/ports.js';
import type { Profile, Round } from '../../../src/core/enrollment/index.js';
import type { Pair } from '../../../src/core/schemas.js';
import { officeHours, pairOf, person, profileOf, roundOf as round } from './roundFixtures.js';

/** Just enough of ProgramStore for the planner: lists of items by key, and the pairs. */
function memoryStore(pairs: Pair[]) {
  const lists = new Map<string, Map<string, StoredItem>>();
  let next = 1;
  const list = (name: string) => lists.get(name) ?? lists.set(name, new Map()).get(name)!;
  const put = async (name: string, key: string, fields: Record<string, unknown>) => {
    const old = list(name).get(key);
    const item = { id: old?.id ?? String(next++), fields: { ...old?.fields, ...fields, Key: key } } as StoredItem;
    list(name).set(key, item);
    return item;
  };
  const matches = (item: StoredItem, filter?: string) => {
    const m = filter && /^fields\/(\w+) eq (.+)$/.exec(filter);
    return !m || String(item.fields[m[1]!]) === decodeURIComponent(m[2]!).slice(1, -1);
  };
  const store = {
    all: async (name: string, filter?: string) => [...list(name).values()].filter((i) => matches(i, filter)),
    findByKey: async (name: string, key: string) => list(name).get(key) ?? null,
    upsert: put,
    create: put,
    allPairs: async () => pairs,
  };
  return store as unknown as ProgramStore;
}

async function world(pairs: Pair[], rounds: Round[], profiles: Profile[]) {
  const store = memoryStore(pairs);
  const enrollment = new EnrollmentStore(store);
  for (const p of profiles) await enrollment.saveProfile(p);
  for (const r of rounds) await enrollment.createRound(r);
  let now = Date.parse('2026-02-01T00:00:00Z');
  const ports = { store, now: () => now, teamsAppId: 'app', graph: {} } as unknown as ProgramPorts;
  const planner = assessmentPromptPlanner({ ...defaultPlannerSettings, ...officeHours });
  /** Ticks every 10 minutes from `from` to `to`, returning everything planned. */
  const run = async (from: string, to: string) => {
    const planned: DueMessage[] = [];
    for (let t = Date.parse(from); t < Date.parse(to); t += 10 * 60_000) {
      planned.push(...(await planner.plan(ports, { from: t, to: t + 10 * 60_000 })));
      now = t + 10 * 60_000;
    }
    return planned;
  };
  return { ports, run };
}

describe('the round-end self-assessment planner', () => {
  const pairs = [pairOf('pair-a', 0, 1), pairOf('pair-b', 2, 3), pairOf('pair-c', 0, 5), pairOf('pair-other', 6, 7)];
  const everyone = [0, 1, 2, 3, 5, 6, 7].map((i) => profileOf(person(i)));

  it('plans one card per person of the round, on the first working hour from the day it ends, once', async () => {
    // Person 0 is in two of the round's pairs; pair-other belongs to no round.
    const { run } = await world(pairs, [round('round-m1', ['pair-a', 'pair-b', 'pair-c'], '2026-03-07')], everyone);
    const before = await run('2026-03-05T00:00:00Z', '2026-03-07T00:00:00Z');
    expect(before).toEqual([]);
    // 7 March 2026 is a Saturday: the cards fall due on Monday 9 March at 09:00 UTC.
    const planned = await run('2026-03-07T00:00:00Z', '2026-03-16T00:00:00Z');
    const keys = planned.map(messageKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(planned.map((m) => m.recipient).sort()).toEqual([0, 1, 2, 3, 5].map((i) => person(i).userId).sort());
    expect(planned.every((m) => m.kind === 'assessment-prompt' && m.subject === 'round-m1')).toBe(true);
    expect(new Set(planned.map((m) => m.dueAt))).toEqual(new Set(['2026-03-09T09:00:00.000Z']));
    expect(JSON.stringify(planned[0]!.card)).toContain('"verb":"takeAssessment"');
    expect(JSON.stringify(planned[0]!.card)).toContain('"occasion":"round-end"');
  });

  it('skips people who muted the kind and people who left the program', async () => {
    const left = person(3).userId;
    const { ports, run } = await world(
      pairs,
      [round('round-m1', ['pair-a', 'pair-b'], '2026-03-09')],
      everyone.filter((p) => p.userId !== left).map((p, i) => (i === 0 ? { ...p, status: 'paused' as const } : p)),
    );
    await setMutedKinds(ports, person(1).userId, ['assessment-prompt']);
    const planned = await run('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z');
    // Person 0 is paused, not gone: still prompted.
    expect(planned.map((m) => m.recipient).sort()).toEqual([person(0).userId, person(2).userId].sort());
  });

  it('ends a round without a cadence when its last pair ended, and not while one is active', async () => {
    const open = [pairOf('pair-a', 0, 1, '2026-03-02T10:00:00.000Z'), pairOf('pair-b', 2, 3)];
    const stillOpen = await world(open, [round('round-n', ['pair-a', 'pair-b'], null)], everyone);
    expect(await stillOpen.run('2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z')).toEqual([]);
    const closed = [open[0]!, pairOf('pair-b', 2, 3, '2026-03-03T14:30:00.000Z')];
    const ended = await world(closed, [round('round-n', ['pair-a', 'pair-b'], null)], everyone);
    const planned = await ended.run('2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z');
    expect(planned).toHaveLength(4);
    expect(new Set(planned.map((m) => m.dueAt))).toEqual(new Set(['2026-03-03T15:00:00.000Z']));
  });

  it('plans nothing for a round still proposed, or one that ended more than a week before the window', async () => {
    const proposed = await world(pairs, [round('round-p', ['pair-a'], '2026-03-09', 'proposed')], everyone);
    expect(await proposed.run('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([]);
    const old = await world(pairs, [round('round-old', ['pair-a'], '2026-02-01')], everyone);
    expect(await old.run('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([]);
  });
});
