// Which focus areas fit a session's direction. A focus area has a natural
// guide: the newer professional for reverse topics (technology, culture...),
// the experienced one for traditional topics (clinical, ethics...). The forms
// offer only the topics that fit the chosen direction, and the agenda builder
// gives every chosen topic a segment led by its natural guide, so no topic is
// dropped and no segment contradicts its guide.
import { reverseFocusAreas, traditionalFocusAreas, type Direction, type FocusArea } from '../schemas.js';

export type SegmentDirection = 'reverse' | 'traditional';

const reverseSet: ReadonlySet<FocusArea> = new Set(reverseFocusAreas);

/** Who naturally guides a focus area. */
export function naturalDirection(area: FocusArea): SegmentDirection {
  return reverseSet.has(area) ? 'reverse' : 'traditional';
}

/** The focus areas a form offers for a direction ("both": all, one topic each way). */
export function focusAreasFor(direction: Direction): readonly FocusArea[] {
  if (direction === 'reverse') return reverseFocusAreas;
  if (direction === 'traditional') return traditionalFocusAreas;
  return [...reverseFocusAreas, ...traditionalFocusAreas];
}

export type FocusAreaProblem =
  | { kind: 'none-chosen' }
  | { kind: 'does-not-fit'; areas: FocusArea[] }
  | { kind: 'missing-way'; missing: SegmentDirection };

/** Why a choice of focus areas does not fit the direction, or null when it does. */
export function focusAreaProblem(direction: Direction, areas: readonly FocusArea[]): FocusAreaProblem | null {
  if (areas.length === 0) return { kind: 'none-chosen' };
  if (direction !== 'both') {
    const misfits = areas.filter((a) => naturalDirection(a) !== direction);
    return misfits.length ? { kind: 'does-not-fit', areas: misfits } : null;
  }
  for (const way of ['reverse', 'traditional'] as const)
    if (!areas.some((a) => naturalDirection(a) === way)) return { kind: 'missing-way', missing: way };
  return null;
}

/** Keeps the chosen areas that fit a newly chosen direction (the form calls this when the direction changes). */
export function areasFittingDirection(direction: Direction, areas: readonly FocusArea[]): FocusArea[] {
  const offered = new Set(focusAreasFor(direction));
  return areas.filter((a) => offered.has(a));
}

/**
 * The agenda's segments: one per requested way, plus one for any chosen topic
 * whose natural guide is the other person (kept, never dropped), each with
 * the topics that person naturally guides.
 */
export function segmentPlan(
  direction: Direction,
  areas: readonly FocusArea[],
): Array<{ direction: SegmentDirection; areas: FocusArea[] }> {
  const requested: SegmentDirection[] = direction === 'both' ? ['reverse', 'traditional'] : [direction];
  const extra = (['reverse', 'traditional'] as const).filter(
    (way) => !requested.includes(way) && areas.some((a) => naturalDirection(a) === way),
  );
  const ways = [...requested, ...extra];
  return ways.map((way) => ({ direction: way, areas: areas.filter((a) => naturalDirection(a) === way) }));
}
