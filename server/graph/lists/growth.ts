// The program site's lists for this feature; spread into programLists (../programLists.ts).
// Agreements: one item per person who accepted (key `<pairId>~<userId>`), so
// two acceptances never race over one item. Goals and self-assessments belong
// to one person each; self-assessments are read back only by that person and
// by the outcome aggregation (server/program/growth/outcomes.ts).
import { choice, dateTime, key, longText, text, type ListDefinition } from '../listColumns.js';

export const growthLists = {
  AgreementTemplates: {
    displayName: 'AgreementTemplates',
    description: 'The mentoring agreement the program owner edits.',
    columns: [key, { name: 'TemplateJson', type: longText }, { name: 'UpdatedAt', type: dateTime }],
  },
  Agreements: {
    displayName: 'Agreements',
    description: 'Who accepted their pair agreement, and when.',
    columns: [
      key,
      { name: 'PairId', type: text(64), indexed: true },
      { name: 'PersonId', type: text(64), indexed: true },
      { name: 'AcceptedAt', type: dateTime },
    ],
  },
  Goals: {
    displayName: 'Goals',
    description: 'What each person wants to learn and will teach, with progress.',
    columns: [
      key,
      { name: 'PersonId', type: text(64), indexed: true },
      { name: 'Kind', type: choice('learn', 'teach') },
      { name: 'FocusArea', type: text(64) },
      { name: 'GoalTitle', type: text(255) },
      { name: 'Progress', type: choice('not-started', 'under-way', 'achieved') },
      { name: 'UpdatesJson', type: longText },
      { name: 'CreatedAt', type: dateTime },
      { name: 'UpdatedAt', type: dateTime },
    ],
  },
  SelfAssessments: {
    displayName: 'SelfAssessments',
    description: 'Self-rated confidence per focus area (1-5); private to the person.',
    columns: [
      key,
      { name: 'PersonId', type: text(64), indexed: true },
      { name: 'TakenAt', type: dateTime, indexed: true },
      { name: 'Occasion', type: choice('enrollment', 'round-end', 'on-demand') },
      { name: 'RatingsJson', type: longText },
    ],
  },
} satisfies Record<string, ListDefinition>;
