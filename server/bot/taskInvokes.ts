// composeExtension/fetchTask and submitAction: routed by command id to
// "Schedule a session" or to the message actions.
import { z } from 'zod';
import { unknownCommand, type InvokeHandler } from './answers.js';
import { messageText } from './cards.js';
import { commandIds } from './commands.js';
import { isMessageCommand, saveMessage, type MessageActionDeps } from './messageActions.js';
import { scheduleSessionCard, scheduleSessionDialog, type ScheduleSessionDeps } from './scheduleSession.js';

const ActionInvoke = z.object({
  commandId: z.string(),
  commandContext: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  messagePayload: z
    .object({ body: z.object({ content: z.string().default(''), contentType: z.string().optional() }).optional() })
    .optional(),
  botMessagePreviewAction: z.string().optional(),
});
type ActionInvoke = z.infer<typeof ActionInvoke>;

export type TaskInvokeDeps = ScheduleSessionDeps & MessageActionDeps;

const messageOf = (action: ActionInvoke) => messageText(action.messagePayload?.body?.content ?? '');

/** Answers `composeExtension/fetchTask`: a dialog, or the message saved at once when it needs none. */
export function answerFetchTask(deps: TaskInvokeDeps): InvokeHandler {
  return async (value, viewer) => {
    const action = ActionInvoke.parse(value);
    if (action.commandId === commandIds.schedule) return scheduleSessionDialog(deps, viewer);
    if (isMessageCommand(action.commandId))
      return saveMessage(deps, action.commandId, viewer, messageOf(action), false);
    return unknownCommand(action.commandId);
  };
}

/** Answers `composeExtension/submitAction`: what a dialog (or a message action without one) sends. */
export function answerSubmitAction(deps: TaskInvokeDeps): InvokeHandler {
  return async (value, viewer) => {
    const action = ActionInvoke.parse(value);
    if (isMessageCommand(action.commandId)) {
      const text = String(action.data?.['text'] ?? messageOf(action));
      return saveMessage(deps, action.commandId, viewer, text, action.data?.['confirmed'] === 'true');
    }
    if (action.commandId === commandIds.schedule) return scheduleSessionCard(deps, viewer, action.data);
    return unknownCommand(action.commandId);
  };
}
