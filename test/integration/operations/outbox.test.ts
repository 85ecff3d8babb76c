// The outbox against the dev tenant over HTTP: one message per key however
// often it is enqueued, claimed under an eTag lease by one claimant only,
// recorded sent once, released for a retry, expired messages dropped, and a
// message whose sender died mid-send never handed out again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDue,
  enqueueMessage,
  markSent,
  outboxEntry,
  release,
  type OutboxEntry,
} from '../../../server/program/operations/outbox.js';
import { messageKey } from '../../../server/program/operations/types.js';
import { startTestDevTenant, type TestDevTenant } from '../../support/devtenant.js';
import { dueMessage, operationsPorts, storeOn, testClock } from '../../support/operations.js';

let tenant: TestDevTenant;

beforeAll(async () => {
  tenant = await startTestDevTenant();
}, 30_000);
afterAll(() => tenant?.close());

let n = 0;
/** A fresh subject per test so tests sharing the tenant do not see each other's messages. */
const fresh = () => `subject-${++n}-${Math.random().toString(36).slice(2, 8)}`;

describe('enqueueMessage', () => {
  it('creates one outbox item per key: a second enqueue of the same key changes nothing', async () => {
    const clock = testClock('2026-03-01T08:00:00Z');
    const ports = operationsPorts(storeOn(tenant).store, clock);
    const message = dueMessage({ subject: fresh() });
    expect(await enqueueMessage(ports, message)).toEqual({ created: true });
    const changed = { ...message, dueAt: '2026-03-05T09:00:00.000Z', card: { type: 'AdaptiveCard', body: [] } };
    expect(await enqueueMessage(ports, changed)).toEqual({ created: false });
    const entry = await outboxEntry(ports, messageKey(message));
    expect(entry?.state).toBe('queued');
    expect(entry?.message).toEqual({ ...message, dueAt: '2026-03-02T09:00:00.000Z' });
  });

  it('is idempotent when two instances enqueue the same key at once', async () => {
    const clock = testClock('2026-03-01T08:00:00Z');
    const message = dueMessage({ subject: fresh() });
    const results = await Promise.all(
      [1, 2, 3].map(() => enqueueMessage(operationsPorts(storeOn(tenant).store, clock), message)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('refuses a message without a kind, subject, recipient or a valid due instant', async () => {
    const ports = operationsPorts(storeOn(tenant).store, testClock('2026-03-01T08:00:00Z'));
    await expect(enqueueMessage(ports, dueMessage({ subject: '' }))).rejects.toThrow(/subject/);
    await expect(enqueueMessage(ports, dueMessage({ dueAt: 'tomorrow' }))).rejects.toThrow(/dueAt/);
  });
});

describe('claimDue, markSent and release', () => {
  async function queued(clock = testClock('2026-03-02T09:00:00Z'), over = {}) {
    const ports = operationsPorts(storeOn(tenant).store, clock);
    const message = dueMessage({ subject: fresh(), dueAt: '2026-03-02T09:00:00.000Z', ...over });
    await enqueueMessage(ports, message);
    return { ports, message, key: messageKey(message), clock };
  }
  const mine = (entries: OutboxEntry[], key: string) => entries.filter((e) => e.key === key);

  it('does not hand out a message before it is due', async () => {
    const { ports, key, clock } = await queued();
    clock.set('2026-03-02T08:59:00Z');
    expect(mine(await claimDue(ports, { owner: 'a', leaseMs: 60_000, limit: 500 }), key)).toEqual([]);
  });

  it('hands a due message to exactly one of two claimants, then records it sent once', async () => {
    const { key, clock } = await queued();
    const a = operationsPorts(storeOn(tenant).store, clock);
    const b = operationsPorts(storeOn(tenant).store, clock);
    const [claimedA, claimedB] = await Promise.all([
      claimDue(a, { owner: 'a', leaseMs: 60_000, limit: 500 }),
      claimDue(b, { owner: 'b', leaseMs: 60_000, limit: 500 }),
    ]);
    const winners = [...mine(claimedA, key), ...mine(claimedB, key)];
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    expect(winner.state).toBe('sending');
    expect(await markSent(a, winner, { activityId: 'activity-1' })).toBe(true);
    const stored = await outboxEntry(a, key);
    expect(stored).toMatchObject({ state: 'sent', activityId: 'activity-1', attempts: 1 });
    clock.advance(3_600_000);
    expect(mine(await claimDue(a, { owner: 'a', leaseMs: 60_000, limit: 500 }), key)).toEqual([]);
  });

  it('releases a message for a later retry, keeping why, and hands it out again then', async () => {
    const { ports, key, clock } = await queued();
    const [entry] = mine(await claimDue(ports, { owner: 'a', leaseMs: 60_000, limit: 500 }), key);
    await release(ports, entry!, { retryAt: clock.now() + 600_000, problem: 'no conversation yet' });
    expect(await outboxEntry(ports, key)).toMatchObject({ state: 'queued', problem: 'no conversation yet' });
    expect(mine(await claimDue(ports, { owner: 'a', leaseMs: 60_000, limit: 500 }), key)).toEqual([]);
    clock.advance(600_000);
    const again = mine(await claimDue(ports, { owner: 'a', leaseMs: 60_000, limit: 500 }), key);
    expect(again).toHaveLength(1);
    expect(again[0]!.attempts).toBe(2);
  });

  it('drops a message past its expiry instead of sending it late', async () => {
    const { ports, key, clock } = await queued(undefined, { expiresAt: '2026-03-02T10:00:00.000Z' });
    clock.set('2026-03-02T10:00:01Z');
    expect(mine(await claimDue(ports, { owner: 'a', leaseMs: 60_000, limit: 500 }), key)).toEqual([]);
    expect((await outboxEntry(ports, key))?.state).toBe('expired');
  });

  it('never hands out again a message whose sender died after claiming it: it is marked unconfirmed', async () => {
    // The Bot Connector takes no client id to de-duplicate a send, so a crash
    // between send and record leaves it unknown whether Teams showed the card.
    // The outbox chooses at most once: the item stays out of the queue and says so.
    const { ports, key, clock } = await queued();
    const [entry] = mine(await claimDue(ports, { owner: 'dead', leaseMs: 60_000, limit: 500 }), key);
    expect(entry).toBeDefined();
    clock.advance(61_000);
    const other = operationsPorts(storeOn(tenant).store, clock);
    expect(mine(await claimDue(other, { owner: 'alive', leaseMs: 60_000, limit: 500 }), key)).toEqual([]);
    expect(await outboxEntry(other, key)).toMatchObject({ state: 'unconfirmed' });
    // The dead instance's late record is refused by the eTag: nothing overwrites the verdict.
    expect(await markSent(ports, entry!, { activityId: 'late' })).toBe(false);
  });

  it('hands out at most `limit` messages per claim', async () => {
    const clock = testClock('2026-03-02T09:00:00Z');
    const ports = operationsPorts(storeOn(tenant).store, clock);
    const subject = fresh();
    for (const recipient of ['r1', 'r2', 'r3'])
      await enqueueMessage(ports, dueMessage({ subject, recipient, dueAt: '2026-03-02T09:00:00.000Z' }));
    const claimed = (await claimDue(ports, { owner: 'a', leaseMs: 60_000, limit: 2 })).filter(
      (e) => e.message.subject === subject,
    );
    expect(claimed.length).toBeLessThanOrEqual(2);
  });
});
