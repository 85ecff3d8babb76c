// The labelled forest of Edmonds' blossom algorithm for maximum-weight matching, after
// Joris van Rantwijk's reference implementation (mwmatching.py, public domain): blossom
// creation, expansion and augmentation. Typed arrays instead of lists, because a round of
// 5,000 people runs thousands of stages and the npm port's per-stage allocations made it 20x slower.
// Vertices are 0..n-1, blossoms n..2n-1; an edge k has endpoints 2k (its i) and 2k+1 (its j).
// Labels: 0 free, 1 S (outer), 2 T (inner); 5 marks a blossom while scanning.

export interface Forest {
  n: number;
  ei: Int32Array;
  ej: Int32Array;
  /** Edge weights (integers keep every dual exact). */
  weight: Float64Array;
  endpoint: Int32Array;
  /** Endpoints around each vertex, CSR: neighbours of v are at neighbourStart[v] .. neighbourStart[v+1]-1. */
  neighbourStart: Int32Array;
  neighbourEnds: Int32Array;
  /** The remote endpoint a vertex is matched through, -1 when free. */
  mate: Int32Array;
  label: Int32Array;
  labelEnd: Int32Array;
  inBlossom: Int32Array;
  blossomParent: Int32Array;
  blossomChilds: (number[] | null)[];
  blossomBase: Int32Array;
  blossomEndps: (number[] | null)[];
  bestEdge: Int32Array;
  blossomBestEdges: (number[] | null)[];
  unusedBlossoms: number[];
  /** Twice the LP dual of each vertex (0..n-1) and blossom (n..2n-1). */
  dual: Float64Array;
  allowEdge: Uint8Array;
  queue: number[];
}

/** Array index counted from the end when negative, as the reference's Python lists allow. */
const at = (xs: readonly number[], i: number): number => xs[i < 0 ? xs.length + i : i]!;

export const slack = (f: Forest, k: number): number => f.dual[f.ei[k]!]! + f.dual[f.ej[k]!]! - 2 * f.weight[k]!;

export function blossomLeaves(f: Forest, b: number, out: number[] = []): number[] {
  if (b < f.n) out.push(b);
  else for (const t of f.blossomChilds[b]!) blossomLeaves(f, t, out);
  return out;
}

export function assignLabel(f: Forest, w: number, t: number, p: number): void {
  const b = f.inBlossom[w]!;
  f.label[w] = f.label[b] = t;
  f.labelEnd[w] = f.labelEnd[b] = p;
  f.bestEdge[w] = f.bestEdge[b] = -1;
  if (t === 1) {
    blossomLeaves(f, b, f.queue);
  } else if (t === 2) {
    const base = f.blossomBase[b]!;
    const mate = f.mate[base]!;
    assignLabel(f, f.endpoint[mate]!, 1, mate ^ 1);
  }
}

/** Traces back from v and w to find a new blossom's base, or -1 when they sit in different trees (an augmenting path). */
export function scanBlossom(f: Forest, v: number, w: number): number {
  const path: number[] = [];
  let base = -1;
  while (v !== -1 || w !== -1) {
    let b = f.inBlossom[v]!;
    if (f.label[b]! & 4) {
      base = f.blossomBase[b]!;
      break;
    }
    path.push(b);
    f.label[b] = 5;
    if (f.labelEnd[b] === -1) {
      v = -1;
    } else {
      v = f.endpoint[f.labelEnd[b]!]!;
      b = f.inBlossom[v]!;
      v = f.endpoint[f.labelEnd[b]!]!;
    }
    if (w !== -1) [v, w] = [w, v];
  }
  for (const b of path) f.label[b] = 1;
  return base;
}

