// Maximum-weight matching on a general graph (Edmonds' blossom algorithm with dual
// variables, O(n^3)), after Joris van Rantwijk's reference implementation. It also returns
// the duals: they certify optimality, which lets the matcher solve a pruned graph and then
// prove (or restore) optimality on the full one. Deterministic: the same edges in the same
// order give the same matching.
import {
  addBlossom,
  assignLabel,
  augmentMatching,
  expandBlossom,
  scanBlossom,
  slack,
  type Forest,
} from './blossomForest.js';

export interface WeightedEdge {
  i: number;
  j: number;
  /** A non-negative integer: integer weights keep every dual exact. */
  weight: number;
}

export interface Matching {
  /** The vertex each vertex is matched to, -1 when free. */
  mate: Int32Array;
  /** Twice each vertex's LP dual: for every edge, vertexDual[i] + vertexDual[j] >= 2 * weight at an optimum. */
  vertexDual: Float64Array;
}

function newForest(n: number, edges: readonly WeightedEdge[]): Forest {
  const m = edges.length;
  const ei = new Int32Array(m);
  const ej = new Int32Array(m);
  const weight = new Float64Array(m);
  const degree = new Int32Array(n + 1);
  let maxWeight = 0;
  edges.forEach((e, k) => {
    if (e.i === e.j || e.i < 0 || e.j < 0 || e.i >= n || e.j >= n) throw new RangeError(`bad edge ${e.i}-${e.j}`);
    ei[k] = e.i;
    ej[k] = e.j;
    weight[k] = e.weight;
    maxWeight = Math.max(maxWeight, e.weight);
    degree[e.i + 1]!++;
    degree[e.j + 1]!++;
  });
  const endpoint = new Int32Array(2 * m);
  for (let p = 0; p < 2 * m; p++) endpoint[p] = p & 1 ? ej[p >> 1]! : ei[p >> 1]!;
  for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
  const neighbourStart = degree.slice();
  const neighbourEnds = new Int32Array(2 * m);
  const fill = degree.slice(0, n);
  for (let k = 0; k < m; k++) {
    neighbourEnds[fill[ei[k]!]!++] = 2 * k + 1;
    neighbourEnds[fill[ej[k]!]!++] = 2 * k;
  }
  const dual = new Float64Array(2 * n);
  dual.fill(maxWeight, 0, n);
  const blossomBase = new Int32Array(2 * n).fill(-1);
  const inBlossom = new Int32Array(n);
  for (let v = 0; v < n; v++) blossomBase[v] = inBlossom[v] = v;
  return {
    n,
    ei,
    ej,
    weight,
    endpoint,
    neighbourStart,
    neighbourEnds,
    mate: new Int32Array(n).fill(-1),
    label: new Int32Array(2 * n),
    labelEnd: new Int32Array(2 * n).fill(-1),
    inBlossom,
    blossomParent: new Int32Array(2 * n).fill(-1),
    blossomChilds: new Array<number[] | null>(2 * n).fill(null),
    blossomBase,
    blossomEndps: new Array<number[] | null>(2 * n).fill(null),
    bestEdge: new Int32Array(2 * n).fill(-1),
    blossomBestEdges: new Array<number[] | null>(2 * n).fill(null),
    unusedBlossoms: Array.from({ length: n }, (_, i) => n + i),
    dual,
    allowEdge: new Uint8Array(m),
    queue: [],
  };
}

