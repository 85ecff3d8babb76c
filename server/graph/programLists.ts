// The program site's lists and their typed columns. Bump `schemaVersion` and
// add columns here; provisioning adds what a tenant's lists are missing.
import {
  choice,
  dateTime,
  key,
  longText,
  number,
  text,
  type ColumnDefinition,
  type ListDefinition,
} from './listColumns.js';
import { enrollmentLists } from './lists/enrollment.js';
import { growthLists } from './lists/growth.js';
import { jobsLists } from './lists/jobs.js';
import { meetingLists } from './lists/meeting.js';
import { operationsLists } from './lists/operations.js';
import { sessionLoopLists } from './lists/sessionLoop.js';

export type { ColumnDefinition, ListDefinition } from './listColumns.js';

export const schemaVersion = 2;

export const programLists = {
  Participants: {
    displayName: 'Participants',
    description: 'People enrolled in the mentorship program.',
    columns: [
      key,
      { name: 'UserId', type: text(64), indexed: true },
      { name: 'DisplayName', type: text() },
      { name: 'Mail', type: text() },
      { name: 'Department', type: text(128), indexed: true },
      { name: 'CareerStage', type: choice('early', 'mid', 'seasoned') },
      { name: 'TimeZone', type: text(64) },
    ],
  },
  Pairs: {
    displayName: 'Pairs',
    description: 'Two people who each teach and each learn.',
    columns: [
      key,
      { name: 'MemberA', type: text(64), indexed: true },
      { name: 'MemberB', type: text(64), indexed: true },
      { name: 'MembersJson', type: longText },
      { name: 'Departments', type: text() },
      { name: 'Cadence', type: choice('weekly', 'biweekly', 'monthly') },
      { name: 'DurationMinutes', type: number },
      { name: 'Status', type: choice('active', 'paused', 'ended'), indexed: true },
      { name: 'StartedOn', type: dateTime },
      { name: 'EndedOn', type: dateTime },
    ],
  },
  Sessions: {
    displayName: 'Sessions',
    description: 'Mentorship sessions booked as Teams meetings.',
    columns: [
      key,
      { name: 'PairId', type: text(64), indexed: true },
      { name: 'Occurrence', type: text(32) },
      { name: 'EventId', type: longText },
      { name: 'ICalUId', type: text(255), indexed: true },
      { name: 'OrganizerId', type: text(64) },
      { name: 'Direction', type: choice('reverse', 'traditional', 'both') },
      { name: 'FocusAreas', type: text() },
      { name: 'Start', type: dateTime, indexed: true },
      { name: 'End', type: dateTime },
      { name: 'Status', type: choice('scheduled', 'held', 'cancelled', 'no-show') },
      { name: 'JoinUrl', type: longText },
      { name: 'AgendaJson', type: longText, since: 2 },
    ],
  },
  Touchpoints: {
    displayName: 'Touchpoints',
    description: 'Informal interactions between sessions.',
    columns: [
      key,
      { name: 'PairId', type: text(64), indexed: true },
      { name: 'LoggedBy', type: text(64) },
      { name: 'Kind', type: choice('project-collaboration', 'case-review', 'technology-troubleshooting', 'other') },
      { name: 'Date', type: dateTime, indexed: true },
      { name: 'Minutes', type: number },
      { name: 'FocusAreas', type: text() },
    ],
  },
  Notes: {
    displayName: 'Notes',
    description: 'Shared-learning notes: one per person per session.',
    columns: [
      key,
      { name: 'SessionId', type: text(128), indexed: true },
      { name: 'PairId', type: text(64), indexed: true },
      { name: 'AuthorId', type: text(64) },
      { name: 'Taught', type: longText },
      { name: 'Learned', type: longText },
      { name: 'ActionItemsJson', type: longText },
      { name: 'FocusAreas', type: text() },
      { name: 'CreatedAt', type: dateTime },
      { name: 'UpdatedAt', type: dateTime },
      { name: 'Version', type: number },
      { name: 'PhiConfirmationsJson', type: longText },
    ],
  },
  AgendaTemplates: {
    displayName: 'AgendaTemplates',
    description: 'Agenda templates the program owner edits.',
    columns: [key, { name: 'TemplatesJson', type: longText }],
  },
  ConversationReferences: {
    displayName: 'ConversationReferences',
    description: 'Where the bot may post.',
    columns: [key, { name: 'ReferenceJson', type: longText }],
  },
  ProgramMeta: {
    displayName: 'ProgramMeta',
    description: 'Schema version of these lists.',
    columns: [key, { name: 'Value', type: longText }],
  },
  ...operationsLists,
  ...sessionLoopLists,
  ...enrollmentLists,
  ...growthLists,
  ...jobsLists,
  ...meetingLists,
} satisfies Record<string, ListDefinition>;

export type ListName = keyof typeof programLists;

export interface ProgramSchema {
  version: number;
  lists: Record<ListName, ListDefinition>;
}

/** The lists as they stood at `version`: columns introduced later are left out (how an older deployment provisioned). */
export function programSchemaAt(version: number): ProgramSchema {
  const lists = Object.fromEntries(
    (Object.entries(programLists) as Array<[ListName, ListDefinition]>).map(([name, def]) => [
      name,
      { ...def, columns: def.columns.filter((c) => (c.since ?? 1) <= version) },
    ]),
  ) as Record<ListName, ListDefinition>;
  return { version, lists };
}

export const currentProgramSchema: ProgramSchema = { version: schemaVersion, lists: programLists };

/** Graph's columnDefinition for a column. */
export function columnDefinition(c: ColumnDefinition): Record<string, unknown> {
  return { name: c.name, ...c.type, indexed: Boolean(c.indexed || c.unique), enforceUniqueValues: Boolean(c.unique) };
}
