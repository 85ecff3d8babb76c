// Runs the PHI guard over every free-text field of a note draft and says
// which flagged spans the author has neither edited away nor confirmed.
import type { NoteInput } from '../../../core/api.js';
import { scanForPhi, unconfirmedFindings, type PhiFinding } from '../../../core/notes/phi.js';

export type NoteField = 'taught' | 'learned' | `actionItem:${string}`;

export interface FieldFinding {
  field: NoteField;
  finding: PhiFinding;
  confirmed: boolean;
}

export function noteFieldTexts(note: NoteInput): { field: NoteField; text: string }[] {
  return [
    { field: 'taught', text: note.taught },
    { field: 'learned', text: note.learned },
    ...note.actionItems.map((item) => ({ field: `actionItem:${item.id}` as NoteField, text: item.text })),
  ];
}

export function reviewNote(note: NoteInput): FieldFinding[] {
  return noteFieldTexts(note).flatMap(({ field, text }) => {
    const open = unconfirmedFindings(text, note.phiConfirmations);
    return scanForPhi(text).map((finding) => ({
      field,
      finding,
      confirmed: !open.some((o) => o.start === finding.start && o.end === finding.end),
    }));
  });
}

/** Keeps only confirmations that still match text in the note, so a stale one never hides a new finding elsewhere. */
export function liveConfirmations(note: NoteInput): NoteInput['phiConfirmations'] {
  const flagged = reviewNote(note).map((f) => f.finding);
  return note.phiConfirmations.filter((c) => flagged.some((f) => f.kind === c.kind && f.text === c.text));
}
