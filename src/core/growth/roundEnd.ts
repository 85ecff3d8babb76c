// When a pairing round ends, for the round-end self-assessment: a round with a
// cadence ends the day the next one falls due; a round without one ends when
// the last of its pairs ended. Until then (and before publishing) it has no end.
import type { Round } from '../enrollment/rounds.js';
import type { Pair } from '../schemas.js';

export type RoundEndPair = Pick<Pair, 'status' | 'endedOn'>;

/** The instant (ms) the round ended or will end, or null while it has none. */
export function roundEndsAt(
  round: Pick<Round, 'status' | 'nextRoundOn' | 'pairIds'>,
  pairs: ReadonlyMap<string, RoundEndPair>,
): number | null {
  if (round.status !== 'published') return null;
  if (round.nextRoundOn) {
    const at = Date.parse(`${round.nextRoundOn.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(at) ? null : at;
  }
  if (round.pairIds.length === 0) return null;
  let last = -Infinity;
  for (const id of round.pairIds) {
    const pair = pairs.get(id);
    // A pair no longer on record counts as ended; one still active keeps the round open.
    if (!pair) continue;
    if (pair.status !== 'ended' || !pair.endedOn) return null;
    last = Math.max(last, Date.parse(pair.endedOn));
  }
  return Number.isFinite(last) ? last : null;
}

/** The people of the round's pairs (each once), in pair order. */
export function roundParticipants(
  round: Pick<Round, 'pairIds'>,
  pairs: ReadonlyMap<string, Pick<Pair, 'members'>>,
): string[] {
  const ids = round.pairIds.flatMap((id) => pairs.get(id)?.members.map((m) => m.userId) ?? []);
  return [...new Set(ids)];
}
