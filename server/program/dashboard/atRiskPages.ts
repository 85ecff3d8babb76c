// The owner's at-risk pairs a page at a time. A dashboard names only the first
// page (at organization scale a department has hundreds of at-risk pairs and
// the program thousands: nobody reads them all on one screen, and naming them
// all made the owner's answer a megabyte on every view); the at-risk route
// pages on from an opaque cursor. The cursor is the position of the last pair
// shown, not an offset, so a pair leaving the list between two pages (it met
// again) neither hides nor repeats another.
import { z } from 'zod';
import { errorCodes } from '../../../src/core/api.js';
import { compareAtRisk as compare, type AtRiskPair, type AtRiskPosition } from '../../../src/core/dashboard/index.js';
import { ApiProblem } from '../problem.js';

const encode = (p: AtRiskPosition): string => Buffer.from(JSON.stringify([p.lastHeld, p.pairId])).toString('base64url');

const CursorText = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/);
const CursorPosition = z.tuple([z.iso.datetime().nullable(), z.string().min(1).max(255)]);

function decode(cursor: string): AtRiskPosition {
  const text = CursorText.safeParse(cursor);
  let position: unknown;
  try {
    position = text.success ? JSON.parse(Buffer.from(text.data, 'base64url').toString('utf8')) : undefined;
  } catch {
    position = undefined;
  }
  const parsed = CursorPosition.safeParse(position);
  if (!parsed.success)
    throw new ApiProblem(
      errorCodes.invalidRequest,
      'query.cursor: not a cursor a dashboard gave; start from the first page',
      {
        field: 'query.cursor',
      },
    );
  return { lastHeld: parsed.data[0], pairId: parsed.data[1] };
}

/** The index of the first pair placed after `after` (binary search). */
function startAfter(ordered: readonly AtRiskPair[], after: AtRiskPosition): number {
  let start = 0;
  let end = ordered.length;
  while (start < end) {
    const mid = (start + end) >> 1;
    if (compare(ordered[mid]!, after) <= 0) start = mid + 1;
    else end = mid;
  }
  return start;
}

/**
 * The page after `cursor` (the first page without one) of several lists each in `compareAtRisk`'s order (as the figures list them), merged:
 * a pair in two lists (its two people's departments) is listed once. Costs a page, not the lists' length.
 */
export function atRiskPage(
  lists: ReadonlyArray<readonly AtRiskPair[]>,
  cursor: string | undefined,
  size: number,
): { pairs: AtRiskPair[]; next: string | null } {
  const after = cursor === undefined ? null : decode(cursor);
  const at = lists.map((list) => (after ? startAfter(list, after) : 0));
  const pairs: AtRiskPair[] = [];
  for (;;) {
    let least = -1;
    for (let i = 0; i < lists.length; i++)
      if (at[i]! < lists[i]!.length && (least < 0 || compare(lists[i]![at[i]!]!, lists[least]![at[least]!]!) < 0))
        least = i;
    if (least < 0) return { pairs, next: null };
    const pair = lists[least]![at[least]!++]!;
    // The same pair in another list has the same position: it comes right after itself.
    if (pairs.at(-1)?.pairId === pair.pairId) continue;
    if (pairs.length === size) return { pairs, next: encode(pairs.at(-1)!) };
    pairs.push(pair);
  }
}
