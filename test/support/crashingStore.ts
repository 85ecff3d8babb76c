// A program store whose instance "stops" on the nth outbox write: for tests of
// work that must finish, once, after a crash between two writes.
import type { ProgramPorts } from '../../server/program/ports.js';

export function storeCrashingOnOutboxWrite<S extends object>(store: S, nth: number): S {
  let outboxWrites = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'createOnce')
        return async (list: string, ...rest: unknown[]) => {
          if (list === 'Outbox' && ++outboxWrites === nth) throw new Error('instance stopped');
          return ((target as Record<string, unknown>)['createOnce'] as (...a: unknown[]) => unknown).call(
            target,
            list,
            ...rest,
          );
        };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** Program ports over a store that stops after the first intro (its second outbox write). */
export function portsCrashingAfterFirstIntro(store: object): ProgramPorts {
  return {
    store: storeCrashingOnOutboxWrite(store, 2),
    now: () => Date.now(),
    teamsAppId: 'test-app',
  } as unknown as ProgramPorts;
}
