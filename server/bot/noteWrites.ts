// The bot's writes to the caller's own note go through the same note use cases
// as REST's (server/program/notes.ts: PHI guard, merge on concurrent saves,
// idempotent by what is written); this turns their expected failures into
// what the bot says in a chat.
import { errorCodes } from '../../src/core/api.js';
import type { NoteStore } from '../program/notes.js';
import { ApiProblem } from '../program/problem.js';

/** What the bot's note writes need of the program store. */
export type BotNoteStore = NoteStore;

/** The kinds of patient identifier a 422 names, e.g. "mrn, name". */
export function flaggedKinds(problem: ApiProblem): string {
  const findings = (problem.details as { findings?: Array<{ kind: string }> } | undefined)?.findings ?? [];
  return [...new Set(findings.map((f) => f.kind))].join(', ');
}

/**
 * Runs a note write; an expected failure (an `ApiProblem`) becomes the text
 * `say` picks for it, anything else is a bug and is thrown on.
 */
export async function botNoteWrite<T>(
  write: () => Promise<T>,
  say: (problem: ApiProblem) => string,
): Promise<{ done: T } | { said: string }> {
  try {
    return { done: await write() };
  } catch (err) {
    if (err instanceof ApiProblem) return { said: say(err) };
    throw err;
  }
}

/** What the bot says for a problem no write-specific text covers: the use case's own message. */
export const plainMessage = (problem: ApiProblem): string =>
  problem.code === errorCodes.preconditionFailed ? 'Your note changed at the same moment; try again.' : problem.message;
