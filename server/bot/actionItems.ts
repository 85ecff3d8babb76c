// "Add action item" on an agenda card (Action.Execute): the caller's own note
// for that session gets the item through the note use case (PHI guard first;
// a retried activity finds its item already there).
import { z } from 'zod';
import { errorCodes } from '../../src/core/api.js';
import { addActionItem } from '../program/notes.js';
import type { ApiProblem } from '../program/problem.js';
import { universalMessage, type InvokeHandler } from './answers.js';
import { botNoteWrite, flaggedKinds, plainMessage, type BotNoteStore } from './noteWrites.js';

const CardAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

export interface ActionItemDeps {
  store: BotNoteStore;
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

function cardMessage(problem: ApiProblem): string {
  if (problem.code === errorCodes.invalidRequest) return 'Type the action item in the box first.';
  // The card has no way to confirm a finding: the item may not be stored with patient identifiers.
  if (problem.code === errorCodes.phiUnconfirmed)
    return `Not added: it looks like it holds a patient identifier (${flaggedKinds(problem)}). Action items are about your learning; rephrase it without patient details.`;
  return plainMessage(problem);
}

async function addActionItemFromCard(deps: ActionItemDeps, viewer: string, sessionId: string, text: string) {
  const added = await botNoteWrite(() => addActionItem(deps, viewer, sessionId, text), cardMessage);
  if ('said' in added) return added.said;
  deps.changed(viewer);
  return `Added to your action items for the session on ${new Date(added.done.session.start).toUTCString()}.`;
}
