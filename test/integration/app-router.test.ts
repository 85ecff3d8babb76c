// The router on its own, with the real bearer validator against a dev tenant:
// token, then role, then body, then the handler; every failure a JSON error with
// a stable code, and an unexpected one a generic 500 with a request id.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { GraphError } from '@microsoft/microsoft-graph-client';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBearerValidator } from '../../server/auth/bearer.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logging.js';
import { parseInput, type RouteDeclaration } from '../../server/api/route.js';
import { ApiProblem } from '../../server/program/problem.js';
import { errorCodes } from '../../src/core/api.js';
import { mountRoutes } from '../../server/api/router.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';

const logLines: string[] = [];
const log = createLogger(
  'debug',
  new Writable({
    write(c: Buffer, _e, d) {
      logLines.push(c.toString());
      d();
    },
  }),
);

let devTenant: TestDevTenant;
let server: Server;
let base: string;
let participant: string;
let owner: string;
const handled: string[] = [];

const routes: RouteDeclaration[] = [
  {
    method: 'post',
    path: '/api/echo',
    access: 'signed-in',
    summary: 'echo',
    handle: async ({ body, caller }) => ({ body: { body, userId: caller.userId } }),
  },
  {
    method: 'post',
    path: '/api/owner-only',
    access: 'ProgramOwner',
    summary: 'owner',
    handle: async ({ body }) => (handled.push('owner-only'), { status: 201, body: { ok: Boolean(body) } }),
  },
  {
    method: 'post',
    path: '/api/validated',
    access: 'signed-in',
    summary: 'validated',
    handle: async ({ body }) => ({ body: parseInput(z.object({ minutes: z.number().int().min(1) }), body) }),
  },
  {
    method: 'get',
    path: '/api/stray-zod',
    access: 'signed-in',
    summary: 'stray zod',
    handle: async ({ query }) => ({ body: z.object({ search: z.string().max(3) }).parse(query) }),
  },
  {
    method: 'get',
    path: '/api/problem',
    access: 'signed-in',
    summary: 'problem',
    handle: async () => {
      throw new ApiProblem(errorCodes.conflict, 'already booked', { field: 'start' });
    },
  },
  {
    method: 'get',
    path: '/api/throttled',
    access: 'signed-in',
    summary: 'throttled',
    handle: async () => {
      throw new GraphError(429, 'Too many requests');
    },
  },
  {
    method: 'get',
    path: '/api/upstream-404',
    access: 'signed-in',
    summary: 'gone',
    handle: async () => {
      throw new GraphError(404, 'itemNotFound');
    },
  },
  {
    method: 'post',
    path: '/api/crash',
    access: 'signed-in',
    summary: 'crash',
    handle: async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    },
  },
  {
    method: 'get',
    path: '/api/csv',
    access: 'signed-in',
    summary: 'csv',
    handle: async () => ({ body: 'a,b\n1,2\n', contentType: 'text/csv' }),
  },
  {
    method: 'delete',
    path: '/api/things/:id',
    access: 'signed-in',
    summary: 'delete',
    handle: async ({ params }) => (handled.push(`delete ${params['id']}`), { status: 204 }),
  },
];

beforeAll(async () => {
  devTenant = await startTestDevTenant();
  const config = loadConfig({
    DEV_TENANT_PORT: new URL(devTenant.url).port,
    DEV_TENANT_HTTPS_PORT: new URL(devTenant.httpsUrl).port,
  });
  const validate = createBearerValidator({
    issuer: config.identity.issuer,
    jwksUri: config.identity.jwksUri,
    audiences: config.identity.apiAudiences,
    tenantId: config.tenantId,
  });
  const app = express();
  mountRoutes(app, routes, { validate, log });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  participant = await devTenant.tokenFor(
    devTenant.users.find((u) => !u.roles.includes('ProgramOwner'))!.userPrincipalName,
  );
  owner = await devTenant.tokenFor(devTenant.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName);
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await devTenant?.close();
});

async function call(method: string, p: string, init: { token?: string; body?: string; type?: string } = {}) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': init.type ?? 'application/json' } : {}),
    },
    body: init.body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: (() => {
      try {
        return JSON.parse(text) as { error?: { code: string; message: string; field?: string } } & Record<
          string,
          unknown
        >;
      } catch {
        return null;
      }
    })(),
  };
}

