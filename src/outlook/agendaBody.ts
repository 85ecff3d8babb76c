// Puts the pair's agenda into a meeting body without clobbering what the
// organizer wrote: the agenda lives in one marked container
// (`data-reciprocal-agenda`), which a later insert replaces and nothing else.
// Works on the HTML string Office.js hands over (body.getAsync as HTML), so it
// is pure and runs the same in Outlook, the browser-hosted pane and tests.
import { agendaMarker } from '../core/agenda/render.js';

export interface AgendaContainer {
  start: number;
  end: number;
}

// Outlook rewrites bodies: attribute order and quoting change, and in read
// mode ids get an "x_" prefix. The marker attribute or the id identify ours.
const openingTag = new RegExp(
  `<div\\b(?=[^>]*(?:\\bdata-reciprocal-agenda\\b|\\bid\\s*=\\s*["']?(?:x_)?${agendaMarker}\\b))[^>]*>`,
  'i',
);
const divTag = /<(\/?)div\b[^>]*>/gi;

/** Where our agenda container is in the body (from its opening tag to after its matching `</div>`), or null. */
export function findAgendaContainer(bodyHtml: string): AgendaContainer | null {
  const open = openingTag.exec(bodyHtml);
  if (!open) return null;
  let depth = 0;
  divTag.lastIndex = open.index;
  for (let tag = divTag.exec(bodyHtml); tag; tag = divTag.exec(bodyHtml)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return { start: open.index, end: tag.index + tag[0].length };
  }
  // An unclosed container (a truncated body): ours runs to the end of the body element.
  const bodyClose = bodyHtml.search(/<\/body\s*>/i);
  return { start: open.index, end: bodyClose === -1 ? bodyHtml.length : bodyClose };
}

export function hasAgenda(bodyHtml: string): boolean {
  return findAgendaContainer(bodyHtml) !== null;
}

/**
 * The body with the agenda in it. An existing container is replaced in
 * place; otherwise the agenda is appended after the organizer's text (inside
 * `<body>` when the HTML is a full document), so nothing they wrote moves or
 * goes away.
 */
export function withAgenda(bodyHtml: string, agendaHtml: string): string {
  if (!openingTag.test(agendaHtml))
    throw new Error('the agenda HTML is not wrapped in the data-reciprocal-agenda container');
  const existing = findAgendaContainer(bodyHtml);
  if (existing) return bodyHtml.slice(0, existing.start) + agendaHtml + bodyHtml.slice(existing.end);
  const bodyClose = bodyHtml.search(/<\/body\s*>/i);
  const separated = `<p>&nbsp;</p>${agendaHtml}`;
  const isEmpty = bodyHtml.replace(/<[^>]*>|&nbsp;|\s/gi, '') === '';
  const block = isEmpty ? agendaHtml : separated;
  if (bodyClose === -1) return bodyHtml + block;
  return bodyHtml.slice(0, bodyClose) + block + bodyHtml.slice(bodyClose);
}

/** The body without our agenda (what the organizer wrote). */
export function withoutAgenda(bodyHtml: string): string {
  const existing = findAgendaContainer(bodyHtml);
  return existing ? bodyHtml.slice(0, existing.start) + bodyHtml.slice(existing.end) : bodyHtml;
}
