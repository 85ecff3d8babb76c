// The app and a dev tenant on ephemeral ports, configured exactly as
// `npm start` configures them, for integration and browser tests.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import type { DestinationStream, Logger } from 'pino';
import { Agent } from 'undici';
import { loadConfig, type Config } from '../../server/config.js';
import { createLogger } from '../../server/logging.js';
import { startApp, type StartedApp } from '../../server/main.js';
import { startTestDevTenant, type DemoUser, type TestDevTenant } from './devtenant.js';

export interface TestApp {
  url: string;
  appUrl: string;
  devTenantUrl: string;
  devTenant: TestDevTenant;
  config: Config;
  users: DemoUser[];
  routes: StartedApp['routes'];
  app: StartedApp;
  userToken(upn: string): Promise<string>;
  /**
   * A user token re-signed with the dev tenant's own key after changing claims,
   * e.g. `{ roles: [] }` for a person without any role (the seed gives everyone Participant).
   */
  tokenWithClaims(upn: string, changes: Record<string, unknown>): Promise<string>;
  /** Calls our API; `token` may be a UPN (a token is fetched) or a raw token. */
  request(
    pathAndQuery: string,
    init?: { token?: string; as?: string; method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; text: string; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Stops and starts the app (not the dev tenant) with the same configuration. */
  restart(): Promise<void>;
  close(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  devTenant?: TestDevTenant;
  /** Where logs go (default: silent). */
  logDestination?: DestinationStream;
  /** Built browser bundles to serve (default: E2E_WEB_ROOT, else dist/web). */
  webRoot?: string;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const devTenant = options.devTenant ?? (await startTestDevTenant());
  const ownsDevTenant = !options.devTenant;
  const config = loadConfig({
    LOG_LEVEL: options.logDestination ? 'debug' : 'silent',
    // The bot's scheduler ticks only where a test asks for it (its own clock and interval), never behind another test.
    RECIPROCAL_SCHEDULER: 'off',
    ...options.env,
    PORT: '0',
    DEV_TENANT_PORT: String(new URL(devTenant.url).port),
    DEV_TENANT_HTTPS_PORT: String(new URL(devTenant.httpsUrl).port),
    DATA_DIR:
      path.dirname(devTenant.dataDir) === os.tmpdir()
        ? mkdtempSync(path.join(os.tmpdir(), 'reciprocal-app-'))
        : path.dirname(devTenant.dataDir),
  });
  // The dev tenant keeps its certificate in its own data dir; point MSAL at it.
  config.identity.extraCaFile = devTenant.tlsCertificatePath;
  const logger: Logger = createLogger(config.logLevel, options.logDestination);
  // E2E_WEB_ROOT: bundles built elsewhere than dist/web (`vite build --outDir`), so a run need not rebuild the shared one.
  const webRoot = options.webRoot ?? process.env['E2E_WEB_ROOT'];
  const startOptions = { logger, ...(webRoot ? { webRoot } : {}) };
  let app = await startApp(config, startOptions);
  // Our own connection pool, renewed on restart so no request rides a socket of the stopped server.
  let dispatcher = new Agent();
  const tokens = new Map<string, string>();
  const userToken = async (upn: string) => {
    const cached = tokens.get(upn);
    if (cached) return cached;
    const t = await devTenant.tokenFor(upn);
    tokens.set(upn, t);
    return t;
  };
  const tokenWithClaims = async (upn: string, changes: Record<string, unknown>) => {
    const claims = JSON.parse(
      Buffer.from((await userToken(upn)).split('.')[1]!, 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    const saved = JSON.parse(readFileSync(path.join(devTenant.dataDir, 'signing-key.json'), 'utf8')) as {
      kid: string;
      privateJwk: JWK;
    };
    const key = await importJWK(saved.privateJwk, 'RS256');
    return new SignJWT({ ...claims, ...changes })
      .setProtectedHeader({ alg: 'RS256', kid: saved.kid, typ: 'JWT' })
      .sign(key);
  };
  const self: TestApp = {
    get url() {
      return app.url;
    },
    get appUrl() {
      return app.url;
    },
    devTenantUrl: devTenant.url,
    devTenant,
    config,
    users: devTenant.users,
    get routes() {
      return app.routes;
    },
    get app() {
      return app;
    },
    userToken,
    tokenWithClaims,
    async request(pathAndQuery, init = {}) {
      const token = init.token ?? (init.as ? await userToken(init.as) : undefined);
      const res = await fetch(`${app.url}${pathAndQuery}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body:
          init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
        dispatcher,
      } as RequestInit);
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: res.status, body, text, headers: res.headers };
    },
    async restart() {
      await app.close();
      await dispatcher.close();
      dispatcher = new Agent();
      config.http.port = Number(new URL(app.url).port);
      app = await startApp(config, startOptions);
    },
    async close() {
      await app.close();
      await dispatcher.close();
      if (ownsDevTenant) await devTenant.close();
    },
    stop() {
      return self.close();
    },
  };
  return self;
}