/** Edges from the new blossom b to each neighbouring S-blossom with least slack, for the delta-3 search. */
function bestEdgesOfNewBlossom(f: Forest, b: number, path: readonly number[]): void {
  const bestTo = new Map<number, number>();
  for (const bv of path) {
    const lists: number[][] = [];
    if (f.blossomBestEdges[bv] === null) {
      for (const v of blossomLeaves(f, bv)) {
        const ks: number[] = [];
        for (let q = f.neighbourStart[v]!; q < f.neighbourStart[v + 1]!; q++) ks.push(f.neighbourEnds[q]! >> 1);
        lists.push(ks);
      }
    } else {
      lists.push(f.blossomBestEdges[bv]!);
    }
    for (const ks of lists) {
      for (const k of ks) {
        let j = f.ej[k]!;
        if (f.inBlossom[j] === b) j = f.ei[k]!;
        const bj = f.inBlossom[j]!;
        const current = bestTo.get(bj);
        if (bj !== b && f.label[bj] === 1 && (current === undefined || slack(f, k) < slack(f, current))) {
          bestTo.set(bj, k);
        }
      }
    }
    f.blossomBestEdges[bv] = null;
    f.bestEdge[bv] = -1;
  }
  // Sorted by blossom so that the outcome never depends on Map insertion order.
  const best = [...bestTo.entries()].sort((x, y) => x[0] - y[0]).map(([, k]) => k);
  f.blossomBestEdges[b] = best;
  f.bestEdge[b] = -1;
  for (const k of best) if (f.bestEdge[b] === -1 || slack(f, k) < slack(f, f.bestEdge[b]!)) f.bestEdge[b] = k;
}

/** Shrinks the odd cycle closed by edge k, with the given base, into a new S-blossom. */
export function addBlossom(f: Forest, base: number, k: number): void {
  let v = f.ei[k]!;
  let w = f.ej[k]!;
  const bb = f.inBlossom[base]!;
  let bv = f.inBlossom[v]!;
  let bw = f.inBlossom[w]!;
  const b = f.unusedBlossoms.pop()!;
  f.blossomBase[b] = base;
  f.blossomParent[b] = -1;
  f.blossomParent[bb] = b;
  const path: number[] = [];
  const endps: number[] = [];
  while (bv !== bb) {
    f.blossomParent[bv] = b;
    path.push(bv);
    endps.push(f.labelEnd[bv]!);
    v = f.endpoint[f.labelEnd[bv]!]!;
    bv = f.inBlossom[v]!;
  }
  path.push(bb);
  path.reverse();
  endps.reverse();
  endps.push(2 * k);
  while (bw !== bb) {
    f.blossomParent[bw] = b;
    path.push(bw);
    endps.push(f.labelEnd[bw]! ^ 1);
    w = f.endpoint[f.labelEnd[bw]!]!;
    bw = f.inBlossom[w]!;
  }
  f.blossomChilds[b] = path;
  f.blossomEndps[b] = endps;
  f.label[b] = 1;
  f.labelEnd[b] = f.labelEnd[bb]!;
  f.dual[b] = 0;
  for (const leaf of blossomLeaves(f, b)) {
    if (f.label[f.inBlossom[leaf]!] === 2) f.queue.push(leaf);
    f.inBlossom[leaf] = b;
  }
  bestEdgesOfNewBlossom(f, b, path);
}

/** After expanding a T-blossom mid-stage, relabels the children along the path the tree runs through. */
function relabelExpandedTBlossom(f: Forest, b: number): void {
  const childs = f.blossomChilds[b]!;
  const endps = f.blossomEndps[b]!;
  const entryChild = f.inBlossom[f.endpoint[f.labelEnd[b]! ^ 1]!]!;
  let j = childs.indexOf(entryChild);
  let jStep: number;
  let trick: number;
  if (j & 1) {
    j -= childs.length;
    jStep = 1;
    trick = 0;
  } else {
    jStep = -1;
    trick = 1;
  }
  let p = f.labelEnd[b]!;
  while (j !== 0) {
    f.label[f.endpoint[p ^ 1]!] = 0;
    f.label[f.endpoint[at(endps, j - trick) ^ trick ^ 1]!] = 0;
    assignLabel(f, f.endpoint[p ^ 1]!, 2, p);
    f.allowEdge[at(endps, j - trick) >> 1] = 1;
    j += jStep;
    p = at(endps, j - trick) ^ trick;
    f.allowEdge[p >> 1] = 1;
    j += jStep;
  }
  let bv = at(childs, j);
  f.label[f.endpoint[p ^ 1]!] = f.label[bv] = 2;
  f.labelEnd[f.endpoint[p ^ 1]!] = f.labelEnd[bv] = p;
  f.bestEdge[bv] = -1;
  j += jStep;
  while (at(childs, j) !== entryChild) {
    bv = at(childs, j);
    if (f.label[bv] === 1) {
      j += jStep;
      continue;
    }
    const reached = blossomLeaves(f, bv).find((leaf) => f.label[leaf] !== 0);
    if (reached !== undefined) {
      f.label[reached] = 0;
      f.label[f.endpoint[f.mate[f.blossomBase[bv]!]!]!] = 0;
      assignLabel(f, reached, 2, f.labelEnd[reached]!);
    }
    j += jStep;
  }
}

