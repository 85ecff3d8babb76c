// One agenda model for a session: check-in, a segment per direction led by
// the person who guides it, an ethics reminder, carried-over action items,
// close. Minutes add up to the session's length.
import { z } from 'zod';
import { focusAreaLabels, type CareerStage, type Direction, type FocusArea } from '../schemas.js';
import { segmentPlan } from './focusAreas.js';
import type { AgendaTemplates } from './templates.js';

export const AgendaSection = z.object({
  kind: z.enum(['check-in', 'segment', 'goals', 'ethics', 'action-items', 'close']),
  title: z.string(),
  minutes: z.number().int().min(0),
  guide: z.string().nullable(),
  items: z.array(z.string()),
});
export const Agenda = z.object({
  title: z.string(),
  durationMinutes: z.number().int().min(1),
  direction: z.enum(['reverse', 'traditional', 'both']),
  sections: z.array(AgendaSection),
});
export type Agenda = z.infer<typeof Agenda>;
export type AgendaSection = z.infer<typeof AgendaSection>;

export interface AgendaPerson {
  displayName: string;
  careerStage: CareerStage;
}

export interface AgendaInput {
  people: readonly [AgendaPerson, AgendaPerson];
  direction: Direction;
  focusAreas: readonly FocusArea[];
  durationMinutes: number;
  carriedOverActionItems: ReadonlyArray<{ text: string; authorName?: string }>;
  templates: AgendaTemplates;
  /** Both people's open goals (not yet achieved): a "Review goals" section when there are any. */
  openGoals?: ReadonlyArray<AgendaGoal>;
}

export interface AgendaGoal {
  ownerName: string;
  kind: 'learn' | 'teach';
  title: string;
  progress: 'not-started' | 'under-way';
}

const goalProgressWords: Record<AgendaGoal['progress'], string> = {
  'not-started': 'not started',
  'under-way': 'under way',
};

/** One line per open goal: whose, learn or teach, the goal, and where it stands. */
export const goalReviewItems = (goals: ReadonlyArray<AgendaGoal>): string[] =>
  goals.map(
    (g) =>
      `${g.ownerName} (${g.kind === 'learn' ? 'to learn' : 'to teach'}): ${g.title} (${goalProgressWords[g.progress]})`,
  );

const stageRank: Record<CareerStage, number> = { early: 0, mid: 1, seasoned: 2 };

/** Reverse: the newer person guides; traditional: the more experienced one. */
export function guideFor<P extends Pick<AgendaPerson, 'careerStage'>>(
  people: readonly [P, P],
  direction: 'reverse' | 'traditional',
): P {
  const [a, b] = people;
  const newer = stageRank[a.careerStage] <= stageRank[b.careerStage] ? a : b;
  const experienced = newer === a ? b : a;
  return direction === 'reverse' ? newer : experienced;
}

export function buildAgenda(input: AgendaInput): Agenda {
  const { people, templates } = input;
  const d = input.durationMinutes;
  const checkIn = Math.max(3, Math.round(d * 0.1));
  const ethics = 2;
  const carried = input.carriedOverActionItems.length > 0 ? Math.max(3, Math.round(d * 0.08)) : 0;
  const goals = input.openGoals?.length ? Math.max(3, Math.round(d * 0.08)) : 0;
  const close = Math.max(4, Math.round(d * 0.12));
  const segments = segmentPlan(input.direction, input.focusAreas);
  const remaining = d - checkIn - ethics - carried - goals - close;
  const segmentMinutes = segments.map(
    (_, i) => Math.floor(remaining / segments.length) + (i < remaining % segments.length ? 1 : 0),
  );

  const sections: AgendaSection[] = [
    {
      kind: 'check-in',
      title: templates.checkIn.title,
      minutes: checkIn,
      guide: null,
      items: templates.checkIn.prompts,
    },
  ];
  segments.forEach(({ direction, areas }, i) => {
    const guide = guideFor(people, direction);
    const learner = guide === people[0] ? people[1] : people[0];
    // A requested way with no topic of its own gets an open topic the guide picks, never another way's prompts.
    const topic = areas.length ? areas.map((f) => focusAreaLabels[f]).join(', ') : `a topic ${guide.displayName} picks`;
    sections.push({
      kind: 'segment',
      title: `${guide.displayName} guides, ${learner.displayName} learns: ${topic}`,
      minutes: segmentMinutes[i]!,
      guide: guide.displayName,
      items: areas.length
        ? areas.flatMap((f) => templates.focusPrompts[f])
        : [`${guide.displayName}: share one thing you know well that ${learner.displayName} asked about.`],
    });
  });
  if (goals > 0)
    sections.push({
      kind: 'goals',
      title: 'Review goals',
      minutes: goals,
      guide: null,
      items: goalReviewItems(input.openGoals ?? []),
    });
  sections.push({
    kind: 'ethics',
    title: templates.ethics.title,
    minutes: ethics,
    guide: null,
    items: templates.ethics.reminders,
  });
  if (carried > 0) {
    sections.push({
      kind: 'action-items',
      title: templates.actionItems.title,
      minutes: carried,
      guide: null,
      items: input.carriedOverActionItems.map((a) => (a.authorName ? `${a.text} (${a.authorName})` : a.text)),
    });
  }
  sections.push({
    kind: 'close',
    title: templates.close.title,
    minutes: close,
    guide: null,
    items: templates.close.prompts,
  });
  return {
    title: `Reciprocal session: ${people[0].displayName} and ${people[1].displayName}`,
    durationMinutes: d,
    direction: input.direction,
    sections,
  };
}
