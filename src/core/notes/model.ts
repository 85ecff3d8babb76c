// Shared-learning notes beyond their schema: safe rendering of light Markdown
// and the action items that carry over to the next session.
import type { ActionItem, SharedLearningNote } from '../schemas.js';
import { fnv1aId } from '../hash.js';

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => htmlEscapes[c]!);
}

/** Keeps template engines (Adaptive Card `${...}`) from evaluating user text. */
export function neutralizeTemplates(text: string): string {
  return text.replace(/\$\{/g, '$\u200B{');
}

function inline(escaped: string): string {
  return (
    escaped
      // Links and images are shown as text, never followed: "label (url)".
      .replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, (_m, label: string, url: string) => `${label} (${url})`)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
  );
}

/** Light Markdown (bold, italics, bullet lists) to HTML; everything else escaped. */
export function renderNoteHtml(text: string): string {
  const lines = neutralizeTemplates(escapeHtml(text)).split(/\r?\n/);
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.map((i) => `<li>${i}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of lines) {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      list.push(inline(bullet[1]!));
      continue;
    }
    flush();
    if (line.trim()) out.push(`<p>${inline(line)}</p>`);
  }
  flush();
  return out.join('');
}

/** A stable id for an action item, so carrying it over or re-saving never duplicates it. */
export function actionItemId(sessionId: string, authorId: string, text: string): string {
  return `ai-${fnv1aId(`${sessionId}|${authorId}|${text.trim().toLowerCase()}`)}`;
}

/** Who does an item: its assignee, or its author for items written before either person could be named. */
export const assigneeOf = (item: Pick<ActionItem, 'assigneeId'>, authorId: string): string =>
  item.assigneeId ?? authorId;

export type CarriedActionItem = ActionItem & { authorId: string; sessionId: string; assigneeId: string };

/** Open action items from the previous session's notes, both people's, each with who does it. */
export function carriedOverActionItems(
  previousSessionNotes: readonly Pick<SharedLearningNote, 'sessionId' | 'authorId' | 'actionItems'>[],
): CarriedActionItem[] {
  return previousSessionNotes.flatMap((n) =>
    n.actionItems
      .filter((i) => !i.done)
      .map((i) => ({ ...i, authorId: n.authorId, sessionId: n.sessionId, assigneeId: assigneeOf(i, n.authorId) })),
  );
}
