// The program site's lists for the session loop; spread into programLists (../programLists.ts).
// SessionFeedback: one answer per person per session (Key `sessionId|personId`).
// PairEvents: what happened to a pair that its people and the owner are told
// about (a partner left, the pair ended), one item per pair and kind.
import { choice, dateTime, key, number, text, type ListDefinition } from '../listColumns.js';

export const sessionLoopLists = {
  SessionFeedback: {
    displayName: 'SessionFeedback',
    description: 'After a session: did it happen, how useful it was, one line learned (one per person per session).',
    columns: [
      key,
      { name: 'SessionId', type: text(128), indexed: true },
      { name: 'PairId', type: text(64), indexed: true },
      { name: 'PersonId', type: text(64) },
      { name: 'Outcome', type: choice('held', 'no-show', 'moved'), indexed: true },
      { name: 'Usefulness', type: number },
      { name: 'Learned', type: text(280) },
      { name: 'When', type: dateTime, indexed: true },
    ],
  },
  PairEvents: {
    displayName: 'PairEvents',
    description: 'A partner left or a pair ended: what the people and the program owner are told about.',
    columns: [
      key,
      { name: 'PairId', type: text(64), indexed: true },
      { name: 'Kind', type: choice('partner-left', 'pair-ended'), indexed: true },
      { name: 'PersonId', type: text(64) },
      { name: 'When', type: dateTime, indexed: true },
      { name: 'Cancelled', type: number },
    ],
  },
} satisfies Record<string, ListDefinition>;
