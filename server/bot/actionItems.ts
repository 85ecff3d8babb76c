// "Add action item" on an agenda card (Action.Execute): the caller's own note
// for that session gets the item through the note use case (PHI guard first;
// a retried activity finds its item already there).
import { errorCodes } from '../../src/core/api.js';
import { addActionItem } from '../program/notes.js';
import type { ApiProblem } from '../program/problem.js';
import { universalMessage } from './answers.js';
import type { CardActionHandler } from './cardActions.js';
import { botNoteWrite, flaggedKinds, plainMessage, type BotNoteStore } from './noteWrites.js';

export interface ActionItemDeps {
  store: BotNoteStore;
  now: () => number;
  /** Told after the bot changed a person's notes. */
  changed(viewer: string): void;
}

/** The `addActionItem` verb: the typed text becomes an action item in the caller's note for the session. */
export function actionItemVerbs(deps: ActionItemDeps): Array<[string, CardActionHandler]> {
  return [
    [
      'addActionItem',
      async (data, viewer) => {
        const sessionId = String(data['sessionId'] ?? '');
        const text = String(data['actionItemText'] ?? '');
        return universalMessage(await addActionItemFromCard(deps, viewer, sessionId, text));
      },
    ],
  ];
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
