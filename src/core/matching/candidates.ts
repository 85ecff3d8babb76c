// Every feasible pair of a round with its score, and the few best partners of each person
// (the sparse graph the matching is first solved on).
import { circumstanceBlocker, stagesFit, type Round } from './feasibility.js';
import { pairScore } from './score.js';

export interface CandidateGraph {
  /** Feasible pairs: a < b (indexes in id order), in order. */
  a: Int32Array;
  b: Int32Array;
  score: Int32Array;
  count: number;
  /** Feasible partners per person. */
  degree: Int32Array;
  /** Per pair, whether it is among the best `partnersPerPerson` of either person. */
  shortlisted: Uint8Array;
}

/** Per person, the best few pairs so far, best first (an earlier pair wins a tie). */
class Shortlists {
  private readonly edge: Int32Array;
  private readonly score: Int32Array;
  private readonly size: Int32Array;

  constructor(
    people: number,
    private readonly k: number,
  ) {
    this.edge = new Int32Array(people * k);
    this.score = new Int32Array(people * k);
    this.size = new Int32Array(people);
  }

  offer(person: number, edge: number, score: number): void {
    const { k } = this;
    const base = person * k;
    let at = this.size[person]!;
    if (at === k) {
      if (score <= this.score[base + k - 1]!) return;
      at = k - 1;
    } else {
      this.size[person] = at + 1;
    }
    while (at > 0 && this.score[base + at - 1]! < score) {
      this.edge[base + at] = this.edge[base + at - 1]!;
      this.score[base + at] = this.score[base + at - 1]!;
      at--;
    }
    this.edge[base + at] = edge;
    this.score[base + at] = score;
  }

  mark(into: Uint8Array): void {
    for (let p = 0; p < this.size.length; p++) {
      for (let s = 0; s < this.size[p]!; s++) into[this.edge[p * this.k + s]!] = 1;
    }
  }
}

/** Each person's kind of profile (career stage and focus areas), and which kinds may pair: the stage and exchange rules, decided once per kind. */
function profileKinds(round: Round): { kind: Int32Array; kinds: number; fits: Uint8Array } {
  const keys = new Map<number, number>();
  const stage: number[] = [];
  const teaches: number[] = [];
  const wants: number[] = [];
  const kind = Int32Array.from(round.people, (_, i) => {
    const key = (round.stage[i]! << 16) | (round.teaches[i]! << 8) | round.wants[i]!;
    let k = keys.get(key);
    if (k === undefined) {
      keys.set(key, (k = keys.size));
      stage.push(round.stage[i]!);
      teaches.push(round.teaches[i]!);
      wants.push(round.wants[i]!);
    }
    return k;
  });
  const kinds = keys.size;
  const fits = new Uint8Array(kinds * kinds);
  for (let x = 0; x < kinds; x++)
    for (let y = 0; y < kinds; y++)
      fits[x * kinds + y] =
        stagesFit(stage[x]!, stage[y]!) && teaches[x]! & wants[y]! && teaches[y]! & wants[x]! ? 1 : 0;
  return { kind, kinds, fits };
}

/** All feasible pairs (i < j), in order: a kind-to-kind table settles the profile rules, so only circumstances are checked per pair. */
function feasiblePairs(round: Round): { a: Int32Array; b: Int32Array } {
  const n = round.people.length;
  const { kind, kinds, fits } = profileKinds(round);
  const available = Uint8Array.from(round.people, (p) => (p.maxPairs > 0 ? 1 : 0));
  let a = new Int32Array(1024);
  let b = new Int32Array(1024);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!available[i]) continue;
    const row = kind[i]! * kinds;
    for (let j = i + 1; j < n; j++) {
      if (!available[j] || !fits[row + kind[j]!] || circumstanceBlocker(round, i, j) !== null) continue;
      if (count === a.length) {
        a = grow(a);
        b = grow(b);
      }
      a[count] = i;
      b[count++] = j;
    }
  }
  return { a: a.subarray(0, count), b: b.subarray(0, count) };
}

function grow(xs: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(xs.length * 2);
  bigger.set(xs);
  return bigger;
}

export function candidateGraph(round: Round, partnersPerPerson: number): CandidateGraph {
  const { a, b } = feasiblePairs(round);
  const count = a.length;
  const score = new Int32Array(count);
  const degree = new Int32Array(round.people.length);
  const shortlists = new Shortlists(round.people.length, partnersPerPerson);
  for (let e = 0; e < count; e++) {
    const i = a[e]!;
    const j = b[e]!;
    const s = (score[e] = pairScore(round, i, j));
    degree[i]!++;
    degree[j]!++;
    shortlists.offer(i, e, s);
    shortlists.offer(j, e, s);
  }
  const shortlisted = new Uint8Array(count);
  shortlists.mark(shortlisted);
  return { a, b, score, count, degree, shortlisted };
}
