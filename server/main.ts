// The composition root: the only place that builds clients and services and
// hands them their dependencies. Configuration decides real tenant or dev tenant.
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Logger } from 'pino';
import { apiScopeName, createBearerValidator, type BearerValidator } from './auth/bearer.js';
import { createTokenSource, graphDefaultScope } from './auth/tokens.js';
import type { Config } from './config.js';
import { createGraphClient } from './graph/client.js';
import { ProgramStore } from './graph/programStore.js';
import { allRoutes, programPorts, type AppServices } from './api/index.js';
import { devLandingRouter, missingBundlePage, tenantLandingRouter } from './api/landing.js';
import type { RouteDeclaration } from './api/route.js';
import { mountRoutes } from './api/router.js';
import { createReciprocalAgent } from './bot/agent.js';
import { mountBot, type MountedBot } from './bot/endpoint.js';
import { mountHealth } from './health.js';
import { createLogger } from './logging.js';
import { startScheduler, type RunningScheduler, type SchedulerOptions } from './program/operations/scheduler.js';
import { createDeliver, type ProactiveAdapter } from './program/operations/sender.js';
import { requestSpans, startTelemetry, traceActivities } from './telemetry.js';

export interface StartedApp {
  url: string;
  routes: ReadonlyArray<Pick<RouteDeclaration, 'method' | 'path' | 'access' | 'summary'>>;
  services: AppServices;
  /** The bot's adapter (proactive messages go through it). */
  bot: MountedBot;
  /** The proactive-message scheduler, unless switched off. */
  scheduler: RunningScheduler | null;
  close(): Promise<void>;
}

/** Where Vite writes the browser bundles (`npm run build:web`). */
export const defaultWebRoot = fileURLToPath(new URL('../dist/web', import.meta.url));

/** The scope the browser asks for to call our API. */
export function apiScope(config: Config): string {
  return `${config.identity.applicationIdUri}/${apiScopeName}`;
}

export interface StartAppOptions {
  logger?: Logger;
  /** The built browser bundles; defaults to dist/web. */
  webRoot?: string;
  /**
   * The proactive-message scheduler: false switches it off; otherwise its
   * settings (defaults: every SCHEDULER_INTERVAL_SECONDS, 60, of the wall clock;
   * RECIPROCAL_SCHEDULER=off in the environment switches it off too).
   */
  scheduler?: false | (Partial<Omit<SchedulerOptions, 'deliver'>> & { intervalMs?: number; now?: () => number });
}

/** Starts the one sender of proactive messages (server/program/operations/scheduler.ts) after listen. */
async function startOperations(
  services: AppServices,
  bot: MountedBot,
  log: Logger,
  opts: StartAppOptions['scheduler'],
): Promise<RunningScheduler | null> {
  if (opts === false || (opts === undefined && !services.config.scheduler.enabled)) return null;
  const seconds = services.config.scheduler.intervalSeconds;
  const ports = { ...programPorts(services), now: opts?.now ?? services.now };
  const deliver = createDeliver({
    ports,
    adapter: bot.adapter as unknown as ProactiveAdapter,
    botAppId: services.config.bot.id,
    log,
  });
  // Loaded only when they run: a caller with its own planners (tests, benchmarks) does not load these.
  const planners =
    opts?.planners ??
    (await import('./program/operations/planners.js')).createDuePlanners({
      orgTimeZone: services.config.orgTimeZone,
      appClientId: services.config.identity.clientId,
    });
  return startScheduler(ports, {
    planners,
    instanceId: `${os.hostname()}:${process.pid}`,
    intervalMs: seconds * 1000,
    log,
    ...opts,
    deliver,
  });
}

