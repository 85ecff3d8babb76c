import { describe, expect, it } from 'vitest';
import { ApiClient, type BusyNotice } from '../../../src/client/api.js';
import type { TokenSource } from '../../../src/client/auth.js';
import { json, me } from './support/answers.js';

const tokens = (issued: string[] = []): TokenSource => ({
  kind: 'dev-sign-in',
  async getToken(fresh = false) {
    const token = fresh ? 'fresh-token' : 'token';
    issued.push(token);
    return token;
  },
});

function scripted(responses: (() => Response)[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('no more scripted responses');
    return next();
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('ApiClient', () => {
  it('sends the bearer token and parses the response with the contract schema', async () => {
    const { calls, fetchImpl } = scripted([json(200, me)]);
    const client = new ApiClient(tokens(), { fetch: fetchImpl });
    await expect(client.me()).resolves.toMatchObject({ displayName: 'Ana Ruiz', roles: ['Participant'] });
    expect(new Headers(calls[0]!.init!.headers).get('authorization')).toBe('Bearer token');
  });

  it('retries 429 and 503 honouring Retry-After and tells the UI it is busy, then clears it', async () => {
    const waits: number[] = [];
    const notices: (BusyNotice | null)[] = [];
    const { calls, fetchImpl } = scripted([
      json(429, { error: { code: 'throttled', message: 'slow down' } }, { 'retry-after': '2' }),
      json(503, { error: { code: 'upstream_unavailable', message: 'down' } }),
      json(200, me),
    ]);
    const client = new ApiClient(tokens(), {
      fetch: fetchImpl,
      sleep: async (ms) => void waits.push(ms),
      onBusy: (n) => notices.push(n),
      backoffMs: 100,
    });
    await client.me();
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([2000, 200]);
    expect(notices.at(-1)).toBeNull();
    expect(notices.filter(Boolean)).toHaveLength(2);
  });

  it('gives up after the last attempt with the throttled code', async () => {
    const { fetchImpl } = scripted(
      Array.from({ length: 3 }, () => json(429, { error: { code: 'throttled', message: 'Microsoft 365 is busy' } })),
    );
    const client = new ApiClient(tokens(), { fetch: fetchImpl, sleep: async () => {}, maxAttempts: 3 });
    await expect(client.me()).rejects.toMatchObject({ name: 'ApiError', status: 429, code: 'throttled' });
  });

  it('asks for a fresh token once after a 401', async () => {
    const issued: string[] = [];
    const { fetchImpl } = scripted([
      json(401, { error: { code: 'unauthenticated', message: 'expired' } }),
      json(200, me),
    ]);
    await new ApiClient(tokens(issued), { fetch: fetchImpl }).me();
    expect(issued).toEqual(['token', 'fresh-token']);
  });

  it('maps a 412 to a conflict and keeps the server error code', async () => {
    const { calls, fetchImpl } = scripted([
      json(412, { error: { code: 'precondition_failed', message: 'The note changed' } }),
    ]);
    const client = new ApiClient(tokens(), { fetch: fetchImpl });
    const note = { taught: 'a', learned: 'b', actionItems: [], focusAreas: [], phiConfirmations: [] };
    const error = await client.saveNote('s1', note, 'W/"3"').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 412, code: 'precondition_failed', isConflict: true });
    expect(new Headers(calls[0]!.init!.headers).get('if-match')).toBe('W/"3"');
  });

  it('reports a field from a validation error body', async () => {
    const { fetchImpl } = scripted([
      json(400, { error: { code: 'invalid_request', message: 'body.minutes: too big', field: 'body.minutes' } }),
    ]);
    const error = await new ApiClient(tokens(), { fetch: fetchImpl })
      .logTouchpoint('p1', { kind: 'other', date: new Date().toISOString(), minutes: 999, focusAreas: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_request', field: 'body.minutes' });
  });

  it('refuses a response that does not match the contract instead of passing it on', async () => {
    const { fetchImpl } = scripted([json(200, { ...me, id: 'not-a-guid' })]);
    await expect(new ApiClient(tokens(), { fetch: fetchImpl }).me()).rejects.toMatchObject({
      code: 'internal_error',
      message: expect.stringContaining('Unexpected answer from GET /api/me: id'),
    });
  });

  it('reads a code it does not know from the status, keeping the server message', async () => {
    const { fetchImpl } = scripted([json(404, { error: { code: 'gone_fishing', message: 'No such pair' } })]);
    await expect(new ApiClient(tokens(), { fetch: fetchImpl }).pair('p1')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'No such pair',
    });
  });

  it('turns a non-JSON error page into a stable code', async () => {
    const { fetchImpl } = scripted([() => new Response('<html>Bad gateway</html>', { status: 502 })]);
    await expect(new ApiClient(tokens(), { fetch: fetchImpl, maxAttempts: 1 }).me()).rejects.toMatchObject({
      status: 502,
      code: 'upstream_unavailable',
    });
  });
});
