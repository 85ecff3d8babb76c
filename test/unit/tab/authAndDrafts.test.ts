import { describe, expect, it } from 'vitest';
import { devSignInTokenSource, devTokenStorageKey, readTokenClaims, SignInRequired } from '../../../src/client/auth.js';
import { DraftStore, draftKey } from '../../../src/client/drafts.js';

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

describe('DraftStore', () => {
  const note = {
    taught: 'How I use the care-coordination app',
    learned: 'Escalation paths',
    actionItems: [{ id: 'a', text: '', done: false }],
    focusAreas: ['technology-adoption' as const],
    phiConfirmations: [],
  };

  it('keeps a draft per user and session until discarded', () => {
    const storage = new MemoryStorage();
    const drafts = new DraftStore(storage, () => new Date('2026-01-01T00:00:00Z'));
    drafts.save('u1', 's1', note, 'W/"1"');
    expect(drafts.load('u1', 's1')).toEqual({ note, baseEtag: 'W/"1"', savedAt: '2026-01-01T00:00:00.000Z' });
    expect(drafts.load('u2', 's1')).toBeNull();
    drafts.discard('u1', 's1');
    expect(drafts.load('u1', 's1')).toBeNull();
  });

  it('ignores a corrupted draft instead of failing the page', () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey('u1', 's1'), '{not json');
    expect(new DraftStore(storage).load('u1', 's1')).toBeNull();
    storage.setItem(draftKey('u1', 's1'), JSON.stringify({ note: { taught: 5 } }));
    expect(new DraftStore(storage).load('u1', 's1')).toBeNull();
  });
});
