// One matching pass of a round: feasible pairs, scored; the pairing of maximum total score
// within everyone's capacity; each pair's reasons and each unmatched person's reason.
import { candidateGraph, type CandidateGraph } from './candidates.js';
import { maximumScorePairing, type Pairing } from './capacity.js';
import { buildRound, type Round } from './feasibility.js';
import { greedyPairs } from './greedy.js';
import type { MatchingInput, RoundProposal } from './profile.js';
import { pairReasons, unmatchedReason } from './reasons.js';

export interface MatchingOptions {
  /** How many best partners per person the first solve sees; pricing adds any other pair that could raise the score. */
  partnersPerPerson?: number;
  /** Solves before giving up on proving optimality (the pairing is valid either way); by default 20 up to 1,000 people, else 1. */
  maxSolves?: number;
}

export interface RoundMatch extends RoundProposal {
  score: number;
  certifiedOptimal: boolean;
}

/** The round's pieces, for callers (the benchmark) that compare the matching with other pairings. */
export interface RoundAnalysis {
  round: Round;
  graph: CandidateGraph;
  pairing: Pairing;
}

/** Rounds up to this size are solved until proven optimal; larger ones take the first solve unless told otherwise. */
const provenOptimalUpTo = 1_000;

export function analyseRound(input: MatchingInput, options: MatchingOptions = {}): RoundAnalysis {
  const round = buildRound(input);
  const graph = candidateGraph(round, options.partnersPerPerson ?? 6);
  const capacity = Int32Array.from(round.people, (p) => p.maxPairs);
  // The greedy pairs join the shortlists, so the first solve is never worse than greedy best-first.
  for (const e of greedyPairs(graph, capacity).chosen) graph.shortlisted[e] = 1;
  const maxSolves = options.maxSolves ?? (round.people.length <= provenOptimalUpTo ? 20 : 1);
  const pairing = maximumScorePairing(graph, capacity, maxSolves);
  return { round, graph, pairing };
}

export function proposeRound(input: MatchingInput, options: MatchingOptions = {}): RoundMatch {
  const { round, graph, pairing } = analyseRound(input, options);
  const matched = new Uint8Array(round.people.length);
  const pairs = pairing.chosen.map((e) => {
    const i = graph.a[e]!;
    const j = graph.b[e]!;
    matched[i] = matched[j] = 1;
    return {
      a: round.people[i]!.id,
      b: round.people[j]!.id,
      score: graph.score[e]!,
      reasons: pairReasons(round, i, j),
    };
  });
  pairs.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const unmatched = round.people.flatMap((p, i) =>
    matched[i] ? [] : [{ id: p.id, reason: unmatchedReason(round, graph, i) }],
  );
  return { pairs, unmatched, score: pairing.score, certifiedOptimal: pairing.certifiedOptimal };
}
