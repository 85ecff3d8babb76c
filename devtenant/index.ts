// The embedded Microsoft 365 stand-in: a Graph-compatible API under /v1.0 and
// an OpenID Connect issuer per tenant, on loopback, persisted in SQLite.
// The app never imports this module; it is started beside the app.
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { adminRouter } from './admin.js';
import { BotFrameworkChannel } from './channel.js';
import { AppRegistrationStore, type AppRegistration } from './appRegistration.js';
import { graphErrorBody } from './graphErrors.js';
import { calendarRoutes } from './graph/calendar/index.js';
import { chatRoutes } from './graph/chats.js';
import { groupRoutes } from './graph/groups.js';
import { GraphDispatcher } from './graph/dispatch.js';
import { graphRouter } from './graph/router.js';
import { roleAssignmentRoutes } from './graph/roleAssignments.js';
import { sharePointRoutes } from './graph/sharepoint/index.js';
import { devCatalogAppId, teamsAppRoutes } from './graph/teamsApps.js';
import { directoryRoutes } from './graph/users.js';
import { Identity, foreignUser } from './identity.js';
import { seedDemoOrganization } from './seed.js';
import { DevTenantStore } from './store.js';
import { loadOrCreateTls } from './tls.js';
import { Traffic, type DevTenantFaults, type DevTenantStats } from './traffic.js';

export type { DevTenantFaults, DevTenantStats } from './traffic.js';
export { defaultAppRegistration, type AppRegistration } from './appRegistration.js';
export { channelClient, channelPath, connectorPath, personalConversationId, type SentActivity } from './channel.js';
export { devCatalogAppId } from './graph/teamsApps.js';

export interface DevTenantOptions {
  host?: string;
  port: number;
  httpsPort: number;
  dataDir: string;
  tenantId: string;
  foreignTenantId: string;
  clientId: string;
  clientSecret: string;
  botId: string;
  faults?: Partial<DevTenantFaults>;
  /** The app registration's consented permissions and token version (defaults: `defaultAppRegistration`). */
  appRegistration?: Partial<AppRegistration>;
  /** The org-catalog id of the app whose bot is `botId` (default: `devCatalogAppId`, TEAMS_APP_ID in embedded mode). */
  teamsAppId?: string;
  now?: () => Date;
}

export interface RunningDevTenant {
  url: string;
  httpsUrl: string;
  tenantId: string;
  foreignTenantId: string;
  /** PEM of the https listener's self-signed certificate. */
  tlsCertificatePath: string;
  setFaults(f: Partial<DevTenantFaults>): void;
  stats(): DevTenantStats;
  resetStats(): void;
  close(): Promise<void>;
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** `GET /`: the tenant ids and the demo people, for sign-in pages, scripts and tests. */
function rootListing(o: DevTenantOptions, store: DevTenantStore) {
  return {
    tenantId: o.tenantId,
    foreignTenantId: o.foreignTenantId,
    foreignUser: { userPrincipalName: foreignUser.upn, displayName: foreignUser.name },
    users: store.allUsers().map((u) => ({
      id: u.id,
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName,
      department: u.department,
      roles: u.roles,
      careerStage: u.careerStage,
      timeZone: u.timeZone,
      jobTitle: u.jobTitle,
      managerId: u.managerId,
    })),
  };
}

const errorType = (err: unknown) =>
  typeof err === 'object' && err !== null ? (err as { type?: string }).type : undefined;

/** Body-parser failures read as Graph's; anything else is a 500 with a Graph-shaped body. */
function requestFailed(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof SyntaxError || errorType(err) === 'entity.parse.failed')
    return void res
      .status(400)
      .json(
        graphErrorBody(
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        ),
      );
  if (errorType(err) === 'entity.too.large')
    return void res.status(413).json(graphErrorBody('RequestEntityTooLarge', 'The request payload is too large.'));
  res
    .status(500)
    .json(
      graphErrorBody(
        'InternalServerError',
        err instanceof Error ? err.message : 'unexpected failure',
        req.get('client-request-id') ?? undefined,
      ),
    );
}