export function expandBlossom(f: Forest, b: number, endStage: boolean): void {
  for (const s of f.blossomChilds[b]!) {
    f.blossomParent[s] = -1;
    if (s < f.n) f.inBlossom[s] = s;
    else if (endStage && f.dual[s] === 0) expandBlossom(f, s, endStage);
    else for (const leaf of blossomLeaves(f, s)) f.inBlossom[leaf] = s;
  }
  if (!endStage && f.label[b] === 2) relabelExpandedTBlossom(f, b);
  f.label[b] = f.labelEnd[b] = -1;
  f.blossomChilds[b] = f.blossomEndps[b] = null;
  f.blossomBase[b] = -1;
  f.blossomBestEdges[b] = null;
  f.bestEdge[b] = -1;
  f.unusedBlossoms.push(b);
}

/** Swaps matched and unmatched edges inside blossom b so that vertex v becomes its base. */
function augmentBlossom(f: Forest, b: number, v: number): void {
  let t = v;
  while (f.blossomParent[t] !== b) t = f.blossomParent[t]!;
  if (t >= f.n) augmentBlossom(f, t, v);
  const childs = f.blossomChilds[b]!;
  const endps = f.blossomEndps[b]!;
  const i = childs.indexOf(t);
  let j = i;
  let jStep: number;
  let trick: number;
  if (i & 1) {
    j -= childs.length;
    jStep = 1;
    trick = 0;
  } else {
    jStep = -1;
    trick = 1;
  }
  while (j !== 0) {
    j += jStep;
    t = at(childs, j);
    const p = at(endps, j - trick) ^ trick;
    if (t >= f.n) augmentBlossom(f, t, f.endpoint[p]!);
    j += jStep;
    t = at(childs, j);
    if (t >= f.n) augmentBlossom(f, t, f.endpoint[p ^ 1]!);
    f.mate[f.endpoint[p]!] = p ^ 1;
    f.mate[f.endpoint[p ^ 1]!] = p;
  }
  f.blossomChilds[b] = [...childs.slice(i), ...childs.slice(0, i)];
  f.blossomEndps[b] = [...endps.slice(i), ...endps.slice(0, i)];
  f.blossomBase[b] = f.blossomBase[f.blossomChilds[b]![0]!]!;
}

/** Flips the augmenting path through edge k, from both of its ends back to the roots. */
export function augmentMatching(f: Forest, k: number): void {
  const starts: Array<[number, number]> = [
    [f.ei[k]!, 2 * k + 1],
    [f.ej[k]!, 2 * k],
  ];
  for (let [s, p] of starts) {
    for (;;) {
      const bs = f.inBlossom[s]!;
      if (bs >= f.n) augmentBlossom(f, bs, s);
      f.mate[s] = p;
      if (f.labelEnd[bs] === -1) break;
      const t = f.endpoint[f.labelEnd[bs]!]!;
      const bt = f.inBlossom[t]!;
      s = f.endpoint[f.labelEnd[bt]!]!;
      const j = f.endpoint[f.labelEnd[bt]! ^ 1]!;
      if (bt >= f.n) augmentBlossom(f, bt, j);
      f.mate[j] = f.labelEnd[bt]!;
      p = f.labelEnd[bt]! ^ 1;
    }
  }
}
