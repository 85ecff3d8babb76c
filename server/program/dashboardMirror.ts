// What dashboards aggregate (pairs, sessions, touchpoints), mirrored in this
// instance's memory and kept current with Graph's delta query: the first view
// reads each list once, every later view asks only what changed since (one
// $batch for the three lists). A cache per instance, safe to lose: a restart
// or a 410 from Graph starts over from a full read.
import type { Pair, Session, Touchpoint } from '../../src/core/schemas.js';
import type { ListChanges } from '../graph/listDelta.js';
import type { ListName } from '../graph/programLists.js';
import { toPair, toSession, toTouchpoint, withoutAgenda, type Fields } from '../graph/programRecords.js';
import type { ProgramStore } from '../graph/programStore.js';

/** The store's delta read: all the mirror needs. */
export type ChangeSource = Pick<ProgramStore, 'changes'>;

class ListMirror<T> {
  private readonly byId = new Map<string, T>();
  deltaLink: string | null = null;

  constructor(
    readonly list: ListName,
    private readonly toRecord: (fields: Fields) => T,
  ) {}

  apply(changes: ListChanges): void {
    if (changes.reset) this.byId.clear();
    for (const item of changes.changed) {
      try {
        this.byId.set(item.id, this.toRecord(item.fields));
      } catch {
        // An item another tool left half-written stays out of the figures rather than failing every view.
        this.byId.delete(item.id);
      }
    }
    for (const id of changes.removed) this.byId.delete(id);
    this.deltaLink = changes.deltaLink;
  }

  records(): T[] {
    return [...this.byId.values()];
  }
}

export interface DashboardData {
  pairs: Pair[];
  sessions: Session[];
  touchpoints: Touchpoint[];
}

export class DashboardMirror {
  private readonly pairs = new ListMirror('Pairs', toPair);
  private readonly sessions = new ListMirror('Sessions', (f) => withoutAgenda(toSession(f)));
  private readonly touchpoints = new ListMirror('Touchpoints', toTouchpoint);
  private round: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: ChangeSource) {}

  /** The lists as they stand now: one delta round (views arriving together wait for each other's, in turn). */
  async current(): Promise<DashboardData> {
    const mirrors = [this.pairs, this.sessions, this.touchpoints] as const;
    const sync = this.round.then(async () => {
      const changes = await this.store.changes(mirrors.map((m) => ({ list: m.list, deltaLink: m.deltaLink })));
      mirrors.forEach((m, i) => m.apply(changes[i]!));
    });
    this.round = sync.catch(() => undefined);
    await sync;
    return { pairs: this.pairs.records(), sessions: this.sessions.records(), touchpoints: this.touchpoints.records() };
  }
}

const mirrors = new WeakMap<ChangeSource, DashboardMirror>();

/** This instance's mirror of the program store's lists (one per store). */
export function dashboardMirrorFor(store: ChangeSource): DashboardMirror {
  let mirror = mirrors.get(store);
  if (!mirror) mirrors.set(store, (mirror = new DashboardMirror(store)));
  return mirror;
}