/** Scans the S-vertices in the queue; true when it found and applied an augmenting path. */
function growForest(f: Forest): boolean {
  while (f.queue.length > 0) {
    const v = f.queue.pop()!;
    for (let q = f.neighbourStart[v]!; q < f.neighbourStart[v + 1]!; q++) {
      const p = f.neighbourEnds[q]!;
      const k = p >> 1;
      const w = f.endpoint[p]!;
      if (f.inBlossom[v] === f.inBlossom[w]) continue;
      let kSlack = 0;
      if (!f.allowEdge[k]) {
        kSlack = slack(f, k);
        if (kSlack <= 0) f.allowEdge[k] = 1;
      }
      const bw = f.inBlossom[w]!;
      if (f.allowEdge[k]) {
        if (f.label[bw] === 0) {
          assignLabel(f, w, 2, p ^ 1);
        } else if (f.label[bw] === 1) {
          const base = scanBlossom(f, v, w);
          if (base >= 0) {
            addBlossom(f, base, k);
          } else {
            augmentMatching(f, k);
            return true;
          }
        } else if (f.label[w] === 0) {
          f.label[w] = 2;
          f.labelEnd[w] = p ^ 1;
        }
      } else if (f.label[bw] === 1) {
        const b = f.inBlossom[v]!;
        if (f.bestEdge[b] === -1 || kSlack < slack(f, f.bestEdge[b]!)) f.bestEdge[b] = k;
      } else if (f.label[w] === 0) {
        if (f.bestEdge[w] === -1 || kSlack < slack(f, f.bestEdge[w]!)) f.bestEdge[w] = k;
      }
    }
  }
  return false;
}

interface Delta {
  type: 1 | 2 | 3 | 4;
  amount: number;
  edge: number;
  blossom: number;
}

/** The largest dual change that keeps every slack non-negative, and what it makes tight. */
function nextDelta(f: Forest): Delta {
  const { n } = f;
  let minVertexDual = Infinity;
  for (let v = 0; v < n; v++) minVertexDual = Math.min(minVertexDual, f.dual[v]!);
  const d: Delta = { type: 1, amount: minVertexDual, edge: -1, blossom: -1 };
  for (let v = 0; v < n; v++) {
    if (f.label[f.inBlossom[v]!] === 0 && f.bestEdge[v] !== -1) {
      const s = slack(f, f.bestEdge[v]!);
      if (s < d.amount) Object.assign(d, { type: 2, amount: s, edge: f.bestEdge[v]! });
    }
  }
  for (let b = 0; b < 2 * n; b++) {
    if (f.blossomParent[b] === -1 && f.label[b] === 1 && f.bestEdge[b] !== -1) {
      const s = slack(f, f.bestEdge[b]!) / 2;
      if (s < d.amount) Object.assign(d, { type: 3, amount: s, edge: f.bestEdge[b]! });
    }
  }
  for (let b = n; b < 2 * n; b++) {
    if (f.blossomBase[b]! >= 0 && f.blossomParent[b] === -1 && f.label[b] === 2 && f.dual[b]! < d.amount) {
      Object.assign(d, { type: 4, amount: f.dual[b]!, blossom: b });
    }
  }
  return d;
}

function applyDelta(f: Forest, amount: number): void {
  const { n } = f;
  for (let v = 0; v < n; v++) {
    const l = f.label[f.inBlossom[v]!];
    if (l === 1) f.dual[v]! -= amount;
    else if (l === 2) f.dual[v]! += amount;
  }
  for (let b = n; b < 2 * n; b++) {
    if (f.blossomBase[b]! >= 0 && f.blossomParent[b] === -1) {
      if (f.label[b] === 1) f.dual[b]! += amount;
      else if (f.label[b] === 2) f.dual[b]! -= amount;
    }
  }
}

/** One stage: grows alternating trees from every free vertex until a path augments (true) or no dual change can help (false). */
function runStage(f: Forest): boolean {
  const { n } = f;
  f.label.fill(0);
  f.bestEdge.fill(-1);
  for (let b = n; b < 2 * n; b++) f.blossomBestEdges[b] = null;
  f.allowEdge.fill(0);
  f.queue.length = 0;
  for (let v = 0; v < n; v++) if (f.mate[v] === -1 && f.label[f.inBlossom[v]!] === 0) assignLabel(f, v, 1, -1);
  for (;;) {
    if (growForest(f)) return true;
    const delta = nextDelta(f);
    applyDelta(f, delta.amount);
    if (delta.type === 1) return false;
    if (delta.type === 4) {
      expandBlossom(f, delta.blossom, false);
      continue;
    }
    f.allowEdge[delta.edge] = 1;
    const i = f.ei[delta.edge]!;
    f.queue.push(delta.type === 2 && f.label[f.inBlossom[i]!] === 0 ? f.ej[delta.edge]! : i);
  }
}

