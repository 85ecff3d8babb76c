// Every API route of the app, in one list. The router enforces each route's
// declared role; test/integration/roles.test.ts enumerates this list.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { TokenSource } from '../auth/tokens.js';
import type { GraphGateway } from '../graph/client.js';
import { meRoutes, type ParticipantLookup } from './me.js';
import type { RouteDeclaration } from './route.js';

export interface AppServices {
  config: Config;
  log: Logger;
  tokens: TokenSource;
  graph: GraphGateway;
  participants: ParticipantLookup | null;
}

export function allRoutes(s: AppServices): RouteDeclaration[] {
  return [...meRoutes({ graph: s.graph.client, participants: s.participants })];
}
