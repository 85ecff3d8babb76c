// The embedded Microsoft 365 stand-in: a Graph-compatible API under /v1.0 and
// an OpenID Connect issuer per tenant, on loopback, persisted in SQLite.
// The app never imports this module; it is started beside the app.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { generate } from 'selfsigned';
import { z } from 'zod';
import { GraphError, graphErrorBody, sendGraphError } from './graphErrors.js';
import { runBatch } from './graph/batch.js';
import { calendarRoutes } from './graph/calendar.js';
import { chatRoutes } from './graph/chats.js';
import { GraphDispatcher, type GraphCaller } from './graph/dispatch.js';
import { sharePointRoutes } from './graph/sharepoint.js';
import { directoryRoutes } from './graph/users.js';
import { Identity, foreignUser } from './identity.js';
import { seedDemoOrganization, syntheticPeople } from './seed.js';
import { DevTenantStore } from './store.js';
import { Traffic, type DevTenantFaults, type DevTenantStats } from './traffic.js';

export type { DevTenantFaults, DevTenantStats } from './traffic.js';

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

async function loadOrCreateTls(dataDir: string): Promise<{ key: string; cert: string; certPath: string }> {
  const certPath = path.join(dataDir, 'tls-cert.pem');
  const keyPath = path.join(dataDir, 'tls-key.pem');
  if (existsSync(certPath) && existsSync(keyPath))
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath };
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert, certPath };
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

const FaultsPatch = z.object({
  probability429: z.number().min(0).max(1).optional(),
  probability503: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  retryAfterSeconds: z.number().min(0).max(120).optional(),
  mailboxConcurrencyLimit: z.number().int().min(1).max(1000).optional(),
  randomSeed: z.number().int().optional(),
});

export async function startDevTenant(o: DevTenantOptions): Promise<RunningDevTenant> {
  const host = o.host ?? '127.0.0.1';
  const now = o.now ?? (() => new Date());
  mkdirSync(o.dataDir, { recursive: true });
  const store = new DevTenantStore(o.dataDir);
  if (store.userCount() === 0) seedDemoOrganization(store, now());
  const identity = await Identity.create({
    dataDir: o.dataDir,
    tenantId: o.tenantId,
    foreignTenantId: o.foreignTenantId,
    clients: { [o.clientId]: o.clientSecret, [o.botId]: o.clientSecret },
    store,
    now,
  });
  const traffic = new Traffic(o.faults);
  const dispatcher = new GraphDispatcher(traffic);
  dispatcher.add(directoryRoutes(store));
  dispatcher.add(calendarRoutes({ store, tenantId: o.tenantId, now }));
  dispatcher.add(sharePointRoutes({ store, now }));
  dispatcher.add(chatRoutes({ store, tenantId: o.tenantId, now }));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/', (_req, res) => {
    res.json({
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
    });
  });
  app.use(identity.router());

  const admin = express.Router();
  admin.use(express.json({ limit: '1mb' }));
  admin.post('/faults', (req, res) => {
    const parsed = FaultsPatch.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({
        error: {
          code: 'invalid_request',
          message: `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
        },
      });
    traffic.setFaults(parsed.data);
    res.json(traffic.current());
  });
  admin.get('/stats', (_req, res) => res.json(traffic.stats()));
  admin.post('/stats/reset', (_req, res) => {
    traffic.resetStats();
    res.json(traffic.stats());
  });
  admin.post('/synthetic-people', (req, res) => {
    const parsed = z
      .object({
        count: z.number().int().min(1).max(20_000),
        weeks: z.number().int().min(1).max(9).default(2),
        seed: z.number().int().min(1).max(1000).default(1),
      })
      .safeParse(req.body);
    if (!parsed.success)
      return void res
        .status(400)
        .json({ error: { code: 'invalid_request', message: parsed.error.issues[0]!.message } });
    const { users, events } = syntheticPeople(parsed.data.count, now(), parsed.data.weeks, parsed.data.seed);
    const fresh = users.filter((u) => !store.findUser(u.id));
    store.insertUsers(fresh);
    store.insertEvents(events.filter((e) => fresh.some((u) => u.id === e.owner)));
    res.json({ users: users.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, timeZone: u.timeZone })) });
  });
  app.use('/_admin', admin);

  const graph = express.Router();
  graph.use(express.json({ limit: '4mb', type: ['application/json', 'application/*+json'] }));
  graph.use(async (req: Request, res: Response) => {
    const baseUrl = `${req.protocol}://${req.get('host')}/v1.0`;
    const clientRequestId = req.get('client-request-id') ?? undefined;
    let caller: GraphCaller;
    try {
      caller = await identity.verifyGraphToken(req.get('authorization'));
    } catch (err) {
      const message =
        err instanceof Error && /empty/.test(err.message)
          ? 'Access token is empty.'
          : 'Access token validation failure. Invalid audience, issuer, signature or lifetime.';
      return sendGraphError(
        res,
        new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': 'Bearer realm=""' }),
        clientRequestId,
      );
    }
    const url = new URL(req.originalUrl, 'http://graph.local');
    const subPath = url.pathname.replace(/^\/v1\.0/, '') || '/';
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    let result;
    if (subPath === '/$batch' && req.method === 'POST') {
      traffic.count('batch', false);
      try {
        await traffic.delay();
        traffic.injectFault();
        result = await runBatch(dispatcher, req.body, caller, baseUrl);
      } catch (err) {
        if (err instanceof GraphError) return sendGraphError(res, err, clientRequestId);
        throw err;
      }
    } else {
      result = await dispatcher.dispatch(
        { method: req.method, path: subPath, query: url.searchParams, headers, body: req.body, caller, baseUrl },
        false,
      );
    }
    for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
    if (result.body === undefined) return void res.status(result.status).end();
    res.status(result.status).json(result.body);
  });
  app.use('/v1.0', graph);

  app.use((req, res) =>
    res.status(404).json(graphErrorBody('NotFound', `No dev-tenant endpoint at ${req.method} ${req.path}.`)),
  );
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const isJson =
      err instanceof SyntaxError ||
      (typeof err === 'object' && err !== null && (err as { type?: string }).type === 'entity.parse.failed');
    if (isJson)
      return void res
        .status(400)
        .json(
          graphErrorBody(
            'BadRequest',
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
          ),
        );
    if (typeof err === 'object' && err !== null && (err as { type?: string }).type === 'entity.too.large')
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
  });

  const tls = await loadOrCreateTls(o.dataDir);
  const httpServer = http.createServer(app);
  const httpsServer = https.createServer({ key: tls.key, cert: tls.cert }, app);
  const port = await listen(httpServer, o.port, host);
  const httpsPort = await listen(httpsServer, o.httpsPort, host);
  const url = `http://${host}:${port}`;
  // Like Entra's, the issuer is an https URL; MSAL checks the discovery document's issuer against its https authority.
  identity.issuerBase = `https://${host}:${httpsPort}`;

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
