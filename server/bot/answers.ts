// What an invoke answers: a status and a body, sent once as the invokeResponse.
// The bodies here are the published Teams shapes the handlers share.

export interface InvokeAnswer {
  status: number;
  body: unknown;
}

/** One invoke's handler: the activity's `value` and the calling Entra user in, the answer out. */
export type InvokeHandler = (value: unknown, viewer: string) => Promise<InvokeAnswer>;

export const answer = (body: unknown, status = 200): InvokeAnswer => ({ status, body });

export const failure = (code: string, message: string, status: number): InvokeAnswer =>
  answer({ error: { code, message } }, status);

export const unknownCommand = (commandId: string): InvokeAnswer =>
  failure('not_found', `unknown command ${commandId}`, 404);

/** A message-extension answer that shows a line of text. */
export const composeMessage = (text: string): InvokeAnswer => answer({ composeExtension: { type: 'message', text } });

/** A message-extension answer that lists cards to insert. */
export const composeResult = (attachments: unknown[]): InvokeAnswer =>
  answer({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments } });

/** The Universal Actions answer: a message shown on the card. */
export const universalMessage = (text: string): InvokeAnswer =>
  answer({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
