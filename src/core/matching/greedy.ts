// Greedy best-first pairing: the highest-scoring feasible pair that still fits both people,
// again and again. A baseline for the benchmark, and a floor for the matcher: its pairs are
// added to the graph the matching is first solved on, so the result never scores below it.
import type { CandidateGraph } from './candidates.js';

/** Pair indexes by score, highest first, earlier pairs first within a score (a counting sort: scores are small integers). */
function byScoreDescending(graph: CandidateGraph): Int32Array {
  let top = 0;
  for (let e = 0; e < graph.count; e++) top = Math.max(top, graph.score[e]!);
  const start = new Int32Array(top + 2);
  for (let e = 0; e < graph.count; e++) start[top - graph.score[e]! + 1]!++;
  for (let s = 1; s < start.length; s++) start[s]! += start[s - 1]!;
  const order = new Int32Array(graph.count);
  for (let e = 0; e < graph.count; e++) order[start[top - graph.score[e]!]!++] = e;
  return order;
}

export function greedyPairs(graph: CandidateGraph, capacity: Int32Array): { chosen: number[]; score: number } {
  const left = capacity.slice();
  const chosen: number[] = [];
  let score = 0;
  for (const e of byScoreDescending(graph)) {
    const a = graph.a[e]!;
    const b = graph.b[e]!;
    if (left[a]! > 0 && left[b]! > 0) {
      left[a]!--;
      left[b]!--;
      chosen.push(e);
      score += graph.score[e]!;
    }
  }
  return { chosen, score };
}
