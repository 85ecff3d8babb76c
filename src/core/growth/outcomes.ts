// Outcomes: did both people learn? Change in self-rated confidence per focus
// area from each person's first to latest self-assessment, computed per person
// then averaged, split by career stage; goals set and achieved; usefulness
// ratings from the session loop. Pure. Inputs carry no text at all (no goal
// titles, no notes), so no output can hold any; every figure describing 1 to 4
// people is suppressed, by the dashboards' rule (minimum group 5).
import { minimumGroupSize, type Figure } from '../dashboard/aggregate.js';
import { careerStages, focusAreas, type CareerStage, type FocusArea } from '../schemas.js';
import type { GoalProgress, Ratings } from './model.js';

export interface OutcomePerson {
  userId: string;
  department: string;
  careerStage: CareerStage;
}
export interface OutcomeAssessment {
  personId: string;
  takenAt: string;
  ratings: Ratings;
}
export interface OutcomeGoal {
  personId: string;
  progress: GoalProgress;
}
export interface OutcomeFeedback {
  personId: string;
  usefulness: number;
}

export const stageGroups = [...careerStages, 'all'] as const;
export type StageGroup = (typeof stageGroups)[number];

export interface ConfidenceChange {
  focusArea: FocusArea;
  /** Average of each person's (latest - first) rating; people with one assessment are left out. */
  byStage: Record<StageGroup, Figure>;
}

export interface Outcomes {
  /** `program`, or a department's name. */
  scope: string;
  people: Figure;
  /** People with at least two self-assessments: those whose change is counted. */
  assessedTwice: Figure;
  confidenceChange: ConfidenceChange[];
  goals: { set: Figure; achieved: Figure };
  /** Null when the program keeps no usefulness ratings. */
  usefulness: { average: Figure; ratings: Figure } | null;
}

export interface OutcomeInput {
  people: readonly OutcomePerson[];
  assessments: readonly OutcomeAssessment[];
  goals: readonly OutcomeGoal[];
  feedback: readonly OutcomeFeedback[] | null;
}

const tooFew = (n: number): Figure => ({
  value: null,
  suppressed: true,
  reason: n === 0 ? 'no one yet' : `describes fewer than ${minimumGroupSize} people`,
});

/** A count describing `people` distinct people: 0 stays 0, 1 to 4 people are suppressed. */
export function countFigure(value: number, people: number): Figure {
  return people > 0 && people < minimumGroupSize ? tooFew(people) : { value, suppressed: false };
}

/** An average over `values.length` people; suppressed under 5 (and with no one). */
export function averageFigure(values: readonly number[]): Figure {
  if (values.length < minimumGroupSize) return tooFew(values.length);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { value: Math.round(mean * 100) / 100, suppressed: false };
}

/** Each person's change per focus area, first to latest assessment rating that area; none with one assessment. */
export function changePerPerson(assessments: readonly OutcomeAssessment[]): Map<string, Map<FocusArea, number>> {
  const byPerson = new Map<string, OutcomeAssessment[]>();
  for (const a of assessments) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  const out = new Map<string, Map<FocusArea, number>>();
  for (const [personId, list] of byPerson) {
    const ordered = [...list].sort((x, y) => Date.parse(x.takenAt) - Date.parse(y.takenAt));
    const changes = new Map<FocusArea, number>();
    for (const area of focusAreas) {
      const rated = ordered.flatMap((a) => (a.ratings[area] === undefined ? [] : [a.ratings[area]]));
      if (rated.length >= 2) changes.set(area, rated.at(-1)! - rated[0]!);
    }
    if (changes.size > 0) out.set(personId, changes);
  }
  return out;
}

function confidenceChanges(
  people: readonly OutcomePerson[],
  changes: Map<string, Map<FocusArea, number>>,
): ConfidenceChange[] {
  return focusAreas.map((focusArea) => {
    const byStage = Object.fromEntries(
      stageGroups.map((stage) => {
        const values = people
          .filter((p) => stage === 'all' || p.careerStage === stage)
          .flatMap((p) => {
            const change = changes.get(p.userId)?.get(focusArea);
            return change === undefined ? [] : [change];
          });
        return [stage, averageFigure(values)];
      }),
    ) as Record<StageGroup, Figure>;
    return { focusArea, byStage };
  });
}

function outcomesOf(scope: string, input: OutcomeInput): Outcomes {
  const ids = new Set(input.people.map((p) => p.userId));
  const changes = changePerPerson(input.assessments.filter((a) => ids.has(a.personId)));
  const goals = input.goals.filter((g) => ids.has(g.personId));
  const achieved = goals.filter((g) => g.progress === 'achieved');
  const distinct = (list: ReadonlyArray<{ personId: string }>) => new Set(list.map((x) => x.personId)).size;
  const feedback = input.feedback?.filter((f) => ids.has(f.personId)) ?? null;
  return {
    scope,
    people: countFigure(ids.size, ids.size),
    assessedTwice: countFigure(changes.size, changes.size),
    confidenceChange: confidenceChanges(input.people, changes),
    goals: {
      set: countFigure(goals.length, distinct(goals)),
      achieved: countFigure(achieved.length, distinct(achieved)),
    },
    usefulness: feedback
      ? {
          average: averageRating(feedback),
          ratings: countFigure(feedback.length, distinct(feedback)),
        }
      : null,
  };
}

/** The mean rating, suppressed unless at least 5 distinct people gave ratings. */
function averageRating(feedback: readonly OutcomeFeedback[]): Figure {
  const people = new Set(feedback.map((f) => f.personId)).size;
  if (people < minimumGroupSize) return tooFew(people);
  const mean = feedback.reduce((a, f) => a + f.usefulness, 0) / feedback.length;
  return { value: Math.round(mean * 100) / 100, suppressed: false };
}

/** The whole program's outcomes (when `departments` is omitted) followed by each department's. */
export function aggregateOutcomes(input: OutcomeInput, departments?: readonly string[]): Outcomes[] {
  const names = departments ?? [...new Set(input.people.map((p) => p.department))].sort();
  const scoped = names.map((name) =>
    outcomesOf(name, { ...input, people: input.people.filter((p) => p.department === name) }),
  );
  return departments ? scoped : [outcomesOf('program', input), ...scoped];
}

const csvHeader = ['scope', 'metric', 'careerStage', 'focusArea', 'value', 'suppressed'];

/** The outcomes as CSV, one row per figure (cells quoted as the dashboards' CSV quotes them). */
export function outcomesToCsv(outcomes: readonly Outcomes[], cell: (value: string) => string): string {
  const rows: string[][] = [csvHeader];
  for (const o of outcomes) {
    const row = (metric: string, stage: string, area: string, f: Figure) =>
      rows.push([o.scope, metric, stage, area, f.suppressed ? '' : String(f.value), String(f.suppressed)]);
    row('people', '', '', o.people);
    row('assessedTwice', '', '', o.assessedTwice);
    for (const c of o.confidenceChange)
      for (const stage of stageGroups) row('confidenceChange', stage, c.focusArea, c.byStage[stage]);
    row('goalsSet', '', '', o.goals.set);
    row('goalsAchieved', '', '', o.goals.achieved);
    if (o.usefulness) {
      row('usefulnessAverage', '', '', o.usefulness.average);
      row('usefulnessRatings', '', '', o.usefulness.ratings);
    }
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
