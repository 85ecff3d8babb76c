import { describe, expect, it } from 'vitest';
import { rememberAppTokens, type AcquiredToken } from '../../../server/auth/tokens.js';

const minuteMs = 60_000;

/** An identity platform stand-in: each acquisition answers a new token valid for `lifetimeMs`, after `settle()`. */
function countingIdentity(lifetimeMs: number, now: () => number) {
  const asked: string[] = [];
  const pending: Array<() => void> = [];
  let failNext = false;
  const acquire = (scope: string): Promise<AcquiredToken> => {
    asked.push(scope);
    const n = asked.length;
    const failing = failNext;
    failNext = false;
    return new Promise((resolve, reject) =>
      pending.push(() =>
        failing
          ? reject(new Error('AADSTS7000215: invalid client secret'))
          : resolve({ accessToken: `token-${n}`, expiresOnMs: now() + lifetimeMs }),
      ),
    );
  };
  const settle = async () => {
    for (const answer of pending.splice(0)) answer();
    await new Promise((r) => setImmediate(r));
  };
  return { asked, acquire, settle, failOnce: () => void (failNext = true) };
}

describe('remembering app-only tokens', () => {
  it('asks the identity platform once for many concurrent callers of the same scope', async () => {
    const now = 0;
    const identity = countingIdentity(60 * minuteMs, () => now);
    const tokens = rememberAppTokens(identity.acquire, () => now);
    const answers = Array.from({ length: 100 }, () => tokens('https://api.botframework.com/.default'));
    await identity.settle();
    expect(new Set(await Promise.all(answers))).toEqual(new Set(['token-1']));
    expect(identity.asked).toEqual(['https://api.botframework.com/.default']);
  });

  it('keeps one token per scope', async () => {
    const identity = countingIdentity(60 * minuteMs, () => 0);
    const tokens = rememberAppTokens(identity.acquire, () => 0);
    const bot = tokens('https://api.botframework.com/.default');
    const graph = tokens('https://graph.microsoft.com/.default');
    await identity.settle();
    expect([await bot, await graph]).toEqual(['token-1', 'token-2']);
  });

  it('reuses a token until five minutes before it expires, then asks again', async () => {
    let now = 0;
    const identity = countingIdentity(60 * minuteMs, () => now);
    const tokens = rememberAppTokens(identity.acquire, () => now);
    const first = tokens('s');
    await identity.settle();
    expect(await first).toBe('token-1');
    now = 54 * minuteMs;
    expect(await tokens('s')).toBe('token-1');
    now = 55 * minuteMs;
    const renewed = tokens('s');
    await identity.settle();
    expect(await renewed).toBe('token-2');
    expect(identity.asked).toHaveLength(2);
  });

  it('does not remember a failure: the next caller asks again', async () => {
    const identity = countingIdentity(60 * minuteMs, () => 0);
    const tokens = rememberAppTokens(identity.acquire, () => 0);
    identity.failOnce();
    const failed = expect(tokens('s')).rejects.toThrow(/AADSTS7000215/);
    await identity.settle();
    await failed;
    const retried = tokens('s');
    await identity.settle();
    expect(await retried).toBe('token-2');
  });

  it('never reuses a token that arrives with less than five minutes left', async () => {
    const identity = countingIdentity(2 * minuteMs, () => 0);
    const tokens = rememberAppTokens(identity.acquire, () => 0);
    const first = tokens('s');
    await identity.settle();
    expect(await first).toBe('token-1');
    const second = tokens('s');
    await identity.settle();
    expect(await second).toBe('token-2');
  });
});
