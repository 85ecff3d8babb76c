// The message actions "Add to agenda" and "Save as learning note": a chat
// message's text goes into the caller's note for their nearest session, once
// the PHI guard finds nothing or the author confirmed what it found. The
// writes are the note use cases REST uses; a retried activity (Teams retries
// an invoke answered late) finds its item or line already there.
import { actionItemField, openFindings, reviewText, type NoteField } from '../../src/core/notes/review.js';
import { noteLimits } from '../../src/core/schemas.js';
import type { ProgramStore } from '../graph/programStore.js';
import { addAgendaItem, appendToMyNote } from '../program/notes.js';
import { answer, composeMessage, type InvokeAnswer } from './answers.js';
import { commandIds } from './commands.js';
import { phiDialog } from './dialogs.js';
import { nearestSessionOf } from './myPairs.js';
import { botNoteWrite, plainMessage, type BotNoteStore } from './noteWrites.js';

export type MessageCommand = typeof commandIds.addToAgenda | typeof commandIds.saveAsLearningNote;

export const isMessageCommand = (commandId: string): commandId is MessageCommand =>
  commandId === commandIds.addToAgenda || commandId === commandIds.saveAsLearningNote;

export interface MessageActionDeps {
  store: BotNoteStore & Pick<ProgramStore, 'pairsOf' | 'sessionsOfPair'>;
  now: () => number;
  /** Told after the bot changed a person's notes. */
  changed(viewer: string): void;
}

/** Where the text lands: what the caller learned, or a new item at the end of their agenda. */
const messageField = (commandId: MessageCommand): NoteField =>
  commandId === commandIds.saveAsLearningNote ? 'learned' : actionItemField(noteLimits.actionItems - 1);

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
  // The note's earlier confirmations were given for other text; this text is confirmed by the dialog's toggle.
  const review = reviewText(messageField(commandId), text, []);
  if (openFindings(review).length > 0 && !confirmedByAuthor) return answer(phiDialog(commandId, text, review));
  const target = await nearestSessionOf(deps.store, viewer, deps.now());
  if (!target) return composeMessage('You have no session to add this to yet. Schedule one from the Reciprocal tab.');
  const sessionId = target.session.id;
  const saved = await botNoteWrite(
    () =>
      commandId === commandIds.addToAgenda
        ? addAgendaItem(deps, viewer, sessionId, text, review)
        : appendToMyNote(deps, viewer, sessionId, text, review),
    plainMessage,
  );
  if ('said' in saved) return composeMessage(saved.said);
  deps.changed(viewer);
  const when = new Date(target.session.start).toUTCString();
  return composeMessage(
    commandId === commandIds.addToAgenda
      ? `Added to the agenda of your next session on ${when}.`
      : `Saved to your learning note for the session on ${when}.`,
  );
}
