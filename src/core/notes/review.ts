// One note model for every surface: a note's free-text fields under one
// naming scheme (the request body's own paths, as a 400 names them), each
// scanned by the PHI guard once, with the author's confirmations applied.
// The tab, the task pane, the REST API and the bot all review notes here.
import { scanForPhi, type PhiConfirmation, type PhiFinding } from './phi.js';

/** `taught`, `learned`, or `actionItems.<index>.text`: the path of the field in a note body. */
export type NoteField = 'taught' | 'learned' | `actionItems.${number}.text`;

/** What a note needs to be reviewed: its texts and the spans its author confirmed. */
export interface NoteDraft {
  taught: string;
  learned: string;
  actionItems: readonly { id: string; text: string }[];
  phiConfirmations: readonly PhiConfirmation[];
}

export interface NoteFieldText {
  field: NoteField;
  text: string;
  /** The action item's id, for fields of an action item. */
  actionItemId?: string;
}

export interface FieldFinding extends PhiFinding {
  field: NoteField;
  /** The author confirmed this span is not a patient identifier. */
  confirmed: boolean;
}

export const actionItemField = (index: number): NoteField => `actionItems.${index}.text`;

export function noteFieldTexts(note: Omit<NoteDraft, 'phiConfirmations'>): NoteFieldText[] {
  return [
    { field: 'taught', text: note.taught },
    { field: 'learned', text: note.learned },
    ...note.actionItems.map((item, i) => ({ field: actionItemField(i), text: item.text, actionItemId: item.id })),
  ];
}

const isConfirmed = (finding: PhiFinding, confirmations: readonly PhiConfirmation[]) =>
  confirmations.some((c) => c.kind === finding.kind && c.text === finding.text);

/** Every PHI finding in one text (scanned once), each marked confirmed or not. */
export function reviewText(field: NoteField, text: string, confirmations: readonly PhiConfirmation[]): FieldFinding[] {
  return scanForPhi(text).map((finding) => ({ ...finding, field, confirmed: isConfirmed(finding, confirmations) }));
}

/** Every PHI finding in every field of a note, each field scanned once. */
export function reviewNote(note: NoteDraft): FieldFinding[] {
  return noteFieldTexts(note).flatMap(({ field, text }) => reviewText(field, text, note.phiConfirmations));
}

/** The findings a save must wait for: neither edited away nor confirmed. */
export const openFindings = (review: readonly FieldFinding[]): FieldFinding[] => review.filter((f) => !f.confirmed);

/** Keeps only confirmations that still match flagged text, so a stale one never hides a new finding elsewhere. */
export function liveConfirmations(
  note: NoteDraft,
  review: readonly FieldFinding[] = reviewNote(note),
): PhiConfirmation[] {
  return note.phiConfirmations.filter((c) => review.some((f) => f.kind === c.kind && f.text === c.text));
}
