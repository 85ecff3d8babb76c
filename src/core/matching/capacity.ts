// Pairs of maximum total score with each person in at most `maxPairs` of them (a simple
// b-matching), solved exactly as a maximum-weight matching by a standard reduction:
// - each person becomes as many vertices as pairs they may take (their capacity, at most
//   their number of feasible partners);
// - a pair where one side has a single vertex is an edge from it to every vertex of the
//   other: it can be chosen once at most;
// - a pair where both sides have several vertices would otherwise be choosable twice, so it
//   becomes a gadget: two pair-vertices pa, pb with edges (any vertex of a)-pa and pb-(any
//   vertex of b) weighing w + 1, and pa-pb weighing w + 2. Using the pair (both outer edges)
//   earns exactly w more than leaving it (pa-pb); half-using it loses 1, so an optimum never does.
// The matching is first solved on each person's shortlist of partners, then priced against
// every feasible pair with the vertex duals: a pair outside the solved graph whose duals
// already cover it (minimum dual of a's vertices + of b's >= 2w) cannot improve the optimum,
// by LP duality for the matching polytope (blossom duals are >= 0, so leaving them out only
// makes the test stricter). Pairs that fail are added and the graph solved again, until none
// fails: the result is then optimal on the full feasible graph, and says so.
import { maximumWeightMatching, type WeightedEdge } from './blossom.js';
import type { CandidateGraph } from './candidates.js';

export interface Pairing {
  /** Indexes into the candidate graph's pairs, in increasing order. */
  chosen: number[];
  score: number;
  /** True when the duals proved the pairing optimal over every feasible pair. */
  certifiedOptimal: boolean;
  /** Solves run (1 when the first graph already held an optimum). */
  solves: number;
  /** Pairs in the last graph solved. */
  pairsSolved: number;
}

interface Reduction {
  edges: WeightedEdge[];
  /** Per reduced edge: the candidate pair it stands for, and whether it is a gadget's edge from a's side. */
  pairOf: number[];
  fromSideA: boolean[];
  vertexCount: number;
}

function reduce(graph: CandidateGraph, active: Uint8Array, copies: Int32Array, firstCopy: Int32Array): Reduction {
  const edges: WeightedEdge[] = [];
  const pairOf: number[] = [];
  const fromSideA: boolean[] = [];
  let vertexCount = firstCopy[firstCopy.length - 1]!;
  const push = (i: number, j: number, weight: number, pair: number, sideA: boolean) => {
    edges.push({ i, j, weight });
    pairOf.push(pair);
    fromSideA.push(sideA);
  };
  for (let e = 0; e < graph.count; e++) {
    if (!active[e]) continue;
    const a = graph.a[e]!;
    const b = graph.b[e]!;
    const w = graph.score[e]!;
    if (copies[a] === 1 || copies[b] === 1) {
      for (let x = 0; x < copies[a]!; x++)
        for (let y = 0; y < copies[b]!; y++) push(firstCopy[a]! + x, firstCopy[b]! + y, w, e, false);
      continue;
    }
    const pa = vertexCount++;
    const pb = vertexCount++;
    for (let x = 0; x < copies[a]!; x++) push(firstCopy[a]! + x, pa, w + 1, e, true);
    push(pa, pb, w + 2, -1, false);
    for (let y = 0; y < copies[b]!; y++) push(pb, firstCopy[b]! + y, w + 1, e, false);
  }
  return { edges, pairOf, fromSideA, vertexCount };
}

/** Solves each connected component on its own: the dual updates of the blossom algorithm then run over one component, not the round. */
function solveByComponent(
  vertexCount: number,
  edges: readonly WeightedEdge[],
): { mate: Int32Array; dual: Float64Array } {
  const parent = Int32Array.from({ length: vertexCount }, (_, v) => v);
  const root = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
    return v;
  };
  for (const e of edges) parent[root(e.i)] = root(e.j);
  const byComponent = new Map<number, WeightedEdge[]>();
  for (const e of edges) {
    const r = root(e.i);
    const list = byComponent.get(r);
    if (list) list.push(e);
    else byComponent.set(r, [e]);
  }
  const mate = new Int32Array(vertexCount).fill(-1);
  const dual = new Float64Array(vertexCount);
  const local = new Int32Array(vertexCount).fill(-1);
  for (const list of byComponent.values()) {
    const global: number[] = [];
    const id = (v: number) => (local[v] === -1 ? (local[v] = global.push(v) - 1) : local[v]!);
    const localEdges = list.map((e) => ({ i: id(e.i), j: id(e.j), weight: e.weight }));
    const solved = maximumWeightMatching(global.length, localEdges);
    global.forEach((v, x) => {
      mate[v] = solved.mate[x]! === -1 ? -1 : global[solved.mate[x]!]!;
      dual[v] = solved.vertexDual[x]!;
    });
  }
  return { mate, dual };
}

