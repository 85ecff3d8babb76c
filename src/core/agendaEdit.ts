// Editing a session's agenda before the meeting (either person of the pair):
// the request as the details tab sends it, bounded, and the agenda as any
// stored shape (structured, the text a booking returned, none) to edit.
import { z } from 'zod';
import { Agenda, AgendaSection } from './agenda/build.js';
import { agendaSectionsFromText } from './agenda/parseText.js';
import { fnv1aId } from './hash.js';
import type { Direction } from './schemas.js';

export const agendaEditLimits = {
  titleChars: 200,
  sections: 12,
  sectionTitleChars: 160,
  sectionMinutes: 240,
  items: 12,
  itemChars: 280,
} as const;

const L = agendaEditLimits;

export const AgendaEditSection = z.object({
  /** What the section is for; a section the person adds is a segment. */
  kind: AgendaSection.shape.kind.default('segment'),
  title: z.string().trim().min(1).max(L.sectionTitleChars),
  minutes: z.number().int().min(0).max(L.sectionMinutes),
  guide: z.string().trim().max(L.sectionTitleChars).nullable().default(null),
  items: z.array(z.string().trim().min(1).max(L.itemChars)).max(L.items),
});

/** PUT /api/sessions/:id/agenda (If-Match: the agenda's eTag as read). */
export const AgendaEditRequest = z.object({
  title: z.string().trim().min(1).max(L.titleChars),
  sections: z.array(AgendaEditSection).min(1).max(L.sections),
  /** Flagged spans the editor says are not patient identifiers (as a note's). */
  phiConfirmations: z
    .array(z.object({ kind: z.string().max(32), text: z.string().max(256) }))
    .max(50)
    .default([]),
});
export type AgendaEditRequest = z.infer<typeof AgendaEditRequest>;

/** GET (and PUT) /api/sessions/:id/agenda: the agenda, its eTag, and whether it may still be edited. */
export const EditableAgenda = z.object({ agenda: Agenda, etag: z.string(), editable: z.boolean() });
export type EditableAgenda = z.infer<typeof EditableAgenda>;

/**
 * The agenda's own eTag, from what it says: a change to anything else of the
 * session (its status, a reschedule) is no conflict for someone editing it.
 */
export const agendaEtag = (agenda: Agenda): string => `"agenda-${fnv1aId(JSON.stringify(agenda))}"`;

/** Any stored agenda as the structured one to edit; an agenda that is none yet has no sections. */
export function editableAgenda(stored: unknown, session: { direction: Direction; durationMinutes: number }): Agenda {
  const parsed = Agenda.safeParse(stored);
  if (parsed.success) return parsed.data;
  const text = typeof stored === 'string' ? agendaSectionsFromText(stored) : null;
  return {
    title: text?.title ?? 'Agenda',
    durationMinutes: session.durationMinutes,
    direction: session.direction,
    sections: (text?.sections ?? []).map((s) => ({
      kind: 'segment' as const,
      title: s.title,
      minutes: s.minutes ?? 0,
      guide: null,
      items: s.items,
    })),
  };
}

/** Every free-text field of an edit, by its path in the request body (`sections.0.items.1`). */
export function agendaEditTexts(edit: Pick<AgendaEditRequest, 'title' | 'sections'>): Array<{
  field: string;
  text: string;
}> {
  return [
    { field: 'title', text: edit.title },
    ...edit.sections.flatMap((s, i) => [
      { field: `sections.${i}.title`, text: s.title },
      ...(s.guide ? [{ field: `sections.${i}.guide`, text: s.guide }] : []),
      ...s.items.map((item, j) => ({ field: `sections.${i}.items.${j}`, text: item })),
    ]),
  ];
}
