// Liveness and readiness for the platform, and how the server stops.
// /healthz: the process answers (and which build it is, so `reciprocal doctor`
// can compare a deployment with this build). /readyz: it can serve (token keys
// loaded, Graph reachable, program lists provisioned); a load balancer sends
// traffic only to ready instances. drain: stop taking requests, finish those
// under way (bounded), give the job leases up so another instance resumes them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import { z } from 'zod';
import type { AppServices } from './api/index.js';
import { scheduleJobsFor } from './program/departmentJobs.js';

export interface Health {
  /** Stops taking requests, lets those under way finish (bounded), releases job leases; resolves when closed. */
  drain(server: Server): Promise<void>;
}

export interface HealthOptions {
  /** How long requests under way may take to finish once a shutdown starts (default 10 s). */
  drainMs?: number;
  /** How long one readiness check may take (default 5 s). */
  checkMs?: number;
  /** How long a readiness answer is reused (default 5 s): probes from every load balancer stay cheap. */
  readyCacheMs?: number;
}

const packageFile = fileURLToPath(new URL('../package.json', import.meta.url));
const builtTab = fileURLToPath(new URL('../dist/web/src/tab/index.html', import.meta.url));

/**
 * This build's id: RECIPROCAL_BUILD when the pipeline sets one, otherwise the
 * package version and a hash of the built tab page (which names the hashed
 * bundles Vite wrote, so it changes with any browser code change).
 */
export function buildId(env: { RECIPROCAL_BUILD?: string } = {}, tabPage = builtTab): string {
  if (env.RECIPROCAL_BUILD?.trim()) return env.RECIPROCAL_BUILD.trim();
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(packageFile, 'utf8')));
  const page = existsSync(tabPage)
    ? createHash('sha256').update(readFileSync(tabPage)).digest('hex').slice(0, 12)
    : 'unbuilt';
  return `${version}+${page}`;
}

type CheckResult = 'ok' | string;

async function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const Jwks = z.object({ keys: z.array(z.object({ kid: z.string().optional() })).min(1) });

/** Each check's answer: "ok", or why not (no secrets, no tokens: only what failed). */
async function readinessChecks(services: AppServices, checkMs: number): Promise<Record<string, CheckResult>> {
  const { config, graph, store } = services;
  const check = (work: () => Promise<unknown>) =>
    within(checkMs, work).then(
      () => 'ok',
      (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200),
    );
  const [jwks, graphReachable, programStore] = await Promise.all([
    check(async () => {
      const res = await fetch(config.identity.jwksUri);
      if (!res.ok) throw new Error(`the token signing keys answered HTTP ${res.status}`);
      Jwks.parse(await res.json());
    }),
    check(() => graph.client.api(`/sites/${config.programSite.hostname}:${config.programSite.path}`).get()),
    check(() => store.provision()),
  ]);
  return { jwks, graph: graphReachable, programStore };
}

export function mountHealth(app: express.Express, services: AppServices, options: HealthOptions = {}): Health {
  const { drainMs = 10_000, checkMs = 5_000, readyCacheMs = 5_000 } = options;
  const build = buildId({ RECIPROCAL_BUILD: services.config.build ?? undefined });
  let draining = false;
  let lastReady: { at: number; checks: Promise<Record<string, CheckResult>> } | null = null;

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', build }));
  app.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (draining) return void res.status(503).json({ status: 'draining', build });
    if (!lastReady || Date.now() - lastReady.at > readyCacheMs)
      lastReady = { at: Date.now(), checks: readinessChecks(services, checkMs) };
    const checks = await lastReady.checks;
    const ready = Object.values(checks).every((c) => c === 'ok');
    if (!ready) lastReady = null;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', build, checks });
  });

  return {
    drain: async (server) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections with nothing under way are closed now; the others once their response is sent.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((r) => (timer = setTimeout(r, drainMs)))]);
      clearInterval(idle);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      await scheduleJobsFor(services.store).drain();
    },
  };
}
