// Free/busy streamed: each $batch answer is read as it arrives and only what
// the reader extracts is kept; the per-mailbox limit still holds.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeBusyFloor } from '../../src/core/scheduling/chunking.js';
import { BatchExecutor } from '../../server/graph/batch.js';
import { freeBusyItems, streamFreeBusy } from '../../server/graph/calendar.js';
import { createGraphClient } from '../../server/graph/client.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';

let tenant: TestDevTenant;
let who: string[];
const dayMs = 24 * 3_600_000;

const gateway = () =>
  createGraphClient({
    baseUrl: `${tenant.httpsUrl}/v1.0`,
    getAccessToken: () => tenant.appToken(),
    logger: pino({ level: 'silent' }),
    trustedCaPem: readFileSync(tenant.tlsCertificatePath, 'utf8'),
  });

beforeAll(async () => {
  tenant = await startTestDevTenant();
  const res = await fetch(`${tenant.url}/_admin/synthetic-people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: 120, weeks: 2, seed: 11 }),
  });
  who = ((await res.json()) as { users: Array<{ userPrincipalName: string }> }).users.map((u) => u.userPrincipalName);
});
afterAll(() => tenant?.close());

describe('streamed free/busy', () => {
  it('keeps what the answer reader returns instead of the response body', async () => {
    const start = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    const items = freeBusyItems(who.slice(0, 60), { start, end: start + 7 * dayMs });
    const seen: number[] = [];
    const results = await new BatchExecutor(gateway()).run(items, (r) => {
      seen.push(r.status);
      return 'kept';
    });
    expect(seen).toEqual(items.map(() => 200));
    expect([...results.values()].every((r) => r.body === 'kept' && r.status === 200)).toBe(true);
  });

  it('hands every person over once, in the floor number of requests', async () => {
    const start = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    tenant.resetStats();
    const handed: string[] = [];
    await streamFreeBusy(gateway(), who, { start, end: start + 14 * dayMs }, (infos) =>
      handed.push(...infos.map((i) => i.scheduleId.toLowerCase())),
    );
    expect(handed.sort()).toEqual(who.map((w) => w.toLowerCase()).sort());
    expect(tenant.stats().requests).toBe(freeBusyFloor(who.length, 14));
  });

  it('rejects with the error of the reader when reading an answer fails (nothing is silently half done)', async () => {
    const start = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    const err = await streamFreeBusy(gateway(), who.slice(0, 3), { start, end: start + dayMs }, () => {
      throw new RangeError('reader failed');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
  });
});
