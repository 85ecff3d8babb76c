// The session's agenda (structured, or the text a booking returned) as sections with their minutes.
import { Agenda } from '../../../core/agenda/build.js';
import { agendaSectionsFromText } from '../../../core/agenda/parseText.js';
import { withoutCompiling } from '../../../client/parsing.js';

export interface ChecklistSection {
  title: string;
  minutes: number | null;
  items: string[];
}

export function checklistSections(agenda: unknown): ChecklistSection[] {
  if (typeof agenda === 'string') return agendaSectionsFromText(agenda)?.sections ?? [];
  const parsed = Agenda.safeParse(agenda, withoutCompiling);
  return parsed.success ? parsed.data.sections : [];
}

export type ClockReading =
  | { phase: 'before'; minutes: number }
  | { phase: 'during'; section: number; elapsed: number; allowed: number; over: number }
  | { phase: 'after' };

/**
 * Where the meeting is against its agenda at `now`: the clock is the meeting's (from the session's
 * start), so nobody has to start a stopwatch. Sections run one after another for their minutes.
 */
export function clockReading(
  sections: readonly ChecklistSection[],
  session: { start: string; end: string },
  now: number,
): ClockReading {
  const start = Date.parse(session.start);
  const end = Date.parse(session.end);
  if (now < start) return { phase: 'before', minutes: Math.ceil((start - now) / 60_000) };
  if (now >= end) return { phase: 'after' };
  const minute = Math.floor((now - start) / 60_000);
  let from = 0;
  for (let i = 0; i < sections.length; i++) {
    const allowed = sections[i]!.minutes ?? 0;
    if (minute < from + allowed || i === sections.length - 1)
      return {
        phase: 'during',
        section: i,
        elapsed: minute - from,
        allowed,
        over: Math.max(0, minute - from - allowed),
      };
    from += allowed;
  }
  return { phase: 'during', section: -1, elapsed: minute, allowed: 0, over: 0 };
}