export async function startDevTenant(o: DevTenantOptions): Promise<RunningDevTenant> {
  const host = o.host ?? '127.0.0.1';
  const now = o.now ?? (() => new Date());
  mkdirSync(o.dataDir, { recursive: true });
  const store = new DevTenantStore(o.dataDir);
  if (store.userCount() === 0) seedDemoOrganization(store, now());
  const registration = new AppRegistrationStore(o.appRegistration);
  const identity = await Identity.create({
    dataDir: o.dataDir,
    tenantId: o.tenantId,
    foreignTenantId: o.foreignTenantId,
    clients: { [o.clientId]: o.clientSecret, [o.botId]: o.clientSecret },
    store,
    registration,
    now,
  });
  const channel = await BotFrameworkChannel.create({
    dataDir: o.dataDir,
    botIds: [o.botId],
    verifyBotToken: (token) => identity.verify(token, o.tenantId, 'https://api.botframework.com'),
    now,
    store,
    tenantId: o.tenantId,
  });
  const traffic = new Traffic(o.faults);
  const dispatcher = new GraphDispatcher(traffic);
  dispatcher.add(directoryRoutes(store));
  dispatcher.add(calendarRoutes({ store, tenantId: o.tenantId, now }));
  dispatcher.add(sharePointRoutes({ store, now }));
  dispatcher.add(chatRoutes({ store, tenantId: o.tenantId, now }));
  dispatcher.add(groupRoutes(store));
  dispatcher.add(roleAssignmentRoutes({ store, appId: o.clientId, now }));
  dispatcher.add(
    teamsAppRoutes({
      store,
      catalogAppId: o.teamsAppId ?? devCatalogAppId,
      onInstalled: (installation) => channel.announceInstall(installation),
    }),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/', (_req, res) => res.json(rootListing(o, store)));
  // Before the identity router, whose `/:tid/...` routes would take `/botframework/...` for a tenant.
  app.use(channel.router());
  app.use(identity.router());
  app.use('/_admin', adminRouter({ traffic, store, registration, now }));
  app.use('/v1.0', graphRouter(identity, dispatcher, traffic));
  app.use((req, res) =>
    res.status(404).json(graphErrorBody('NotFound', `No dev-tenant endpoint at ${req.method} ${req.path}.`)),
  );
  app.use(requestFailed);

  const tls = await loadOrCreateTls(o.dataDir);
  const httpServer = http.createServer(app);
  const httpsServer = https.createServer({ key: tls.key, cert: tls.cert }, app);
  const port = await listen(httpServer, o.port, host);
  const httpsPort = await listen(httpsServer, o.httpsPort, host);
  const url = `http://${host}:${port}`;
  // Like Entra's, the issuer is an https URL; MSAL checks the discovery document's issuer against its https authority.
  identity.issuerBase = `https://${host}:${httpsPort}`;
  channel.issuerBase = identity.issuerBase;
  channel.serviceBase = url;

  return {
    url,
    httpsUrl: `https://${host}:${httpsPort}`,
    tenantId: o.tenantId,
    foreignTenantId: o.foreignTenantId,
    tlsCertificatePath: tls.certPath,
    setFaults: (f) => traffic.setFaults(f),
    stats: () => traffic.stats(),
    resetStats: () => traffic.resetStats(),
    close: async () => {
      httpServer.closeAllConnections();
      httpsServer.closeAllConnections();
      await Promise.all([new Promise((r) => httpServer.close(r)), new Promise((r) => httpsServer.close(r))]);
      store.close();
    },
  };
}

/** Wipes the dev tenant and seeds the demo organization again (`reciprocal seed --reset`). */
export async function reseedDevTenant(o: { dataDir: string; now?: () => Date }): Promise<void> {
  mkdirSync(o.dataDir, { recursive: true });
  const store = new DevTenantStore(o.dataDir);
  try {
    store.wipe();
    seedDemoOrganization(store, (o.now ?? (() => new Date()))());
  } finally {
    store.close();
  }
}
