// What the task pane does with a meeting, apart from rendering: recognize a
// Reciprocal session and put its agenda into the body.
import { sessionCategory } from '../core/meetings.js';
import { findAgendaContainer, withAgenda } from './agendaBody.js';
import type { MeetingItem } from './meetingItem.js';

export type MeetingStatus = 'session' | 'marked-not-mine' | 'not-a-session';

/**
 * A meeting is one of my sessions when the API found it (by iCalUId, which
 * every copy of a meeting shares). The category alone, set at booking, only
 * says it is someone's session: categories are per mailbox and anyone can set them.
 */
export function meetingStatus(categories: readonly string[], match: unknown): MeetingStatus {
  if (match) return 'session';
  return categories.some((c) => c.toLowerCase() === sessionCategory.toLowerCase())
    ? 'marked-not-mine'
    : 'not-a-session';
}

export type InsertOutcome = 'inserted' | 'replaced' | 'unchanged';

/** Reads the body, puts the agenda in (replacing only our container), and writes it back when it changed. */
export async function insertAgenda(item: MeetingItem, agendaHtml: string): Promise<InsertOutcome> {
  const body = await item.bodyHtml();
  const existing = findAgendaContainer(body);
  if (existing && body.slice(existing.start, existing.end) === agendaHtml) return 'unchanged';
  await item.setBodyHtml(withAgenda(body, agendaHtml));
  return existing ? 'replaced' : 'inserted';
}
