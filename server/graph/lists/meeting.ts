// The program site's lists for this feature; spread into programLists (../programLists.ts).
// NoteDrafts: what a person is still typing for a session (Key `sessionId|authorId`),
// only ever text the PHI guard passed (server/program/noteDrafts.ts).
import { dateTime, key, longText, text, type ListDefinition } from '../listColumns.js';

export const meetingLists = {
  NoteDrafts: {
    displayName: 'NoteDrafts',
    description: 'Unsaved shared-learning note drafts, one per person per session, PHI-guarded.',
    columns: [
      key,
      { name: 'SessionId', type: text(128), indexed: true },
      { name: 'AuthorId', type: text(64) },
      { name: 'DraftJson', type: longText },
      { name: 'SavedAt', type: dateTime },
    ],
  },
} satisfies Record<string, ListDefinition>;
