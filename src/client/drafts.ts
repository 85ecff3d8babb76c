// Unsent note drafts, kept in localStorage per user and session until the
// server confirms a save, so a reload, a crash or a failed save loses nothing.
import { z } from 'zod';
import { NoteInput } from '../core/api.js';

// A draft may hold what the server would still refuse (an empty action item
// being typed), so its items are checked for shape only.
const DraftNote = NoteInput.extend({
  actionItems: z.array(z.object({ id: z.string(), text: z.string(), done: z.boolean() })),
});

const Draft = z.object({
  note: DraftNote,
  /** The server version the draft was based on (null: no note existed). */
  baseEtag: z.string().nullable(),
  savedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export function draftKey(userId: string, sessionId: string): string {
  return `reciprocal.draft.${userId}.${sessionId}`;
}

export class DraftStore {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  load(userId: string, sessionId: string): Draft | null {
    const raw = this.storage.getItem(draftKey(userId, sessionId));
    if (!raw) return null;
    try {
      const parsed = Draft.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  save(userId: string, sessionId: string, note: NoteInput, baseEtag: string | null): void {
    const draft: Draft = { note, baseEtag, savedAt: this.now().toISOString() };
    try {
      this.storage.setItem(draftKey(userId, sessionId), JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the editor still holds the text; nothing else to do.
    }
  }

  /** Only after the server confirmed the save. */
  discard(userId: string, sessionId: string): void {
    this.storage.removeItem(draftKey(userId, sessionId));
  }
}