/**
 * Augments along tight alternating paths between free vertices, found by depth-first search over
 * single vertices (none inside a blossom), each vertex visited once per call (Hopcroft-Karp style).
 * Between stages this keeps every invariant of the algorithm (the flipped edges are all tight and no
 * dual moves) and does in one O(n + m) pass what would otherwise take one stage, with a full forest
 * rebuild, per path. Paths that need a blossom or a dual change are left to the stages.
 */
function augmentTightPaths(f: Forest, visited: Uint8Array): void {
  visited.fill(0);
  const outer: number[] = [];
  const via: number[] = [];
  const cursor: number[] = [];
  for (let root = 0; root < f.n; root++) {
    if (f.mate[root] !== -1 || f.inBlossom[root] !== root || visited[root]) continue;
    visited[root] = 1;
    outer.length = via.length = cursor.length = 0;
    outer.push(root);
    cursor.push(f.neighbourStart[root]!);
    while (outer.length > 0) {
      const depth = outer.length - 1;
      const a = outer[depth]!;
      if (cursor[depth]! >= f.neighbourStart[a + 1]!) {
        outer.pop();
        cursor.pop();
        via.pop();
        continue;
      }
      const p = f.neighbourEnds[cursor[depth]!++]!;
      const b = f.endpoint[p]!;
      if (visited[b] || f.inBlossom[b] !== b || slack(f, p >> 1) !== 0) continue;
      visited[b] = 1;
      if (f.mate[b] === -1) {
        via.push(p);
        // a0 -> b0 = a1 -> b1 = ... -> b (free): each a_i now takes b_i.
        outer.forEach((ai, i) => {
          f.mate[ai] = via[i]!;
          f.mate[f.endpoint[via[i]!]!] = via[i]! ^ 1;
        });
        break;
      }
      const c = f.endpoint[f.mate[b]!]!;
      if (visited[c] || f.inBlossom[c] !== c) continue;
      visited[c] = 1;
      via[depth] = p;
      outer.push(c);
      cursor.push(f.neighbourStart[c]!);
    }
  }
}

/** The dual every free vertex shares (they all start equal and every dual change moves them together). */
function freeVertexDual(f: Forest): number {
  for (let v = 0; v < f.n; v++) if (f.mate[v] === -1) return f.dual[v]!;
  return -1;
}

/** A maximum-weight matching of the graph on vertices 0..vertexCount-1 (not necessarily of maximum cardinality). */
export function maximumWeightMatching(vertexCount: number, edges: readonly WeightedEdge[]): Matching {
  const f = newForest(vertexCount, edges);
  let dualWhenLastBatched = NaN;
  const visited = new Uint8Array(vertexCount);
  for (let stage = 0; stage < vertexCount; stage++) {
    // New tight edges between free vertices appear only when their shared dual has moved.
    const freeDual = freeVertexDual(f);
    if (freeDual !== dualWhenLastBatched) {
      augmentTightPaths(f, visited);
      dualWhenLastBatched = freeDual;
    }
    if (!runStage(f)) break;
    // Blossoms whose dual reached zero are expanded at the end of a stage, as the reference does.
    for (let b = vertexCount; b < 2 * vertexCount; b++) {
      if (f.blossomParent[b] === -1 && f.blossomBase[b]! >= 0 && f.label[b] === 1 && f.dual[b] === 0) {
        expandBlossom(f, b, true);
      }
    }
  }
  const mate = new Int32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) mate[v] = f.mate[v]! >= 0 ? f.endpoint[f.mate[v]!]! : -1;
  return { mate, vertexDual: f.dual.slice(0, vertexCount) };
}
