// The scheduler against the dev tenant, with an injected clock and its own
// planners: windows follow the tick clock kept in the tenant (a restart catches
// up, within the catch-up window), two instances send each message once,
// muted kinds are not sent, a send that cannot happen yet is retried, and a
// sender that died mid-send is never followed by a second send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEntry } from '../../../server/program/operations/outbox.js';
import { runTick, type Deliver, type SchedulerOptions } from '../../../server/program/operations/scheduler.js';
import { setMutedKinds } from '../../../server/program/operations/mutes.js';
import {
  messageKey,
  type DueMessage,
  type DuePlanner,
  type TickWindow,
} from '../../../server/program/operations/types.js';
import { startTestDevTenant, type TestDevTenant } from '../../support/devtenant.js';
import { dueMessage, operationsPorts, storeOn, testClock, type TestClock } from '../../support/operations.js';

let tenant: TestDevTenant;
beforeAll(async () => {
  tenant = await startTestDevTenant();
}, 30_000);
afterAll(() => tenant?.close());

const hour = 3_600_000;
/** Each test runs a month after the last, so the tenant's tick clock only moves forward. */
let month = 0;
const nextMonth = (): TestClock => testClock(Date.parse('2026-01-01T00:00:00Z') + ++month * 30 * 24 * hour);

/** A planner with one message due on each whole hour for `recipient`, recording the windows it saw. */
function hourlyPlanner(tag: string, recipients = ['person-a']): DuePlanner & { windows: TickWindow[] } {
  const windows: TickWindow[] = [];
  return {
    kinds: ['reminder'],
    windows,
    async plan(_ports, window) {
      windows.push(window);
      const out: DueMessage[] = [];
      for (let t = Math.ceil(window.from / hour) * hour; t < window.to; t += hour)
        for (const recipient of recipients)
          out.push(
            dueMessage({ subject: `${tag}-${new Date(t).toISOString()}`, recipient, dueAt: new Date(t).toISOString() }),
          );
      return out;
    },
  };
}

/** A deliver that counts sends by key (what the channel would show). */
function countingDeliver(tag: string): Deliver & { sends: Map<string, number> } {
  const sends = new Map<string, number>();
  const deliver = (async (message: DueMessage, key: string) => {
    if (message.subject.startsWith(tag)) sends.set(key, (sends.get(key) ?? 0) + 1);
    return { kind: 'sent', activityId: `activity-${key}` };
  }) as Deliver & { sends: Map<string, number> };
  deliver.sends = sends;
  return deliver;
}

const options = (
  over: Partial<SchedulerOptions> & Pick<SchedulerOptions, 'planners' | 'deliver'>,
): SchedulerOptions => ({
  instanceId: 'test',
  ...over,
});

