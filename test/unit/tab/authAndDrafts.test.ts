import { describe, expect, it, vi } from 'vitest';
import { devSignInTokenSource, devTokenStorageKey, readTokenClaims, SignInRequired } from '../../../src/client/auth.js';
import type { ApiClient } from '../../../src/client/api.js';
import { draftKey, NoteDrafts } from '../../../src/ui/note/noteDrafts.js';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) =>
  `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.signature`;

describe('dev sign-in token source', () => {
  const now = Date.UTC(2026, 0, 1);

  it('returns the token the landing page stored while it is valid', async () => {
    const storage = new MemoryStorage();
    const token = jwt({ exp: now / 1000 + 3600, oid: 'x' });
    storage.setItem(devTokenStorageKey, token);
    let redirected = false;
    await expect(
      devSignInTokenSource(
        storage,
        () => (redirected = true),
        () => now,
      ).getToken(),
    ).resolves.toBe(token);
    expect(redirected).toBe(false);
  });

  it.each([
    ['missing', null],
    ['expired', jwt({ exp: now / 1000 - 1 })],
    ['about to expire', jwt({ exp: now / 1000 + 10 })],
    ['not a JWT', 'garbage'],
  ])('sends the browser to sign in when the token is %s', async (_, token) => {
    const storage = new MemoryStorage();
    if (token) storage.setItem(devTokenStorageKey, token);
    let redirected = false;
    await expect(
      devSignInTokenSource(
        storage,
        () => (redirected = true),
        () => now,
      ).getToken(),
    ).rejects.toBeInstanceOf(SignInRequired);
    expect(redirected).toBe(true);
  });

  it('drops a token the server refused and signs in again', async () => {
    const storage = new MemoryStorage();
    storage.setItem(devTokenStorageKey, jwt({ exp: now / 1000 + 3600 }));
    let redirected = false;
    await expect(
      devSignInTokenSource(
        storage,
        () => (redirected = true),
        () => now,
      ).getToken(true),
    ).rejects.toBeInstanceOf(SignInRequired);
    expect(redirected).toBe(true);
    expect(storage.getItem(devTokenStorageKey)).toBeNull();
  });

  it('reads a token put in storage after the first call afresh (another sign-in), not the claims it read before', async () => {
    const storage = new MemoryStorage();
    const expired = jwt({ exp: now / 1000 - 60 });
    const valid = jwt({ exp: now / 1000 + 3600 });
    const tokens = devSignInTokenSource(
      storage,
      () => undefined,
      () => now,
    );
    storage.setItem(devTokenStorageKey, valid);
    await expect(tokens.getToken()).resolves.toBe(valid);
    storage.setItem(devTokenStorageKey, expired);
    await expect(tokens.getToken()).rejects.toBeInstanceOf(SignInRequired);
    storage.setItem(devTokenStorageKey, valid);
    await expect(tokens.getToken()).resolves.toBe(valid);
  });

  it('reads claims from base64url payloads', () => {
    expect(readTokenClaims(jwt({ exp: 5, name: 'Zoë ~~ ??' }))).toEqual({ exp: 5, name: 'Zoë ~~ ??' });
  });
});

describe('NoteDrafts', () => {
  const note = {
    taught: 'How I use the care-coordination app',
    learned: 'Escalation paths',
    actionItems: [{ id: 'a', text: '', done: false }],
    focusAreas: ['technology-adoption' as const],
    phiConfirmations: [],
  };
  const at = (iso: string) => () => new Date(iso);
  /** An API that records what it is asked and answers the tenant's draft with `tenant`. */
  const tenantApi = (tenant: unknown = null) => {
    const asked: string[] = [];
    const api = {
      json: async (_schema: unknown, method: string, path: string) => {
        asked.push(`${method} ${path}`);
        return method === 'GET' ? { draft: tenant } : { draft: null };
      },
      send: async (method: string, path: string) => {
        asked.push(`${method} ${path}`);
        return new Response(null, { status: 204 });
      },
    } as unknown as Pick<ApiClient, 'json' | 'send'>;
    return { api, asked };
  };

  it('keeps a draft on the device per user and session until discarded', async () => {
    const storage = new MemoryStorage();
    const { api } = tenantApi();
    const drafts = new NoteDrafts(api, storage, true, at('2026-01-01T00:00:00Z'));
    expect(drafts.keep('u1', 's1', note, 'W/"1"', false, () => undefined)).toBe('device');
    expect(await drafts.load('u1', 's1')).toEqual({
      draft: { note, baseEtag: 'W/"1"', savedAt: '2026-01-01T00:00:00.000Z' },
      from: 'device',
    });
    expect(await drafts.load('u2', 's1')).toBeNull();
    drafts.discard('u1', 's1', false);
    expect(await drafts.load('u1', 's1')).toBeNull();
  });

  it('opens the newer of the device draft and the tenant one', () => {
    const storage = new MemoryStorage();
    const drafts = new NoteDrafts(tenantApi().api, storage, true, at('2026-01-02T00:00:00Z'));
    drafts.keep('u1', 's1', note, null, false, () => undefined);
    const tenant = (savedAt: string) => ({ note: { ...note, learned: 'From the tenant' }, baseEtag: null, savedAt });
    expect(drafts.newest('u1', 's1', tenant('2026-01-03T00:00:00.000Z'))?.from).toBe('tenant');
    expect(drafts.newest('u1', 's1', tenant('2026-01-01T00:00:00.000Z'))?.from).toBe('device');
    expect(drafts.newest('u1', 's1', null)?.from).toBe('device');
    expect(drafts.newest('u2', 's1', null)).toBeNull();
  });

  it('sends words to the tenant only once the guard passed them, after a pause', async () => {
    vi.useFakeTimers();
    try {
      const { api, asked } = tenantApi();
      const drafts = new NoteDrafts(api, new MemoryStorage(), true);
      drafts.keep('u1', 's1', note, null, false, () => undefined);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(asked).toEqual([]);
      expect(drafts.keep('u1', 's1', note, null, true, () => undefined)).toBe('tenant');
      await vi.advanceTimersByTimeAsync(5_000);
      expect(asked).toEqual(['PUT /api/sessions/s1/notes/me/draft']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a corrupted device draft instead of failing the page', async () => {
    const storage = new MemoryStorage();
    const drafts = new NoteDrafts(tenantApi().api, storage, true);
    storage.setItem(draftKey('u1', 's1'), '{not json');
    expect(await drafts.load('u1', 's1')).toBeNull();
    storage.setItem(draftKey('u1', 's1'), JSON.stringify({ note: { taught: 5 } }));
    expect(await drafts.load('u1', 's1')).toBeNull();
  });
});
