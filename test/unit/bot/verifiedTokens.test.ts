import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { rememberVerifiedTokens } from '../../../server/bot/channelAuth.js';

type Claims = Record<string, unknown>;

/** A verifier that accepts tokens named "good-<exp seconds>" and counts its calls. */
function countingVerifier() {
  const calls: string[] = [];
  const verify = (req: Request, res: Response, next: NextFunction) => {
    const header = String(req.headers.authorization);
    calls.push(header);
    const m = /^Bearer good-(\d+)$/.exec(header);
    if (!m) return void (res as unknown as { refused: boolean }).refused;
    (req as Request & { user?: Claims }).user = { exp: Number(m[1]), iss: 'channel' };
    next();
  };
  return { calls, verify };
}

function send(handler: ReturnType<typeof rememberVerifiedTokens>, token: string) {
  const req = { headers: { authorization: `Bearer ${token}` } } as unknown as Request & { user?: Claims };
  let passed = false;
  handler(req, {} as Response, () => void (passed = true));
  return { passed, user: req.user };
}

describe('remembering verified channel tokens', () => {
  it('verifies a token once and reuses its claims until it expires, never after', () => {
    let now = 1_000_000;
    const { calls, verify } = countingVerifier();
    const handler = rememberVerifiedTokens(verify, { now: () => now });
    expect(send(handler, 'good-2000').passed).toBe(true);
    expect(send(handler, 'good-2000')).toMatchObject({ passed: true, user: { exp: 2000 } });
    expect(calls).toHaveLength(1);
    now = 2_000_000;
    send(handler, 'good-2000');
    expect(calls).toHaveLength(2);
  });

  it('never remembers a refused token, and tells tokens apart', () => {
    const { calls, verify } = countingVerifier();
    const handler = rememberVerifiedTokens(verify, { now: () => 0 });
    expect(send(handler, 'forged').passed).toBe(false);
    expect(send(handler, 'forged').passed).toBe(false);
    send(handler, 'good-10');
    send(handler, 'good-11');
    expect(calls).toEqual(['Bearer forged', 'Bearer forged', 'Bearer good-10', 'Bearer good-11']);
  });

  it('forgets the oldest token beyond its bound', () => {
    const { calls, verify } = countingVerifier();
    const handler = rememberVerifiedTokens(verify, { now: () => 0, max: 2 });
    for (const t of ['good-1', 'good-2', 'good-3', 'good-1']) send(handler, t);
    expect(calls).toHaveLength(4);
  });
});
