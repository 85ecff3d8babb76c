// The program site's lists for enrollment and pairing rounds; spread into programLists (../programLists.ts).
// Filtered columns (UserId, Status, Department, PairId) are indexed: the list view threshold (5,000) applies
// to unindexed filters (https://learn.microsoft.com/graph/api/listitem-list).
import { boolean, choice, dateTime, key, longText, number, text, type ListDefinition } from '../listColumns.js';

export const enrollmentLists = {
  Profiles: {
    displayName: 'Profiles',
    description: 'Who takes part in pairing rounds: what each can teach and wants to learn, and how they like to meet.',
    columns: [
      key,
      { name: 'UserId', type: text(64), indexed: true },
      { name: 'DisplayName', type: text() },
      { name: 'Mail', type: text() },
      { name: 'Department', type: text(128), indexed: true },
      { name: 'CareerStage', type: choice('early', 'mid', 'seasoned') },
      { name: 'Status', type: choice('invited', 'active', 'paused'), indexed: true },
      { name: 'CanTeachJson', type: longText },
      { name: 'WantsToLearnJson', type: longText },
      { name: 'Cadence', type: choice('weekly', 'biweekly', 'monthly') },
      { name: 'DurationMinutes', type: number },
      { name: 'Languages', type: text() },
      { name: 'CrossDepartment', type: boolean },
      { name: 'MaxPairs', type: number },
      { name: 'ManagerId', type: text(64) },
      { name: 'WorkingHoursJson', type: longText },
      { name: 'UpdatedAt', type: dateTime },
    ],
  },
  Rounds: {
    displayName: 'Rounds',
    description: 'Pairing rounds: who was in each, the rules, the proposal the owner edited, and what was published.',
    columns: [
      key,
      { name: 'Status', type: choice('proposed', 'publishing', 'published'), indexed: true },
      { name: 'Cadence', type: choice('none', 'monthly', 'quarterly') },
      { name: 'CreatedAt', type: dateTime },
      { name: 'PublishedAt', type: dateTime },
      { name: 'NextRoundOn', type: text(10) },
      { name: 'RoundJson', type: longText },
    ],
  },
  PairChangeRequests: {
    displayName: 'PairChangeRequests',
    description: 'People asking the program owner for a different pair.',
    columns: [
      key,
      { name: 'PairId', type: text(64), indexed: true },
      { name: 'RequestedBy', type: text(64), indexed: true },
      { name: 'Reason', type: longText },
      { name: 'RequestedAt', type: dateTime },
    ],
  },
} satisfies Record<string, ListDefinition>;
