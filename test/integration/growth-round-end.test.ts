// The round-end self-assessment through the scheduler and the outbox against
// the dev tenant's lists, with an injected clock: when a published round's
// end day comes, each person of its pairs is sent the card once (ticking on
// sends nothing twice), someone outside the round and someone who muted the
// kind are sent nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollmentStore } from '../../server/program/enrollmentStore.js';
import { assessmentPromptPlanner } from '../../server/program/operations/assessmentPrompts.js';
import { setMutedKinds } from '../../server/program/operations/mutes.js';
import { defaultPlannerSettings } from '../../server/program/operations/planning.js';
import { runTick, type Deliver } from '../../server/program/operations/scheduler.js';
import type { DueMessage } from '../../server/program/operations/types.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';
import { operationsPorts, storeOn, testClock } from '../support/operations.js';
import { officeHours, pairOf, person, profileOf, roundOf } from '../unit/growth/roundFixtures.js';

let tenant: TestDevTenant;
beforeAll(async () => {
  tenant = await startTestDevTenant();
}, 30_000);
afterAll(() => tenant?.close());

describe('the round-end self-assessment card', () => {
  it('is sent once to each person of the round when it ends, not to others or to someone who muted it', async () => {
    const { store } = storeOn(tenant);
    const clock = testClock('2026-03-06T07:00:00Z');
    // A Graph gateway object: the planner keeps each gateway's recipient hours (here a fixed table) beside it.
    const ports = { ...operationsPorts(store, clock), graph: {} } as ReturnType<typeof operationsPorts>;
    const enrollment = new EnrollmentStore(store);
    const pairs = [pairOf('pair-re-a', 0, 1), pairOf('pair-re-b', 2, 3), pairOf('pair-re-out', 4, 5)];
    for (const p of pairs) await store.createPair(p);
    for (const i of [0, 1, 2, 3, 4, 5]) await enrollment.saveProfile(profileOf(person(i)));
    await enrollment.createRound(roundOf('round-re1', ['pair-re-a', 'pair-re-b'], '2026-03-06'));
    await setMutedKinds(ports, person(3).userId, ['assessment-prompt']);

    const sent: DueMessage[] = [];
    const deliver: Deliver = async (message, key) => {
      sent.push(message);
      return { kind: 'sent', activityId: `activity-${key}` };
    };
    const planner = assessmentPromptPlanner({ ...defaultPlannerSettings, ...officeHours });
    const tick = () => runTick(ports, { planners: [planner], deliver, instanceId: 'test' });
    await tick(); // the tenant's first tick only records when it ran
    for (const at of ['2026-03-06T08:30:00Z', '2026-03-06T09:30:00Z', '2026-03-06T11:30:00Z', '2026-03-09T10:30:00Z']) {
      clock.set(at);
      await tick();
    }
    // Friday 6 March at 09:00 UTC: persons 0, 1 and 2 (3 muted it; 4 and 5 are in no round).
    expect(sent.map((m) => m.recipient).sort()).toEqual([0, 1, 2].map((i) => person(i).userId).sort());
    expect(sent.every((m) => m.kind === 'assessment-prompt' && m.dueAt === '2026-03-06T09:00:00.000Z')).toBe(true);
    expect(JSON.stringify(sent[0]!.card)).toContain('Save my ratings');
  }, 60_000);
});
