// Every API route of the app, in one list. The router enforces each route's
// declared role; test/integration/roles.test.ts enumerates this list.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller.js';
import type { TokenSource } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { GraphGateway } from '../graph/client.js';
import type { ProgramStore } from '../graph/programStore.js';
import { programAgendaSource } from '../program/agenda.js';
import type { ParticipantLookup } from '../program/directory.js';
import type { ProgramPorts } from '../program/ports.js';
import { dashboardRoutes } from './dashboard.js';
import { enrollmentRoutes } from './enrollment.js';
import { growthRoutes } from './growth.js';
import { meetingRoutes } from './meetings.js';
import { meRoutes } from './me.js';
import { noteRoutes } from './notes.js';
import { operationsRoutes } from './operations.js';
import { outlookRoutes } from './outlook.js';
import { pairRoutes } from './pairs.js';
import { programRoutes } from './program.js';
import type { RouteDeclaration } from './route.js';
import { schedulingRoutes } from './scheduling.js';
import { sessionRoutes } from './sessions.js';
import { openGoalsForAgenda } from '../program/growth/goals.js';

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

/** The use cases' ports, from the app's services. */
export const programPorts = (services: AppServices): ProgramPorts => ({
  store: services.store,
  graph: services.graph,
  delegatedGraph: services.delegatedGraph,
  teamsAppId: services.config.teamsAppId,
  now: services.now,
});

export function allRoutes(services: AppServices): RouteDeclaration[] {
  const ports = programPorts(services);
  return [
    ...meRoutes({ graph: services.graph.client, participants: services.participants }),
    // Before sessionRoutes: /api/sessions/by-event must not be taken for /api/sessions/:id.
    ...outlookRoutes(ports),
    ...meetingRoutes(ports),
    ...pairRoutes(ports),
    ...sessionRoutes(ports),
    ...noteRoutes(ports),
    ...programRoutes(ports),
    ...enrollmentRoutes(ports),
    ...growthRoutes(ports),
    ...operationsRoutes(ports),
    ...dashboardRoutes({
      store: services.store,
      graph: services.graph.client,
      orgTimeZone: services.config.orgTimeZone,
      now: services.now,
    }),
    ...schedulingRoutes({
      graph: services.graph,
      pairs: services.store,
      sessions: services.store,
      agenda: programAgendaSource(services.store, (pair) => openGoalsForAgenda({ store: services.store }, pair)),
      now: services.now,
      log: services.log,
    }),
  ];
}
