// The program store and ports for operations tests: a ProgramStore over a dev
// tenant's Graph with an injected clock, counting the Graph requests it makes.
import { readFileSync } from 'node:fs';
import { createGraphClient } from '../../server/graph/client.js';
import { ProgramStore } from '../../server/graph/programStore.js';
import { createLogger } from '../../server/logging.js';
import type { ProgramPorts } from '../../server/program/ports.js';
import type { DueMessage } from '../../server/program/operations/types.js';
import { programSite } from '../../devtenant/seed.js';
import type { TestDevTenant } from './devtenant.js';

export interface TestClock {
  now: () => number;
  set(iso: string | number): void;
  advance(ms: number): void;
}

export function testClock(start: string | number): TestClock {
  let t = typeof start === 'number' ? start : Date.parse(start);
  return {
    now: () => t,
    set: (to) => {
      t = typeof to === 'number' ? to : Date.parse(to);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface CountingStore {
  store: ProgramStore;
  /** Graph requests made so far. */
  requests(): number;
}

export function storeOn(tenant: TestDevTenant): CountingStore {
  let count = 0;
  const graph = createGraphClient({
    baseUrl: `${tenant.httpsUrl}/v1.0`,
    getAccessToken: () => tenant.appToken(),
    logger: createLogger('silent'),
    trustedCaPem: readFileSync(tenant.tlsCertificatePath, 'utf8'),
  });
  const counted = new Proxy(graph.client, {
    get(target, prop, receiver) {
      if (prop === 'api')
        return (path: string) => {
          count += 1;
          return target.api(path);
        };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { store: new ProgramStore(counted, programSite), requests: () => count };
}

/** Ports for the outbox and scheduler: the store and the clock (the rest is not used by them). */
export const operationsPorts = (store: ProgramStore, clock: { now: () => number }): ProgramPorts =>
  ({ store, now: clock.now, teamsAppId: 'test-app' }) as unknown as ProgramPorts;

export const dueMessage = (over: Partial<DueMessage> = {}): DueMessage => ({
  kind: 'reminder',
  subject: 'session-1',
  recipient: '00000000-0000-0000-0000-00000000000a',
  dueAt: '2026-03-02T09:00:00.000Z',
  card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Your session is tomorrow' }] },
  ...over,
});
