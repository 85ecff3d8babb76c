// The blossom solver against exhaustive search on small graphs, its dual certificate, and
// the edmonds-blossom-fixed port (van Rantwijk's algorithm too) on larger ones.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { maximumWeightMatching, type WeightedEdge } from '../../../src/core/matching/index.js';
import { bruteForceBest, seeded } from './support.js';

const require = createRequire(import.meta.url);
const reference = require('edmonds-blossom-fixed') as (edges: number[][]) => number[];

function randomGraph(random: () => number, n: number): WeightedEdge[] {
  const density = 0.2 + random() * 0.8;
  const edges: WeightedEdge[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (random() < density) edges.push({ i, j, weight: Math.floor(random() * (random() < 0.5 ? 5 : 120)) });
  return edges;
}

function weightOf(edges: readonly WeightedEdge[], mate: ArrayLike<number>): number {
  let total = 0;
  for (const e of edges) if (mate[e.i] === e.j) total += e.weight;
  return total;
}

describe('maximumWeightMatching', () => {
  it('finds the best matching that exhaustive search finds, on 1,500 graphs of up to 10 vertices', () => {
    const random = seeded(1);
    for (let t = 0; t < 1_500; t++) {
      const n = 1 + Math.floor(random() * 10);
      const edges = randomGraph(random, n);
      const { mate } = maximumWeightMatching(n, edges);
      for (let v = 0; v < n; v++) if (mate[v] !== -1) expect(mate[mate[v]!]).toBe(v);
      const best = bruteForceBest(
        edges.map((e) => ({ a: e.i, b: e.j, score: e.weight })),
        Array.from({ length: n }, () => 1),
      );
      expect(weightOf(edges, mate)).toBe(best);
    }
  });

  it('returns duals that price out edges left out: adding every covered edge never raises the optimum', () => {
    const random = seeded(2);
    for (let t = 0; t < 300; t++) {
      const n = 2 + Math.floor(random() * 30);
      const all = randomGraph(random, n);
      const solved = all.filter(() => random() < 0.5);
      const { mate, vertexDual } = maximumWeightMatching(n, solved);
      for (let v = 0; v < n; v++) {
        expect(vertexDual[v]).toBeGreaterThanOrEqual(0);
        if (mate[v] === -1) expect(vertexDual[v]).toBe(0);
      }
      const covered = all.filter((e) => !solved.includes(e) && vertexDual[e.i]! + vertexDual[e.j]! >= 2 * e.weight);
      const widened = [...solved, ...covered];
      expect(weightOf(widened, maximumWeightMatching(n, widened).mate)).toBe(weightOf(solved, mate));
    }
  });

  it('agrees with edmonds-blossom-fixed on 200 graphs of 20 to 80 vertices', () => {
    const random = seeded(3);
    for (let t = 0; t < 200; t++) {
      const n = 20 + Math.floor(random() * 60);
      const edges = randomGraph(random, n).filter(() => random() < 0.3);
      if (edges.length === 0) continue;
      const ours = weightOf(edges, maximumWeightMatching(n, edges).mate);
      const theirs = weightOf(edges, reference(edges.map((e) => [e.i, e.j, e.weight])));
      expect(ours).toBe(theirs);
    }
  });

  it('is deterministic and handles the empty graph', () => {
    const edges = randomGraph(seeded(4), 40);
    expect([...maximumWeightMatching(40, edges).mate]).toEqual([...maximumWeightMatching(40, edges).mate]);
    expect([...maximumWeightMatching(3, []).mate]).toEqual([-1, -1, -1]);
  });
});
