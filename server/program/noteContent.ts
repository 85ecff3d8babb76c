// What of a note the server stores, checked on the server whatever the client
// did: every free-text field through the PHI guard (taught, learned, each
// action item's text), each action item's id against its grammar (an id is
// never free text), and the author's confirmations only for text the note
// actually holds, so a confirmation never smuggles in text nobody scanned.
import { errorCodes } from '../../src/core/api.js';
import { ActionItemId } from '../../src/core/ids.js';
import { scanForPhi, type PhiConfirmation } from '../../src/core/notes/phi.js';
import { liveConfirmations, openFindings, reviewNote, type NoteDraft } from '../../src/core/notes/review.js';
import { ApiProblem } from './problem.js';

/** A finding the body of a 422 names: the field path, what it looks like, and where. */
interface NamedFinding {
  field: string;
  kind: string;
  start: number;
  end: number;
  text: string;
}

/** 422 when any finding is still open: the body names each one by field and span. */
export function refuseFindings(findings: readonly NamedFinding[]): void {
  if (findings.length > 0)
    throw new ApiProblem(
      errorCodes.phiUnconfirmed,
      'this note looks like it holds patient identifiers: edit them out or confirm each one',
      {
        details: { findings: findings.map(({ field, kind, start, end, text }) => ({ field, kind, start, end, text })) },
      },
    );
}

const findingsIn = (field: string, text: string): NamedFinding[] =>
  scanForPhi(text).map((f) => ({ field, kind: f.kind, start: f.start, end: f.end, text: f.text }));

/**
 * Ids we did not mint are refused: 422 when one looks like it carries a
 * patient identifier (it cannot be confirmed: an id is no place for one), 400
 * naming the field otherwise. Ids that match the grammar are not scanned: a
 * UUID's leading eight digits look like a record number to the guard about
 * one time in forty.
 */
function requireActionItemIds(items: NoteDraft['actionItems']): void {
  const bad = items.flatMap((item, i) => (ActionItemId.safeParse(item.id).success ? [] : [i]));
  if (bad.length === 0) return;
  refuseFindings(bad.flatMap((i) => findingsIn(`actionItems.${i}.id`, items[i]!.id)));
  const field = `body.actionItems.${bad[0]}.id`;
  throw new ApiProblem(errorCodes.invalidRequest, `${field}: not an action item id`, { field });
}

/**
 * The confirmations to store: only those matching a finding in the note. One
 * that matches nothing is dropped when its text is harmless and refused (422)
 * when the guard flags its own text, since it would be stored unscanned.
 */
function storableConfirmations(note: NoteDraft, review: ReturnType<typeof reviewNote>): PhiConfirmation[] {
  const live = liveConfirmations(note, review);
  refuseFindings(
    note.phiConfirmations.flatMap((c, i) => (live.includes(c) ? [] : findingsIn(`phiConfirmations.${i}.text`, c.text))),
  );
  const unique = new Map(live.map((c) => [`${c.kind}\u0000${c.text}`, { kind: c.kind, text: c.text }]));
  return [...unique.values()];
}

/** The note's texts scanned, its ids and confirmations checked; answers the confirmations to store. */
export function requireStorableNote(note: NoteDraft): PhiConfirmation[] {
  requireActionItemIds(note.actionItems);
  const review = reviewNote(note);
  refuseFindings(openFindings(review));
  return storableConfirmations(note, review);
}
