// The composition root: the only place that builds clients and services and
// hands them their dependencies. Configuration decides real tenant or dev tenant.
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Logger } from 'pino';
import { createBearerValidator } from './auth/bearer.js';
import { createTokenSource, graphDefaultScope } from './auth/tokens.js';
import type { Config } from './config.js';
import { createGraphClient } from './graph/client.js';
import { ProgramStore } from './graph/programStore.js';
import { allRoutes, type AppServices } from './api/index.js';
import { devLandingRouter, tenantLandingRouter } from './api/landing.js';
import type { RouteDeclaration } from './api/route.js';
import { mountRoutes } from './api/router.js';
import { createLogger } from './logging.js';

export interface StartedApp {
  url: string;
  routes: ReadonlyArray<Pick<RouteDeclaration, 'method' | 'path' | 'access' | 'summary'>>;
  services: AppServices;
  close(): Promise<void>;
}

const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));

/** The scope the browser asks for to call our API. */
export function apiScope(config: Config): string {
  return `${config.identity.apiAudiences[1] ?? config.identity.clientId}/access_as_user`;
}

export async function startApp(config: Config, opts: { logger?: Logger } = {}): Promise<StartedApp> {
  const log = opts.logger ?? createLogger(config.logLevel);
  const tokens = createTokenSource(config);
  const trustedCaPem = config.identity.extraCaFile ? readFileSync(config.identity.extraCaFile, 'utf8') : null;
  const graph = createGraphClient({ baseUrl: config.graph.baseUrl, getAccessToken: () => tokens.appToken(graphDefaultScope), logger: log, trustedCaPem });
  const validate = createBearerValidator({ issuer: config.identity.issuer, jwksUri: config.identity.jwksUri, audiences: config.identity.apiAudiences, tenantId: config.tenantId });
  const store = new ProgramStore(graph.client, config.programSite);
  const delegatedGraph = (caller: { accessToken: string }) =>
    createGraphClient({ baseUrl: config.graph.baseUrl, getAccessToken: () => tokens.onBehalfOf(caller.accessToken, graphDefaultScope), logger: log, trustedCaPem }).client;
  const services: AppServices = { config, log, tokens, graph, participants: store, store, delegatedGraph, now: Date.now };
  const routes = allRoutes(services);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => log.info({ http: { method: req.method, path: req.path.replace(/[0-9a-f-]{36}/gi, '{id}'), status: res.statusCode, ms: Math.round(performance.now() - started) } }, 'request'));
    next();
  });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/api/client-config', (_req, res) => {
    res.json({ mode: config.mode, tenantId: config.tenantId, clientId: config.identity.clientId, apiScope: apiScope(config), authority: `${config.mode === 'tenant' ? config.identity.authorityHost : 'https://login.microsoftonline.com'}/${config.tenantId}`, devSignIn: config.devTenant !== null });
  });
  mountRoutes(app, routes, { validate, log });
  if (config.devTenant) {
    app.use(devLandingRouter({ devTenantUrl: config.devTenant.url, tenantId: config.tenantId, clientId: config.identity.clientId, apiScope: apiScope(config) }));
  } else {
    app.use(tenantLandingRouter());
  }
  if (existsSync(webRoot)) {
    app.use('/assets', express.static(`${webRoot}/assets`, { immutable: true, maxAge: '1y' }));
    for (const surface of ['tab', 'outlook']) {
      const page = `${webRoot}/src/${surface}/index.html`;
      app.get([`/${surface}`, `/${surface}/*rest`], (_req, res) => (existsSync(page) ? res.sendFile(page) : res.status(404).type('text/plain').send(`The ${surface} bundle is missing. Run npm run build:web.`)));
    }
    app.use(express.static(webRoot, { index: false }));
  } else {
    app.get(['/tab', '/tab/*rest', '/outlook', '/outlook/*rest'], (_req, res) => void res.status(503).type('text/plain').send('The browser bundles are not built yet. Run `npm run build:web` (npm start does it for you).'));
  }

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.http.port, config.http.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.http.host}:${port}`,
    routes: routes.map(({ method, path, access, summary }) => ({ method, path, access, summary })),
    services,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
