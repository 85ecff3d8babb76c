// A session's agenda: the program's templates (stored, or the defaults) and
// the open action items both people carried out of the pair's last session.
import { agendaToHtml, AgendaTemplates, buildAgenda, defaultAgendaTemplates } from '../../src/core/agenda/index.js';
import { carriedOverActionItems } from '../../src/core/notes/model.js';
import { unconfirmedFindings, type PhiConfirmation, type PhiFinding } from '../../src/core/notes/phi.js';
import type { AgendaGoal } from '../../src/core/agenda/build.js';
import type { Direction, FocusArea, Pair, Session, SharedLearningNote } from '../../src/core/schemas.js';

/** The agenda for a session, as the model to store and the HTML for the meeting body. */
export interface SessionAgenda {
  agenda: unknown;
  html: string;
}

export type AgendaSource = (
  pair: Pair,
  direction: Direction,
  focusAreas: readonly FocusArea[],
  durationMinutes: number,
  /** Carry items over from the last session starting before this instant (ISO); default: the latest session. */
  before?: string,
) => Promise<SessionAgenda>;

/** What the agenda needs from the program store: its templates and the pair's last session's notes. */
export interface AgendaHistory {
  agendaTemplates(): Promise<unknown | null>;
  sessionsOfPair(pairId: string): Promise<Session[]>;
  notesOfSession(sessionId: string): Promise<SharedLearningNote[]>;
}

/** The templates in use: the stored ones, or the defaults while none (or none valid) are stored. */
export async function agendaTemplatesOf(history: Pick<AgendaHistory, 'agendaTemplates'>): Promise<AgendaTemplates> {
  const stored = AgendaTemplates.safeParse(await history.agendaTemplates());
  return stored.success ? stored.data : defaultAgendaTemplates;
}

/** The pair's last session that was not cancelled, before `before` when given. */
export async function previousSession(
  history: Pick<AgendaHistory, 'sessionsOfPair'>,
  pairId: string,
  before?: string,
): Promise<Session | undefined> {
  return (await history.sessionsOfPair(pairId))
    .filter((s) => s.status !== 'cancelled' && (before === undefined || s.start < before))
    .sort((a, b) => a.start.localeCompare(b.start))
    .at(-1);
}

/** Each person's open goals, for the agenda's "review goals" section (none: no section). */
export type OpenGoalsSource = (pair: Pair) => Promise<AgendaGoal[]>;

export function programAgendaSource(history: AgendaHistory, openGoals?: OpenGoalsSource): AgendaSource {
  return async (pair, direction, focusAreas, durationMinutes, before) => {
    const templates = await agendaTemplatesOf(history);
    const goals = openGoals ? await openGoals(pair) : [];
    const previous = await previousSession(history, pair.id, before);
    const carried = previous ? carriedOverActionItems(await history.notesOfSession(previous.id)) : [];
    const names = new Map(pair.members.map((m) => [m.userId, m.displayName]));
    const agenda = buildAgenda({
      people: [pair.members[0], pair.members[1]],
      direction,
      focusAreas,
      durationMinutes,
      // The name beside a carried item is who does it (its assignee), which is what the pair needs to see.
      carriedOverActionItems: carried.map((c) => ({ text: c.text, authorName: names.get(c.assigneeId) })),
      templates,
      openGoals: goals,
    });
    return { agenda, html: agendaToHtml(agenda) };
  };
}

/** Every free-text field of the templates, by its path in the request body (`checkIn.prompts.0`). */
function templateTexts(value: unknown, path: string[] = []): Array<{ field: string; text: string }> {
  if (typeof value === 'string') return [{ field: path.join('.'), text: value }];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => templateTexts(v, [...path, key]));
  return [];
}

/**
 * The PHI guard's findings in the templates that the owner has not confirmed
 * as harmless, each naming its field: template text reaches every agenda,
 * meeting invitation and chat, so it is scanned like a note.
 */
export const agendaTemplateFindings = (
  templates: AgendaTemplates,
  confirmations: readonly PhiConfirmation[],
): Array<PhiFinding & { field: string }> =>
  templateTexts(templates).flatMap(({ field, text }) =>
    unconfirmedFindings(text, confirmations).map((f) => ({ field, ...f })),
  );
