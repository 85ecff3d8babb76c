// The whole matcher on generated rounds: the optimum that exhaustive search finds, within
// every hard rule, the same answer for the same round.
import { describe, expect, it } from 'vitest';
import { analyseRound, proposeRound, type MatchingInput } from '../../../src/core/matching/index.js';
import { bruteForceBest, randomInstance, ruleViolations, seeded } from './support.js';

function bruteForce(input: MatchingInput): number {
  const { round, graph } = analyseRound(input);
  const pairs = Array.from({ length: graph.count }, (_, e) => ({
    a: graph.a[e]!,
    b: graph.b[e]!,
    score: graph.score[e]!,
  }));
  return bruteForceBest(
    pairs,
    round.people.map((p) => p.maxPairs),
  );
}

const rounds = (seed: number, count: number) => {
  const random = seeded(seed);
  return Array.from({ length: count }, () => randomInstance(random, 2 + Math.floor(random() * 9)));
};

describe('proposeRound on generated rounds of up to 10 people', () => {
  it('reaches the brute-force optimum, with capacities of 0 to 3 pairs, and says it is optimal', () => {
    for (const input of rounds(11, 400)) {
      const match = proposeRound(input);
      expect(match.score).toBe(bruteForce(input));
      expect(match.certifiedOptimal).toBe(true);
      expect(match.pairs.reduce((sum, p) => sum + p.score, 0)).toBe(match.score);
    }
  });

  it('still reaches the optimum from a one-partner shortlist: pricing adds the pairs that matter', () => {
    for (const input of rounds(12, 300)) {
      const match = proposeRound(input, { partnersPerPerson: 1, maxSolves: 50 });
      expect(match.score).toBe(bruteForce(input));
      expect(match.certifiedOptimal).toBe(true);
    }
  });

  it('never breaks a hard rule: reporting line, repeat, capacity, shared time, department, exchange', () => {
    for (const input of rounds(13, 300)) {
      const match = proposeRound(input);
      expect(ruleViolations(input, match.pairs)).toEqual([]);
      const everyone = new Set([...match.pairs.flatMap((p) => [p.a, p.b]), ...match.unmatched.map((u) => u.id)]);
      expect(everyone.size).toBe(input.people.length);
    }
  });

  it('gives the same pairs whatever order the people come in', () => {
    const random = seeded(14);
    for (const input of rounds(15, 100)) {
      const shuffled = { ...input, people: [...input.people].sort(() => random() - 0.5) };
      expect(proposeRound(shuffled)).toEqual(proposeRound(input));
    }
  });
});
