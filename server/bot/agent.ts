// The Reciprocal bot and message extension (Microsoft 365 Agents SDK): search
// pairs and sessions, schedule a session from a dialog, and turn a chat
// message into an agenda item or a learning note, with the PHI guard in front.
// This module only composes the handlers; each concern has its own module.
import { AgentApplication, type TurnState } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { secondMs } from '../../src/core/time.js';
import type { ProgramStore } from '../graph/programStore.js';
import type { ProgramPorts } from '../program/ports.js';
import { actionItemVerbs } from './actionItems.js';
import type { InvokeHandler } from './answers.js';
import { answerCardActions } from './cardActions.js';
import { enrollmentCardVerbs } from './enrollmentCards.js';
import { growthCardVerbs } from './growthCards.js';
import { onMessage } from './messages.js';
import { operationsCardVerbs } from './operationsCards.js';
import { onInstalled } from './install.js';
import { onInvoke } from './invoke.js';
import { createPairSearch } from './search.js';
import { answerFetchTask, answerSubmitAction } from './taskInvokes.js';

export interface BotDeps {
  store: ProgramStore;
  /** What the use cases work over (the same ports the REST routes get). */
  ports: ProgramPorts;
  log: Logger;
  teamsAppId: string;
  publicUrl: string;
  now: () => number;
  /** Invokes must answer well inside Teams' 5 s (default 3 s). */
  invokeDeadlineMs?: number;
  /** How long a person's search data is reused between keystrokes (default 5 s). */
  searchCacheMs?: number;
}

export function createReciprocalAgent(deps: BotDeps): AgentApplication<TurnState> {
  // No storage: no handler keeps turn state (what the bot remembers lives in the program store), and
  // the SDK otherwise reads (and clones) conversation and user state from it for every activity.
  const agent = new AgentApplication<TurnState>({ startTypingTimer: false });
  const search = createPairSearch({
    store: deps.store,
    now: deps.now,
    teamsAppId: deps.teamsAppId,
    cacheMs: deps.searchCacheMs ?? 5 * secondMs,
  });
  const noteDeps = {
    store: deps.store,
    now: deps.now,
    teamsAppId: deps.teamsAppId,
    changed: (viewer: string) => search.forget(viewer),
  };
  const invokes = new Map<string, InvokeHandler>([
    ['composeExtension/query', search.answerQuery],
    ['composeExtension/fetchTask', answerFetchTask(noteDeps)],
    ['composeExtension/submitAction', answerSubmitAction(noteDeps)],
    [
      'adaptiveCard/action',
      answerCardActions(
        new Map([
          ...actionItemVerbs(noteDeps),
          ...operationsCardVerbs(deps),
          ...enrollmentCardVerbs(deps),
          ...growthCardVerbs(deps),
        ]),
      ),
    ],
  ]);
  agent.onConversationUpdate('membersAdded', onInstalled(deps));
  agent.onActivity('message', onMessage(deps));
  agent.onActivity('invoke', onInvoke(invokes, { deadlineMs: deps.invokeDeadlineMs ?? 3 * secondMs, log: deps.log }));
  return agent;
}