describe('the tick window', () => {
  it('plans nothing on the first tick, then each window from the last tick, and catches up at most 24 h after a long stop', async () => {
    const clock = nextMonth();
    const ports = operationsPorts(storeOn(tenant).store, clock);
    const planner = hourlyPlanner('window');
    const deliver = countingDeliver('window');
    const opts = options({ planners: [planner], deliver });
    await runTick(ports, opts);
    const start = clock.now();
    clock.advance(3 * hour);
    const report = await runTick(ports, opts);
    expect(report.window).toEqual({ from: start, to: start + 3 * hour });
    expect(report.sent).toBeGreaterThanOrEqual(3);
    // Down for three days: only the last 24 h are planned.
    clock.advance(72 * hour);
    const after = await runTick(ports, opts);
    expect(after.window).toEqual({ from: clock.now() - 24 * hour, to: clock.now() });
    expect([...deliver.sends.values()].every((n) => n === 1)).toBe(true);
    expect(deliver.sends.size).toBe(3 + 24);
  });

  it('plans a window again when a planner failed, and sends what the others planned meanwhile', async () => {
    const clock = nextMonth();
    const ports = operationsPorts(storeOn(tenant).store, clock);
    await runTick(ports, options({ planners: [], deliver: countingDeliver('x') }));
    const start = clock.now();
    let fail = true;
    const flaky: DuePlanner = {
      kinds: ['nudge'],
      plan: async () => {
        if (fail) throw new Error('directory unavailable');
        return [];
      },
    };
    const planner = hourlyPlanner('replan');
    const deliver = countingDeliver('replan');
    clock.advance(2 * hour);
    await runTick(ports, options({ planners: [flaky, planner], deliver }));
    fail = false;
    clock.advance(hour);
    await runTick(ports, options({ planners: [flaky, planner], deliver }));
    expect(planner.windows[1]).toEqual({ from: start, to: start + 3 * hour });
    expect(deliver.sends.size).toBe(3);
    expect([...deliver.sends.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('sending', () => {
  it('sends each due message exactly once when two instances tick at the same time', async () => {
    const clock = nextMonth();
    const a = operationsPorts(storeOn(tenant).store, clock);
    const b = operationsPorts(storeOn(tenant).store, clock);
    const deliver = countingDeliver('twins');
    const planner = hourlyPlanner('twins', ['p1', 'p2', 'p3', 'p4']);
    await runTick(a, options({ planners: [], deliver }));
    for (let i = 0; i < 3; i++) {
      clock.advance(2 * hour);
      await Promise.all([
        runTick(a, options({ planners: [planner], deliver, instanceId: 'a' })),
        runTick(b, options({ planners: [planner], deliver, instanceId: 'b' })),
      ]);
    }
    expect(deliver.sends.size).toBe(6 * 4);
    expect([...deliver.sends.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  });

  it('does not send a kind the recipient muted, and settles it as muted', async () => {
    const clock = nextMonth();
    const ports = operationsPorts(storeOn(tenant).store, clock);
    await setMutedKinds(ports, 'muter', ['reminder']);
    const planner = hourlyPlanner('mute', ['muter', 'listener']);
    const deliver = countingDeliver('mute');
    await runTick(ports, options({ planners: [], deliver }));
    clock.advance(1000);
    await runTick(ports, options({ planners: [planner], deliver }));
    expect([...deliver.sends.keys()].every((k) => k.endsWith('|listener'))).toBe(true);
    expect(deliver.sends.size).toBe(1);
    const mutedKey = [...deliver.sends.keys()][0]!.replace('|listener', '|muter');
    expect((await outboxEntry(ports, mutedKey))?.state).toBe('muted');
  });

  it('retries a message the sender could not send yet, at the time it named', async () => {
    const clock = nextMonth();
    const ports = operationsPorts(storeOn(tenant).store, clock);
    const message = dueMessage({ subject: `later-${month}`, dueAt: new Date(clock.now()).toISOString() });
    let attempts = 0;
    const deliver: Deliver = async () =>
      ++attempts === 1
        ? { kind: 'later', retryAt: clock.now() + 10 * 60_000, problem: 'no conversation with the person yet' }
        : { kind: 'sent', activityId: 'a1' };
    const planner: DuePlanner = { kinds: ['reminder'], plan: async () => [message] };
    await runTick(ports, options({ planners: [], deliver }));
    clock.advance(1000);
    await runTick(ports, options({ planners: [planner], deliver }));
    expect(await outboxEntry(ports, messageKey(message))).toMatchObject({
      state: 'queued',
      problem: 'no conversation with the person yet',
    });
    clock.advance(5 * 60_000);
    await runTick(ports, options({ planners: [], deliver }));
    expect(attempts).toBe(1);
    clock.advance(6 * 60_000);
    await runTick(ports, options({ planners: [], deliver }));
    expect(attempts).toBe(2);
    expect((await outboxEntry(ports, messageKey(message)))?.state).toBe('sent');
  });

  it('never sends again a message whose sender died between sending and recording', async () => {
    const clock = nextMonth();
    const dying = operationsPorts(storeOn(tenant).store, clock);
    const message = dueMessage({ subject: `crash-${month}`, dueAt: new Date(clock.now()).toISOString() });
    const planner: DuePlanner = { kinds: ['reminder'], plan: async () => [message] };
    let sends = 0;
    // The first instance sends, then "dies": its deliver never returns, so nothing is recorded.
    const hangs: Deliver = () => {
      sends += 1;
      return new Promise(() => undefined);
    };
    await runTick(dying, options({ planners: [], deliver: hangs }));
    clock.advance(1000);
    void runTick(dying, options({ planners: [planner], deliver: hangs, instanceId: 'dying' }));
    await expect.poll(() => sends, { timeout: 10_000 }).toBe(1);
    clock.advance(3 * 60_000);
    const survivor = operationsPorts(storeOn(tenant).store, clock);
    const report = await runTick(survivor, options({ planners: [planner], deliver: hangs, instanceId: 'survivor' }));
    expect(sends).toBe(1);
    expect(report.unconfirmed).toBeGreaterThanOrEqual(1);
    expect((await outboxEntry(survivor, messageKey(message)))?.state).toBe('unconfirmed');
  });

  it('settles as unconfirmed, without resending, a send that failed with no answer', async () => {
    const clock = nextMonth();
    const ports = operationsPorts(storeOn(tenant).store, clock);
    const message = dueMessage({ subject: `reset-${month}`, dueAt: new Date(clock.now()).toISOString() });
    let sends = 0;
    const deliver: Deliver = async () => {
      sends += 1;
      throw new Error('socket hang up');
    };
    await runTick(ports, options({ planners: [], deliver }));
    clock.advance(1000);
    await runTick(ports, options({ planners: [{ kinds: ['reminder'], plan: async () => [message] }], deliver }));
    clock.advance(hour);
    await runTick(ports, options({ planners: [], deliver }));
    expect(sends).toBe(1);
    expect(await outboxEntry(ports, messageKey(message))).toMatchObject({
      state: 'unconfirmed',
      problem: 'socket hang up',
    });
  });
});
