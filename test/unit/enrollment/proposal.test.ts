// The owner's edits to a round: re-running around locked pairs and away from dropped ones, and swaps within the rules.
import { describe, expect, it } from 'vitest';
import { proposeAroundLocks, swapPartners, type ProposalInput } from '../../../src/core/enrollment/proposal.js';
import { person } from '../matching/support.js';

const early = (id: string, extra = {}) =>
  person(id, {
    careerStage: 'early',
    canTeach: ['technology-adoption'],
    wantsToLearn: ['clinical-expertise'],
    ...extra,
  });
const seasoned = (id: string, extra = {}) =>
  person(id, {
    careerStage: 'seasoned',
    canTeach: ['clinical-expertise'],
    wantsToLearn: ['technology-adoption'],
    ...extra,
  });

const base = (over: Partial<ProposalInput> = {}): ProposalInput => ({
  people: [early('a1'), early('a2'), seasoned('s1'), seasoned('s2')],
  standIns: [],
  pastPairs: [],
  rules: { department: 'any', allowRepeats: false },
  locked: [],
  dropped: [],
  ...over,
});

describe('re-running a round around the owner’s locks and drops', () => {
  it('keeps a locked pair and pairs the others around it', () => {
    const lock = { a: 'a1', b: 's2', score: 1, reasons: ['kept'], locked: true };
    const { pairs, unmatched } = proposeAroundLocks(base({ locked: [lock] }));
    expect(pairs.map((p) => [p.a, p.b, p.locked])).toEqual([
      ['a1', 's2', true],
      ['a2', 's1', false],
    ]);
    expect(unmatched).toEqual([]);
  });

  it('never proposes a dropped pair again; its people are free for others', () => {
    const first = proposeAroundLocks(base({ people: [early('a1'), seasoned('s1'), seasoned('s2')] }));
    const dropped = [[first.pairs[0]!.a, first.pairs[0]!.b] as [string, string]];
    const again = proposeAroundLocks(base({ people: [early('a1'), seasoned('s1'), seasoned('s2')], dropped }));
    expect(again.pairs).toHaveLength(1);
    expect([again.pairs[0]!.a, again.pairs[0]!.b]).not.toEqual(dropped[0]);
  });

  it('keeps a dropped pair out even when the round allows repeats, saying why someone is left over', () => {
    const input = base({
      people: [early('a1'), seasoned('s1')],
      dropped: [['a1', 's1']],
      rules: { department: 'any', allowRepeats: true },
    });
    const { pairs, unmatched } = proposeAroundLocks(input);
    expect(pairs).toEqual([]);
    expect(unmatched.map((u) => u.id)).toEqual(['a1', 's1']);
  });

  it('follows reporting lines through managers outside the round', () => {
    const { pairs } = proposeAroundLocks(
      base({
        people: [early('a1', { managerId: 'm' }), seasoned('s1')],
        standIns: [person('m', { managerId: 's1', maxPairs: 0 })],
      }),
    );
    expect(pairs).toEqual([]);
  });
});

describe('swapping partners', () => {
  const pair = (a: string, b: string) => ({ a, b, score: 1, reasons: [], locked: false });

  it('makes the two crossed pairs, scored and locked', () => {
    const result = swapPartners(base(), pair('a1', 's1'), pair('a2', 's2'));
    expect('pairs' in result && result.pairs.map((p) => [p.a, p.b, p.locked])).toEqual([
      ['a1', 's2', true],
      ['a2', 's1', true],
    ]);
  });

  it('refuses a swap that breaks a rule, saying which', () => {
    const result = swapPartners(
      base({ people: [early('a1'), early('a2', { managerId: 's1' }), seasoned('s1'), seasoned('s2')] }),
      pair('a1', 's1'),
      pair('a2', 's2'),
    );
    expect(result).toEqual({ problem: expect.stringMatching(/a2 and s1 cannot be paired: .*reporting line/) });
  });
});
