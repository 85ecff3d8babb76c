// Every invoke: the caller must be a Microsoft Entra user, the handler for its
// name answers inside the deadline, and a payload that fails its schema gets a
// 400 naming the field. The answer is sent once, as the invokeResponse.
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { z } from 'zod';
import { composeMessage, failure, type InvokeAnswer, type InvokeHandler } from './answers.js';
import { Deadline, within } from './deadline.js';

export interface InvokeOptions {
  deadlineMs: number;
  log: Logger;
}

// Built once: a zod schema costs more to build than to run, and every invoke checks its caller.
const EntraObjectId = z.string().uuid();
const callerId = (context: TurnContext) => EntraObjectId.safeParse(context.activity.from?.aadObjectId).data ?? null;

/** The `invoke` activity handler over a table of handlers by invoke name. */
export function onInvoke(handlers: ReadonlyMap<string, InvokeHandler>, options: InvokeOptions) {
  return async (context: TurnContext): Promise<void> => {
    const name = context.activity.name ?? '';
    const reply = await answerInvoke(handlers, options, context, name);
    await context.sendActivity({ type: 'invokeResponse', value: reply } as never);
  };
}

async function answerInvoke(
  handlers: ReadonlyMap<string, InvokeHandler>,
  options: InvokeOptions,
  context: TurnContext,
  name: string,
): Promise<InvokeAnswer> {
  const viewer = callerId(context);
  if (!viewer) return failure('unauthenticated', 'the activity names no Microsoft Entra user', 400);
  const handler = handlers.get(name);
  if (!handler) return failure('not_supported', `invoke ${name} is not supported`, 501);
  try {
    return await within(options.deadlineMs, handler(context.activity.value, viewer));
  } catch (err) {
    if (err instanceof Deadline) {
      options.log.warn({ bot: { invoke: name } }, 'invoke passed its deadline');
      return composeMessage('Reciprocal is still working on this; try again in a moment.');
    }
    if (err instanceof z.ZodError) {
      const issue = err.issues[0]!;
      return failure('invalid_request', `value.${issue.path.join('.')}: ${issue.message}`, 400);
    }
    throw err;
  }
}
