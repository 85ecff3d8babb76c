// This feature's card verbs (Action.Execute), dispatched by ./cardActions.ts.
// `sessionLoop`: the after-session card's answer goes through the same use
// case as the tab's (server/program/sessionLoop.ts); the answer replaces the
// card's message with what was recorded, or says why not.
import { errorCodes } from '../../src/core/api.js';
import { SessionFeedbackRequest } from '../../src/core/sessions/index.js';
import { sessionLoopVerb } from '../program/operations/cards.js';
import { recordSessionFeedback } from '../program/sessionLoop.js';
import type { BotDeps } from './agent.js';
import { universalMessage } from './answers.js';
import type { CardActionHandler } from './cardActions.js';
import { botNoteWrite, flaggedKinds, plainMessage } from './noteWrites.js';

const said = { held: 'you met', 'no-show': 'it did not happen', moved: 'it was moved' } as const;

/** A card's inputs arrive as strings: "" for an untouched choice or box. */
function answerOf(data: Record<string, unknown>) {
  const usefulness = String(data['usefulness'] ?? '').trim();
  return SessionFeedbackRequest.safeParse({
    outcome: data['outcome'],
    usefulness: usefulness ? Number(usefulness) : null,
    learned: String(data['learned'] ?? ''),
  });
}

const sessionLoopAnswer =
  (deps: BotDeps): CardActionHandler =>
  async (data, viewer) => {
    const answer = answerOf(data);
    if (!answer.success) {
      const field = String(answer.error.issues[0]?.path[0] ?? 'outcome');
      return universalMessage(
        field === 'learned'
          ? 'Keep what you learned to one line.'
          : field === 'usefulness'
            ? 'Pick how useful it was from 1 to 5.'
            : 'Say whether you met: we met, it did not happen, or we moved it.',
      );
    }
    const result = await botNoteWrite(
      () => recordSessionFeedback(deps.ports, viewer, String(data['sessionId'] ?? ''), answer.data),
      (problem) =>
        problem.code === errorCodes.phiUnconfirmed
          ? `Not saved: what you learned looks like it holds a patient identifier (${flaggedKinds(problem)}). Rephrase it without patient details.`
          : plainMessage(problem),
    );
    if ('said' in result) return universalMessage(result.said);
    const { loop } = result.done;
    const disagreement = loop.disagreement
      ? ' Your partner said otherwise; the program owner will see both answers.'
      : '';
    return universalMessage(`Thanks: recorded that ${said[answer.data.outcome]}.${disagreement}`);
  };

export function operationsCardVerbs(deps: BotDeps): Array<[string, CardActionHandler]> {
  return [[sessionLoopVerb, sessionLoopAnswer(deps)]];
}