function chosenPairs(reduction: Reduction, mate: Int32Array, firstCopy: Int32Array): number[] {
  const copiesEnd = firstCopy[firstCopy.length - 1]!;
  const chosen = new Set<number>();
  reduction.edges.forEach((e, r) => {
    const pair = reduction.pairOf[r]!;
    if (pair === -1 || mate[e.i] !== e.j) return;
    // A gadget counts once, from a's side; a plain edge joins two person vertices.
    if (reduction.fromSideA[r] || (e.i < copiesEnd && e.j < copiesEnd)) chosen.add(pair);
  });
  return [...chosen].sort((x, y) => x - y);
}

function anyUncovered(graph: CandidateGraph, active: Uint8Array, minDual: Float64Array): boolean {
  for (let e = 0; e < graph.count; e++) {
    if (!active[e] && minDual[graph.a[e]!]! + minDual[graph.b[e]!]! < 2 * graph.score[e]!) return true;
  }
  return false;
}

/**
 * Pairs outside the solved graph that the duals do not cover (none means the pairing is optimal),
 * most violated first, at most `perPerson` new pairs for anyone, so that the next solve stays sparse.
 */
function uncoveredPairs(graph: CandidateGraph, active: Uint8Array, minDual: Float64Array, perPerson: number): number[] {
  const violated: number[] = [];
  const shortfall = new Float64Array(graph.count);
  for (let e = 0; e < graph.count; e++) {
    if (active[e]) continue;
    shortfall[e] = 2 * graph.score[e]! - minDual[graph.a[e]!]! - minDual[graph.b[e]!]!;
    if (shortfall[e]! > 0) violated.push(e);
  }
  violated.sort((x, y) => shortfall[y]! - shortfall[x]! || x - y);
  const added = new Map<number, number>();
  return violated.filter((e) => {
    const a = graph.a[e]!;
    const b = graph.b[e]!;
    if ((added.get(a) ?? 0) >= perPerson && (added.get(b) ?? 0) >= perPerson) return false;
    added.set(a, (added.get(a) ?? 0) + 1);
    added.set(b, (added.get(b) ?? 0) + 1);
    return true;
  });
}

export function maximumScorePairing(
  graph: CandidateGraph,
  capacity: Int32Array,
  maxSolves = 6,
  addedPerPersonPerSolve = 2,
): Pairing {
  const people = capacity.length;
  const copies = Int32Array.from(capacity, (c, p) => Math.min(c, graph.degree[p]!));
  const firstCopy = new Int32Array(people + 1);
  for (let p = 0; p < people; p++) firstCopy[p + 1] = firstCopy[p]! + copies[p]!;
  const active = graph.shortlisted.slice();
  let chosen: number[] = [];
  for (let solves = 1; ; solves++) {
    const reduction = reduce(graph, active, copies, firstCopy);
    const { mate, dual } = solveByComponent(reduction.vertexCount, reduction.edges);
    chosen = chosenPairs(reduction, mate, firstCopy);
    const minDual = new Float64Array(people).fill(Infinity);
    for (let p = 0; p < people; p++)
      for (let v = firstCopy[p]!; v < firstCopy[p + 1]!; v++) minDual[p] = Math.min(minDual[p]!, dual[v]!);
    const certifiedOptimal = !anyUncovered(graph, active, minDual);
    if (certifiedOptimal || solves >= maxSolves) {
      const score = chosen.reduce((sum, e) => sum + graph.score[e]!, 0);
      return { chosen, score, certifiedOptimal, solves, pairsSolved: active.reduce((sum, x) => sum + x, 0) };
    }
    const uncovered = uncoveredPairs(graph, active, minDual, addedPerPersonPerSolve);
    for (const e of uncovered) active[e] = 1;
  }
}
