// A note draft: what a person is still typing for a session, kept so that a
// closed and reopened meeting side panel (or another device) finds it. A draft
// may hold what a save would still refuse (an action item being typed, so an
// empty text), but never more than a note may hold.
import { z } from 'zod';
import { NoteInput } from '../api.js';
import { ActionItem, noteLimits } from '../schemas.js';

export const DraftNote = NoteInput.extend({
  actionItems: z
    .array(ActionItem.extend({ text: z.string().max(noteLimits.actionItemChars) }))
    .max(noteLimits.actionItems),
});
export type DraftNote = z.infer<typeof DraftNote>;

/** PUT /api/sessions/:id/notes/me/draft: the draft and the note version it was based on. */
export const NoteDraftInput = z.object({
  note: DraftNote,
  /** The saved note's eTag the draft started from (null: no note existed). */
  baseEtag: z.string().max(256).nullable(),
});
export type NoteDraftInput = z.infer<typeof NoteDraftInput>;

/** A draft as kept: with when it was written, so the newest of the device's and the tenant's wins. */
export const KeptNoteDraft = NoteDraftInput.extend({ savedAt: z.iso.datetime({ offset: true }) });
export type KeptNoteDraft = z.infer<typeof KeptNoteDraft>;

/** GET (and PUT) answer: the caller's draft for the session, if one is kept. */
export const KeptNoteDraftAnswer = z.object({ draft: KeptNoteDraft.nullable() });
