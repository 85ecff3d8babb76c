// What the use cases work over, built once in the composition root
// (server/main.ts) and handed to the REST routes, the bot and the CLI alike.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Caller } from '../auth/caller.js';
import type { GraphGateway } from '../graph/client.js';
import type { ProgramStore } from '../graph/programStore.js';

export interface ProgramPorts {
  store: ProgramStore;
  graph: GraphGateway;
  /** A Graph client acting as the signed-in user (on-behalf-of), for what only a user may do (post in chats). */
  delegatedGraph: (caller: Caller) => Client;
  /** The Teams app id, for deep links into the tab from cards. */
  teamsAppId: string;
  now: () => number;
}

/** The current instant as the ISO string records carry. */
export const nowIso = (ports: Pick<ProgramPorts, 'now'>): string => new Date(ports.now()).toISOString();
