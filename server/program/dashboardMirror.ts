// What dashboards aggregate (pairs, sessions, touchpoints), mirrored in this
// instance's memory and kept current with Graph's delta query: the first view
// reads each list once, every later view asks only what changed since (one
// $batch for the three lists). A cache per instance, safe to lose: a restart
// or a 410 from Graph starts over from a full read.
// The mirror keeps each pair's sessions and touchpoints together and counts
// its versions, naming the pairs each round touched, so figures computed
// earlier are computed again only for those pairs (./dashboardFigures.ts).
import type { Pair, Session, Touchpoint } from '../../src/core/schemas.js';
import type { ListChanges } from '../graph/listDelta.js';
import type { ListName } from '../graph/programLists.js';
import { toPair, toSession, toTouchpoint, withoutAgenda, type Fields } from '../graph/programRecords.js';
import type { ProgramStore } from '../graph/programStore.js';

/** The store's delta read: all the mirror needs. */
export type ChangeSource = Pick<ProgramStore, 'changes'>;

/** Records by item id, and each pair's records by item id. */
class ListMirror<T> {
  private readonly byId = new Map<string, T>();
  readonly byPair = new Map<string, Map<string, T>>();
  deltaLink: string | null = null;

  constructor(
    readonly list: ListName,
    private readonly toRecord: (fields: Fields) => T,
    private readonly pairOf: (record: T) => string,
  ) {}

  /** Applies one round's changes; adds the pairs they touch to `touched`. */
  apply(changes: ListChanges, touched: Set<string>): void {
    if (changes.reset) {
      for (const pairId of this.byPair.keys()) touched.add(pairId);
      this.byId.clear();
      this.byPair.clear();
    }
    for (const item of changes.changed) {
      let record: T | undefined;
      try {
        record = this.toRecord(item.fields);
      } catch {
        // An item another tool left half-written stays out of the figures rather than failing every view.
      }
      this.put(item.id, record, touched);
    }
    for (const id of changes.removed) this.put(id, undefined, touched);
    this.deltaLink = changes.deltaLink;
  }

  records(): Iterable<T> {
    return this.byId.values();
  }

  private put(id: string, record: T | undefined, touched: Set<string>): void {
    const old = this.byId.get(id);
    if (old !== undefined) {
      const pairId = this.pairOf(old);
      touched.add(pairId);
      const group = this.byPair.get(pairId);
      group?.delete(id);
      if (group?.size === 0) this.byPair.delete(pairId);
      this.byId.delete(id);
    }
    if (record === undefined) return;
    const pairId = this.pairOf(record);
    touched.add(pairId);
    this.byId.set(id, record);
    let group = this.byPair.get(pairId);
    if (!group) this.byPair.set(pairId, (group = new Map()));
    group.set(id, record);
  }
}

/** The rounds kept to name what changed since an earlier version; a reader further behind starts over. */
const keptRounds = 64;

export class DashboardMirror {
  private readonly pairs = new ListMirror('Pairs', toPair, (p) => p.id);
  private readonly sessions = new ListMirror(
    'Sessions',
    (f) => withoutAgenda(toSession(f)),
    (s) => s.pairId,
  );
  private readonly touchpoints = new ListMirror('Touchpoints', toTouchpoint, (t) => t.pairId);
  private round: Promise<unknown> = Promise.resolve();
  /** Counts the rounds that changed something. */
  version = 0;
  private readonly log: Array<{ version: number; touched: Set<string> }> = [];

  constructor(private readonly store: ChangeSource) {}

  /** Brings the mirror up to date: one delta round (views arriving together wait for each other's, in turn). */
  async current(): Promise<this> {
    const mirrors = [this.pairs, this.sessions, this.touchpoints] as const;
    const sync = this.round.then(async () => {
      const changes = await this.store.changes(mirrors.map((m) => ({ list: m.list, deltaLink: m.deltaLink })));
      const touched = new Set<string>();
      mirrors.forEach((m, i) => m.apply(changes[i]!, touched));
      const reset = changes.some((c) => c.reset);
      if (touched.size === 0 && !reset) return;
      this.version++;
      // A reset names every pair, before and after: readers start over.
      if (reset) this.log.length = 0;
      else this.log.push({ version: this.version, touched });
      if (this.log.length > keptRounds) this.log.shift();
    });
    this.round = sync.catch(() => undefined);
    await sync;
    return this;
  }

  /** The pairs whose records changed after `version`, or null when that is no longer known (read them all). */
  touchedSince(version: number): Set<string> | null {
    const known = this.log.length > 0 ? this.log[0]!.version - 1 : this.version;
    if (version < known || version > this.version) return null;
    const touched = new Set<string>();
    for (const round of this.log) if (round.version > version) for (const p of round.touched) touched.add(p);
    return touched;
  }

  pair(id: string): Pair | undefined {
    return this.pairs.byPair.get(id)?.values().next().value;
  }

  allPairs(): Iterable<Pair> {
    return this.pairs.records();
  }

  sessionsOf(pairId: string): Iterable<Session> {
    return this.sessions.byPair.get(pairId)?.values() ?? [];
  }

  touchpointsOf(pairId: string): Iterable<Touchpoint> {
    return this.touchpoints.byPair.get(pairId)?.values() ?? [];
  }
}

const mirrors = new WeakMap<ChangeSource, DashboardMirror>();

/** This instance's mirror of the program store's lists (one per store). */
export function dashboardMirrorFor(store: ChangeSource): DashboardMirror {
  let mirror = mirrors.get(store);
  if (!mirror) mirrors.set(store, (mirror = new DashboardMirror(store)));
  return mirror;
}
