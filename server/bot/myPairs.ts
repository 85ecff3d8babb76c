// The caller's active pairs and the sessions the bot points at: the next one
// scheduled (search), or the one nearest now (where a message action lands).
import type { Pair, Session } from '../../src/core/schemas.js';
import type { ProgramStore } from '../graph/programStore.js';

export type PairReader = Pick<ProgramStore, 'pairsOf' | 'sessionsOfPair'>;

export async function activePairsOf(store: Pick<ProgramStore, 'pairsOf'>, viewer: string): Promise<Pair[]> {
  return (await store.pairsOf(viewer)).filter((p) => p.status === 'active');
}

/** The first scheduled session starting at or after `nowIso` (sessions come earliest first). */
export const nextScheduled = <S extends Session>(sessions: readonly S[], nowIso: string): S | undefined =>
  sessions.find((s) => s.status === 'scheduled' && s.start >= nowIso);

/** Of each active pair's next session (else its latest not cancelled), the one nearest `now`. */
export async function nearestSessionOf(
  store: PairReader,
  viewer: string,
  now: number,
): Promise<{ pair: Pair; session: Session } | null> {
  const nowIso = new Date(now).toISOString();
  const found: Array<{ pair: Pair; session: Session }> = [];
  for (const pair of await activePairsOf(store, viewer)) {
    const sessions = await store.sessionsOfPair(pair.id);
    const upcoming = nextScheduled(sessions, nowIso) ?? sessions.filter((s) => s.status !== 'cancelled').at(-1);
    if (upcoming) found.push({ pair, session: upcoming });
  }
  const distance = (s: Session) => Math.abs(Date.parse(s.start) - now);
  return found.sort((a, b) => distance(a.session) - distance(b.session))[0] ?? null;
}
