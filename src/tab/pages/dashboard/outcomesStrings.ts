// The strings of the outcomes section of the dashboard page.
import type { StageGroup } from '../../../core/growth/outcomes.js';

export const outcomesStrings = {
  heading: 'Outcomes: two-way learning',
  explain:
    'Change in self-rated confidence (1 to 5) from each person’s first to latest self-assessment, averaged per career stage. People with one self-assessment are not counted; groups under 5 people are hidden.',
  program: 'Whole program',
  chartTitle: 'Change in confidence by focus area and career stage',
  focusArea: 'Focus area',
  stages: { early: 'Early career', mid: 'Mid career', seasoned: 'Seasoned', all: 'Everyone' } satisfies Record<
    StageGroup,
    string
  >,
  figures: 'Outcome figures',
  people: 'People enrolled',
  assessedTwice: 'Assessed twice or more',
  goalsSet: 'Goals set',
  goalsAchieved: 'Goals achieved',
  usefulness: 'Usefulness of sessions (1-5)',
  usefulnessRatings: 'Usefulness ratings',
  noUsefulness: 'No usefulness ratings yet.',
  downloadCsv: 'Download outcomes CSV',
};
