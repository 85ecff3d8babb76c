// Every API route of the app, in one list. The router enforces each route's
// declared role; test/integration/roles.test.ts enumerates this list.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { TokenSource } from '../auth/tokens.js';
import type { GraphGateway } from '../graph/client.js';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ProgramStore } from '../graph/programStore.js';
import { dashboardRoutes } from './dashboard.js';
import { meRoutes, type ParticipantLookup } from './me.js';
import { outlookRoutes } from './outlook.js';
import { programRoutes } from './program.js';
import { programAgendaSource } from './booking.js';
import { schedulingRoutes } from './scheduling.js';
import type { Caller, RouteDeclaration } from './route.js';

export interface AppServices {
  config: Config;
  log: Logger;
  tokens: TokenSource;
  graph: GraphGateway;
  participants: ParticipantLookup | null;
  store: ProgramStore;
  delegatedGraph: (caller: Caller) => Client;
  now: () => number;
}

export function allRoutes(s: AppServices): RouteDeclaration[] {
  return [
    ...meRoutes({ graph: s.graph.client, participants: s.participants }),
    // Before programRoutes: /api/sessions/by-event must not be taken for /api/sessions/:id.
    ...outlookRoutes({ store: s.store, graph: s.graph, now: s.now }),
    ...programRoutes({
      store: s.store,
      graph: s.graph,
      delegatedGraph: s.delegatedGraph,
      publicUrl: s.config.http.publicUrl,
      teamsAppId: s.config.teamsAppId,
      now: s.now,
    }),
    ...dashboardRoutes({ store: s.store, graph: s.graph.client, orgTimeZone: s.config.orgTimeZone, now: s.now }),
    ...schedulingRoutes({
      graph: s.graph,
      pairs: s.store,
      sessions: s.store,
      agenda: programAgendaSource(s.store),
      now: s.now,
      log: s.log,
    }),
  ];
}
