import { describe, expect, it } from 'vitest';
import { compareAtRisk, type AtRiskPair } from '../../../src/core/dashboard/index.js';
import { atRiskPage } from '../../../server/program/dashboard/atRiskPages.js';
import { ApiProblem } from '../../../server/program/problem.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
const atRisk = (i: number): AtRiskPair => ({
  pairId: `pair-${String(i).padStart(3, '0')}`,
  reason: i % 4 === 0 ? 'consecutive-cancellations' : 'no-recent-session',
  // Every seventh never met; the others share a handful of last-held days, so ties are broken by pair id.
  lastHeld: i % 7 === 0 ? null : day(i % 5),
});
const list = Array.from({ length: 60 }, (_, i) => atRisk(59 - i));
const atRiskInOrder = (pairs: AtRiskPair[]) => [...pairs].sort(compareAtRisk);

/** Follows `next` from the first page to the last. */
function walk(pairs: AtRiskPair[], size: number) {
  const pages: AtRiskPair[][] = [];
  let cursor: string | undefined;
  do {
    const page = atRiskPage([pairs], cursor, size);
    pages.push(page.pairs);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe('at-risk pages', () => {
  it('orders pairs that never met first, then the longest without a held session, ties by pair id', () => {
    const ordered = atRiskInOrder(list);
    expect(ordered.slice(0, 9).every((p) => p.lastHeld === null)).toBe(true);
    const key = (p: AtRiskPair) => `${p.lastHeld === null ? '0' : `1${p.lastHeld}`}|${p.pairId}`;
    expect(ordered.map(key)).toEqual([...list.map(key)].sort());
  });

  it('walks every at-risk pair exactly once, a page at a time, and ends with no cursor', () => {
    const ordered = atRiskInOrder(list);
    const pages = walk(ordered, 25);
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
    expect(pages.flat()).toEqual(ordered);
  });

  it('has no next page when the list fits one page, and an empty page for no pairs', () => {
    expect(atRiskPage([atRiskInOrder(list.slice(0, 3))], undefined, 25).next).toBeNull();
    expect(atRiskPage([[]], undefined, 25)).toEqual({ pairs: [], next: null });
  });

  it('neither skips nor repeats a pair when pairs before the cursor leave the list between pages', () => {
    const ordered = atRiskInOrder(list);
    const first = atRiskPage([ordered], undefined, 25);
    // Ten pairs of the first page met again (no longer at risk) before the next page was asked for.
    const now = ordered.filter((p) => !first.pairs.slice(0, 10).includes(p));
    const second = atRiskPage([now], first.next!, 25);
    expect(second.pairs).toEqual(ordered.slice(25, 50));
  });

  it('merges lists into one order, each pair once though two lists hold it', () => {
    const ordered = atRiskInOrder(list);
    // Two departments: every third pair in both (its two people work in each), the rest in one of them.
    const a = ordered.filter((_, i) => i % 3 === 0 || i % 2 === 0);
    const b = ordered.filter((_, i) => i % 3 === 0 || i % 2 === 1);
    const pages: AtRiskPair[][] = [];
    let cursor: string | undefined;
    do {
      const page = atRiskPage([a, b], cursor, 7);
      pages.push(page.pairs);
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    expect(pages.flat()).toEqual(ordered);
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
  });

  it.each([
    ['not base64url', '***'],
    ['base64url of something else', Buffer.from('hello').toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ pairId: 'x' })).toString('base64url')],
    ['an over-long text', 'A'.repeat(2_000)],
  ])('refuses a cursor that is %s, naming the field', (_what, cursor) => {
    let thrown: unknown;
    try {
      atRiskPage([atRiskInOrder(list)], cursor, 25);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiProblem);
    expect((thrown as ApiProblem).status).toBe(400);
    expect((thrown as ApiProblem).field).toBe('query.cursor');
  });
});
