// The message actions "Add to agenda" and "Save as learning note": a chat
// message's text goes into the caller's note for their nearest session, once
// the PHI guard finds nothing or the author confirmed what it found.
import { actionItemField, openFindings, reviewText, type NoteField } from '../../src/core/notes/review.js';
import { noteLimits } from '../../src/core/schemas.js';
import type { ProgramStore } from '../graph/programStore.js';
import { answer, composeMessage, type InvokeAnswer } from './answers.js';
import { commandIds } from './commands.js';
import { phiDialog } from './dialogs.js';
import { nearestSessionOf } from './myPairs.js';
import { addAgendaItem, appendLearned, myNote, type MyNote } from './noteWrites.js';

export type MessageCommand = typeof commandIds.addToAgenda | typeof commandIds.saveAsLearningNote;

export const isMessageCommand = (commandId: string): commandId is MessageCommand =>
  commandId === commandIds.addToAgenda || commandId === commandIds.saveAsLearningNote;

export interface MessageActionDeps {
  store: Pick<ProgramStore, 'pairsOf' | 'sessionsOfPair' | 'note' | 'saveNote'>;
  now: () => number;
  /** Told after the bot changed a person's notes. */
  changed(viewer: string): void;
}

/** Where the text lands: what the caller learned, or a new item at the end of their agenda. */
function messageField(commandId: MessageCommand, mine: MyNote | null): NoteField {
  if (commandId === commandIds.saveAsLearningNote) return 'learned';
  return actionItemField(Math.min(mine?.note.actionItems.length ?? 0, noteLimits.actionItems - 1));
}

/**
 * Saves a message's text to the caller's note for their nearest session, or
 * answers with the PHI dialog while it holds findings the author has not
 * confirmed (`confirmedByAuthor`: the dialog's toggle, for this text).
 */
export async function saveMessage(
  deps: MessageActionDeps,
  commandId: MessageCommand,
  viewer: string,
  text: string,
  confirmedByAuthor: boolean,
): Promise<InvokeAnswer> {
  const target = await nearestSessionOf(deps.store, viewer, deps.now());
  const stamp = new Date(deps.now()).toISOString();
  const mine = target
    ? await myNote(deps.store, { sessionId: target.session.id, pairId: target.pair.id, authorId: viewer }, stamp)
    : null;
  // The note's earlier confirmations were given for other text; this text is confirmed by the dialog's toggle.
  const review = reviewText(messageField(commandId, mine), text, []);
  if (openFindings(review).length > 0 && !confirmedByAuthor) return answer(phiDialog(commandId, text, review));
  if (!target || !mine)
    return composeMessage('You have no session to add this to yet. Schedule one from the Reciprocal tab.');
  deps.changed(viewer);
  const when = new Date(target.session.start).toUTCString();
  if (commandId === commandIds.addToAgenda) {
    const item = { id: `ai-${deps.now().toString(36)}`, text: text.slice(0, noteLimits.actionItemChars), done: false };
    await addAgendaItem(deps.store, mine, item, review, stamp);
    return composeMessage(`Added to the agenda of your next session on ${when}.`);
  }
  await appendLearned(deps.store, mine, text, review, stamp);
  return composeMessage(`Saved to your learning note for the session on ${when}.`);
}
