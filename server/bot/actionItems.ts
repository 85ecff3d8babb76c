// "Add action item" on an agenda card (Action.Execute): the caller's own note
// for that session gets the item, the PHI guard first.
import { z } from 'zod';
import { actionItemField, openFindings, reviewText } from '../../src/core/notes/review.js';
import { noteLimits } from '../../src/core/schemas.js';
import type { ProgramStore } from '../graph/programStore.js';
import { universalMessage, type InvokeHandler } from './answers.js';
import { addActionItem, myNote, type MyNote } from './noteWrites.js';

const CardAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

export interface ActionItemDeps {
  store: Pick<ProgramStore, 'session' | 'pairsOf' | 'note' | 'saveNote'>;
  now: () => number;
  /** Told after the bot changed a person's notes. */
  changed(viewer: string): void;
}

/** Answers `adaptiveCard/action`. */
export function answerCardAction(deps: ActionItemDeps): InvokeHandler {
  return async (value, viewer) => {
    const { action } = CardAction.parse(value);
    if (action.verb !== 'addActionItem') return universalMessage(`Unknown action ${action.verb}.`);
    const sessionId = String(action.data['sessionId'] ?? '');
    const text = String(action.data['actionItemText'] ?? '');
    return universalMessage(await addActionItemFromCard(deps, viewer, sessionId, text));
  };
}

async function addActionItemFromCard(deps: ActionItemDeps, viewer: string, sessionId: string, text: string) {
  const item = text.trim().slice(0, noteLimits.actionItemChars);
  if (!item) return 'Type the action item in the box first.';
  const stamp = new Date(deps.now()).toISOString();
  const mine = await myNoteForSession(deps, viewer, sessionId, stamp);
  // The item may not be stored with patient identifiers, confirmed or not.
  const open = openFindings(reviewText(actionItemField(mine?.note.actionItems.length ?? 0), item, []));
  if (open.length > 0)
    return `Not added: it looks like it holds a patient identifier (${open.map((f) => f.kind).join(', ')}). Action items are about your learning; rephrase it without patient details.`;
  if (!mine) return 'That session is not one of yours.';
  if (mine.note.actionItems.length >= noteLimits.actionItems)
    return `This session already has ${noteLimits.actionItems} action items of yours.`;
  deps.changed(viewer);
  await addActionItem(deps.store, mine, item, stamp);
  return `Added to your action items for the session on ${new Date(mine.session.start).toUTCString()}.`;
}

/** The caller's note for one of their own sessions; null when the session is not theirs. */
async function myNoteForSession(
  deps: ActionItemDeps,
  viewer: string,
  sessionId: string,
  stamp: string,
): Promise<(MyNote & { session: { start: string } }) | null> {
  const session = await deps.store.session(sessionId);
  const pair = session ? (await deps.store.pairsOf(viewer)).find((p) => p.id === session.pairId) : undefined;
  if (!session || !pair) return null;
  const mine = await myNote(deps.store, { sessionId: session.id, pairId: pair.id, authorId: viewer }, stamp);
  return { ...mine, session };
}