/** In embedded mode, tells the dev tenant's channel where this bot listens (the Azure Bot resource's messaging endpoint). */
async function registerWithDevChannel(config: Config, url: string, log: Logger): Promise<void> {
  if (!config.devTenant) return;
  try {
    await fetch(`${config.devTenant.url}/botframework/bots/${encodeURIComponent(config.bot.id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messagingEndpoint: `${url}/api/messages` }),
    });
  } catch (err) {
    log.warn({ bot: { error: err instanceof Error ? err.message : String(err) } }, 'dev channel registration failed');
  }
}

/** Graph clients, token validation and the program store: what routes, bot and use cases are handed. */
function buildServices(config: Config, log: Logger): { services: AppServices; validate: BearerValidator } {
  const tokens = createTokenSource(config);
  const trustedCaPem = config.identity.extraCaFile ? readFileSync(config.identity.extraCaFile, 'utf8') : null;
  const graphAs = (getAccessToken: () => Promise<string>) =>
    createGraphClient({ baseUrl: config.graph.baseUrl, getAccessToken, logger: log, trustedCaPem });
  const graph = graphAs(() => tokens.appToken(graphDefaultScope));
  const validate = createBearerValidator({
    issuer: config.identity.issuer,
    jwksUri: config.identity.jwksUri,
    audiences: config.identity.apiAudiences,
    tenantId: config.tenantId,
  });
  const store = new ProgramStore(graph.client, config.programSite);
  const delegatedGraph = (caller: { accessToken: string }) =>
    graphAs(() => tokens.onBehalfOf(caller.accessToken, graphDefaultScope)).client;
  const services: AppServices = {
    config,
    log,
    tokens,
    graph,
    participants: store,
    store,
    delegatedGraph,
    now: Date.now,
  };
  return { services, validate };
}

/** Method, path (ids elided), status and time of each request: never headers, query or body. */
function requestLog(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Under load (the message extension's searches) a listener per request costs, and a quieter level drops the line anyway.
    if (!log.isLevelEnabled('info')) return next();
    res.on('finish', () =>
      log.info(
        {
          requestId: res.getHeader('x-request-id'),
          http: {
            method: req.method,
            path: req.originalUrl.split('?')[0]!.replace(/[0-9a-f-]{36}/gi, '{id}'),
            status: res.statusCode,
            ms: Math.round(performance.now() - started),
          },
        },
        'request',
      ),
    );
    next();
  };
}

/** What the browser bundles need to sign in and call the API. */
function clientConfig(config: Config) {
  return {
    mode: config.mode,
    tenantId: config.tenantId,
    clientId: config.identity.clientId,
    apiScope: apiScope(config),
    authority: `${config.mode === 'tenant' ? config.identity.authorityHost : 'https://login.microsoftonline.com'}/${config.tenantId}`,
    devSignIn: config.devTenant !== null,
  };
}

// Office appends `_host_Info` to the add-in's page URL. There, Office.js is
// referenced from the page's <head>, as Office requires ("You must reference
// the Office JavaScript API from inside the <head> section of the page to
// ensure that the API is fully initialized prior to any body elements"):
// https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
// A plain browser tab gets the page without it and never waits for Microsoft's CDN.
export const officeJsUrl = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const officeHosted = (query: express.Request['query']) => typeof query['_host_Info'] === 'string';
const withOfficeJs = (page: string) =>
  readFileSync(page, 'utf8').replace(
    /<head>/i,
    `<head>\n    <script src="${officeJsUrl}" type="text/javascript"></script>`,
  );

/** The landing page, the browser bundles (tab, task pane) and plain-text answers for anything else. */
function mountPages(app: express.Express, config: Config, webRoot: string, log: Logger): void {
  if (config.devTenant) {
    app.use(
      devLandingRouter({
        devTenantUrl: config.devTenant.url,
        tenantId: config.tenantId,
        clientId: config.identity.clientId,
        apiScope: apiScope(config),
      }),
    );
  } else {
    app.use(tenantLandingRouter());
  }
  app.use(
    '/assets',
    express.static(path.join(webRoot, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  for (const surface of ['tab', 'outlook']) {
    const page = path.join(webRoot, 'src', surface, 'index.html');
    // Client-side routes (/tab/pairs/:id) all get the surface's page, whatever the rest of the path is
    // (not decoded here: a malformed %-sequence in an id is for the page to explain, not a 400).
    app.use(`/${surface}`, (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (!existsSync(page)) return void res.status(503).type('html').send(missingBundlePage(surface));
      res.setHeader('Cache-Control', 'no-cache');
      if (surface === 'outlook' && officeHosted(req.query)) return void res.type('html').send(withOfficeJs(page));
      res.sendFile(page);
    });
  }
  app.use(express.static(webRoot, { index: false }));
  app.use((req, res) => void res.status(404).type('text/plain').send(`Not found: ${req.method} ${req.path}`));
  app.use(
    (
      err: { status?: number; statusCode?: number; message?: string },
      req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = err.status ?? err.statusCode ?? 500;
      if (status >= 500) log.error({ err: err.message, path: req.path }, 'page request failed');
      res
        .status(status)
        .type('text/plain')
        .send(
          status === 404
            ? `Not found: ${req.method} ${req.path}`
            : status >= 500
              ? 'Something went wrong on our side.'
              : 'The request could not be served.',
        );
    },
  );
}

export async function startApp(config: Config, opts: StartAppOptions = {}): Promise<StartedApp> {
  const log = opts.logger ?? createLogger(config.logLevel);
  // Before any client is built, so every span reaches Application Insights (when configured).
  const telemetry = await startTelemetry(config);
  const { services, validate } = buildServices(config, log);
  const routes = allRoutes(services);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLog(log));
  app.use(requestSpans());
  const health = mountHealth(app, services);
  app.get('/api/client-config', (_req, res) => void res.json(clientConfig(config)));

  // The bot before the REST router, whose catch-all answers unknown /api paths (/api/messages too) with 404.
  const bot = mountBot(app, {
    config,
    log,
    agent: traceActivities(
      createReciprocalAgent({
        store: services.store,
        ports: programPorts(services),
        log,
        teamsAppId: config.teamsAppId,
        publicUrl: config.http.publicUrl,
        now: Date.now,
      }),
    ),
  });
  // The REST API: every route module is listed in server/api/index.ts.
  mountRoutes(app, routes, { validate, log });
  mountPages(app, config, opts.webRoot ?? defaultWebRoot, log);

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.http.port, config.http.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.http.host}:${port}`;
  await registerWithDevChannel(config, url, log);
  const scheduler = await startOperations(services, bot, log, opts.scheduler);
  return {
    url,
    routes: routes.map((r) => ({ method: r.method, path: r.path, access: r.access, summary: r.summary })),
    services,
    bot,
    scheduler,
    close: async () => {
      await scheduler?.stop();
      await health.drain(server);
      await telemetry.stop();
    },
  };
}