describe('order of checks', () => {
  it('refuses an anonymous caller before reading the body, even a malformed or oversized one', async () => {
    for (const body of ['{"broken":', JSON.stringify({ pad: 'x'.repeat(300_000) })]) {
      const r = await call('POST', '/api/echo', { body });
      expect(r.status).toBe(401);
      expect(r.json?.error?.code).toBe('unauthenticated');
    }
  });

  it('refuses a caller without the role before reading the body, and never runs the handler', async () => {
    const r = await call('POST', '/api/owner-only', {
      token: participant,
      body: JSON.stringify({ pad: 'x'.repeat(300_000) }),
    });
    expect(r.status).toBe(403);
    expect(r.json?.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/ProgramOwner/) });
    expect(handled).not.toContain('owner-only');
    const ok = await call('POST', '/api/owner-only', { token: owner, body: '{"a":1}' });
    expect(ok.status).toBe(201);
    expect(handled).toContain('owner-only');
  });

  it('hands the handler the parsed body and the caller', async () => {
    const r = await call('POST', '/api/echo', { token: participant, body: '{"text":"hello"}' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ body: { text: 'hello' }, userId: expect.any(String) });
  });
});

describe('errors are JSON with a stable code', () => {
  it.each([
    ['malformed JSON', 'POST', '/api/echo', '{"text": ', undefined, 400, 'invalid_request', 'body'],
    [
      'a body over 256 KB',
      'POST',
      '/api/echo',
      JSON.stringify({ pad: 'x'.repeat(300_000) }),
      undefined,
      413,
      'invalid_request',
      'body',
    ],
    [
      'a body that fails its schema',
      'POST',
      '/api/validated',
      '{"minutes":0}',
      undefined,
      400,
      'invalid_request',
      'body.minutes',
    ],
    [
      'a body that is not JSON at all',
      'POST',
      '/api/validated',
      'minutes=5',
      'application/x-www-form-urlencoded',
      400,
      'invalid_request',
      'body',
    ],
    // Caller input goes through parseInput; a raw schema failure is an unexpected payload from Microsoft 365.
    [
      'a stray schema failure in a handler (an upstream payload)',
      'GET',
      '/api/stray-zod?search=toolong',
      undefined,
      undefined,
      502,
      'upstream_unavailable',
      undefined,
    ],
    ['an ApiProblem', 'GET', '/api/problem', undefined, undefined, 409, 'conflict', 'start'],
    ['Graph throttling', 'GET', '/api/throttled', undefined, undefined, 503, 'throttled', undefined],
    ['a Graph 404', 'GET', '/api/upstream-404', undefined, undefined, 404, 'not_found', undefined],
    ['an unknown API path', 'GET', '/api/nowhere', undefined, undefined, 404, 'not_found', undefined],
    ['a known path with another method', 'PUT', '/api/echo', undefined, undefined, 404, 'not_found', undefined],
  ])('%s', async (_name, method, p, body, type, status, code, field) => {
    const r = await call(method, p, { token: participant, body, type });
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.json?.error?.code).toBe(code);
    if (field) expect(r.json?.error?.field).toBe(field);
    expect(r.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules/);
  });

  it('says when to retry a throttled call', async () => {
    expect((await call('GET', '/api/throttled', { token: participant })).headers.get('retry-after')).toBe('5');
  });

  it('answers an unexpected failure with a generic 500 naming the request id, and logs it without the body', async () => {
    const r = await call('POST', '/api/crash', { token: participant, body: '{"taught":"private-teaching-text"}' });
    expect(r.status).toBe(500);
    expect(r.json?.error?.code).toBe('internal_error');
    const requestId = r.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json?.error?.message).toContain(requestId);
    expect(r.text).not.toContain('Cannot read properties');
    const logged = logLines.filter((l) => l.includes(requestId)).join('');
    expect(logged).toContain('Cannot read properties');
    expect(logLines.join('')).not.toContain('private-teaching-text');
  });
});

describe('an identity provider outage', () => {
  it('is a 503 to retry, not a 401 telling the person their sign-in is bad', async () => {
    const closed = await new Promise<Server>((resolve) => {
      const s = express().listen(0, '127.0.0.1', () => resolve(s));
    });
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const config = loadConfig({
      DEV_TENANT_PORT: new URL(devTenant.url).port,
      DEV_TENANT_HTTPS_PORT: new URL(devTenant.httpsUrl).port,
    });
    const validate = createBearerValidator({
      issuer: config.identity.issuer,
      jwksUri: `http://127.0.0.1:${deadPort}/keys`,
      audiences: config.identity.apiAudiences,
      tenantId: config.tenantId,
    });
    const app = express();
    mountRoutes(app, routes, { validate, log });
    const s = await new Promise<Server>((resolve) => {
      const x = app.listen(0, '127.0.0.1', () => resolve(x));
    });
    try {
      const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/api/echo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${participant}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('upstream_unavailable');
    } finally {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
});

describe('results', () => {
  it('sends text bodies with their content type, and empty responses with their status', async () => {
    const csv = await call('GET', '/api/csv', { token: participant });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toBe('a,b\n1,2\n');
    const del = await call('DELETE', '/api/things/t-1', { token: participant });
    expect(del.status).toBe(204);
    expect(handled).toContain('delete t-1');
  });
});
