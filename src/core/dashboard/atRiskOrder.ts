// The order at-risk pairs are listed in, most at risk first: pairs that never
// held a session, then the longest since their last held one, then by pair id
// (a total order, so a list paged by position neither skips nor repeats).
import type { AtRiskPair } from './aggregate.js';

/** What places a pair in the order: when it last held a session (null: never) and its id. */
export type AtRiskPosition = Pick<AtRiskPair, 'lastHeld' | 'pairId'>;

/** Compares without allocating: a program's thousands of at-risk pairs are sorted with it on each change. */
export function compareAtRisk(a: AtRiskPosition, b: AtRiskPosition): number {
  if (a.lastHeld !== b.lastHeld) {
    if (a.lastHeld === null) return -1;
    if (b.lastHeld === null) return 1;
    return a.lastHeld < b.lastHeld ? -1 : 1;
  }
  return a.pairId < b.pairId ? -1 : a.pairId > b.pairId ? 1 : 0;
}
