// `adaptiveCard/action` (Universal Actions): one handler per verb. Each
// feature's cards bring their own verbs; this module only dispatches.
import { z } from 'zod';
import { universalMessage, type InvokeAnswer, type InvokeHandler } from './answers.js';

/** One verb's handler: the action's `data` and the calling Entra user in, the answer out. */
export type CardActionHandler = (data: Record<string, unknown>, viewer: string) => Promise<InvokeAnswer>;

const CardAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

/** Answers `adaptiveCard/action` from the table of verbs. */
export function answerCardActions(verbs: ReadonlyMap<string, CardActionHandler>): InvokeHandler {
  return async (value, viewer) => {
    const { action } = CardAction.parse(value);
    const handler = verbs.get(action.verb);
    if (!handler) return universalMessage(`Unknown action ${action.verb}.`);
    return handler(action.data, viewer);
  };
}
