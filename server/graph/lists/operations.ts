// The program site's lists for this feature; spread into programLists (../programLists.ts).
// The outbox of proactive messages, the scheduler's clock and who muted what.
import { choice, dateTime, key, longText, number, text, type ListDefinition } from '../listColumns.js';

/** Where an outbox message stands. `sending` is written before the send, so a crash mid-send is never resent. */
export const outboxStates = ['queued', 'sending', 'sent', 'expired', 'muted', 'unconfirmed'] as const;
export type OutboxState = (typeof outboxStates)[number];

export const operationsLists = {
  Outbox: {
    displayName: 'Outbox',
    description: 'Proactive messages due from the bot, one per kind, subject and recipient.',
    columns: [
      key,
      { name: 'Kind', type: text(32) },
      { name: 'Subject', type: text(255) },
      { name: 'Recipient', type: text(255), indexed: true },
      // Filtered on by every tick (State first: it narrows below SharePoint's list view threshold).
      { name: 'State', type: choice(...outboxStates), indexed: true },
      { name: 'DueAt', type: dateTime },
      { name: 'NotBefore', type: dateTime, indexed: true },
      { name: 'ExpiresAt', type: dateTime },
      { name: 'CardJson', type: longText },
      { name: 'LeaseOwner', type: text(128) },
      { name: 'LeaseUntil', type: dateTime },
      { name: 'Attempts', type: number },
      { name: 'SentAt', type: dateTime },
      { name: 'ActivityId', type: text(255) },
      { name: 'Problem', type: longText },
    ],
  },
  SchedulerState: {
    displayName: 'SchedulerState',
    description: "The scheduler's last tick and the problems it reported (shared by every app instance).",
    columns: [key, { name: 'Value', type: longText }],
  },
  Mutes: {
    displayName: 'Mutes',
    description: 'The kinds of proactive message each person has muted.',
    columns: [key, { name: 'UserId', type: text(64), indexed: true }, { name: 'KindsJson', type: longText }],
  },
} satisfies Record<string, ListDefinition>;
