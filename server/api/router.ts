// Puts RouteDeclarations on Express: authentication, the declared role, JSON
// bodies, and every failure as {"error":{"code","message"}} (never a stack).
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { AuthenticationError, type BearerValidator } from '../auth/bearer.js';
import { ApiProblem, type Caller, type RouteDeclaration } from './route.js';

export const jsonBodyLimit = '256kb';

function sendError(res: Response, status: number, code: string, message: string, extra: { field?: string; details?: unknown; headers?: Record<string, string> } = {}): void {
  for (const [k, v] of Object.entries(extra.headers ?? {})) res.setHeader(k, v);
  res.status(status).json({ error: { code, message, ...(extra.field ? { field: extra.field } : {}), ...(extra.details !== undefined ? { details: extra.details } : {}) } });
}

/** Maps what a handler threw to a status and a stable code. */
function toProblem(err: unknown): ApiProblem | null {
  if (err instanceof ApiProblem) return err;
  if (err instanceof GraphError) {
    if ([429, 503, 504].includes(err.statusCode)) return new ApiProblem(503, 'throttled', 'Microsoft 365 is busy; try again in a moment.', undefined, undefined, { 'Retry-After': '5' });
    if (err.statusCode === 412) return new ApiProblem(412, 'precondition_failed', 'Someone changed this since you loaded it.');
    if (err.statusCode === 404) return new ApiProblem(404, 'not_found', 'Not found in Microsoft 365.');
    if (err.statusCode === 401 || err.statusCode === 403) return new ApiProblem(502, 'upstream_unavailable', 'Microsoft 365 refused the app\'s request; an admin may need to grant consent.');
    return new ApiProblem(502, 'upstream_unavailable', 'Microsoft 365 returned an error.');
  }
  return null;
}

export function mountRoutes(app: express.Express, routes: readonly RouteDeclaration[], deps: { validate: BearerValidator; log: Logger }): void {
  const api = express.Router();
  api.use(express.json({ limit: jsonBodyLimit }));
  for (const route of routes) {
    api[route.method](route.path.replace(/^\/api/, ''), async (req: Request, res: Response) => {
      const requestId = randomUUID();
      const log = deps.log.child({ requestId, route: `${route.method.toUpperCase()} ${route.path}` });
      let caller: Caller;
      try {
        caller = await deps.validate(req.get('authorization'));
      } catch (err) {
        const message = err instanceof AuthenticationError ? err.message : 'the token could not be validated';
        res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        return sendError(res, 401, 'unauthenticated', message);
      }
      if (route.access !== 'signed-in' && !caller.roles.includes(route.access)) {
        return sendError(res, 403, 'forbidden', `this needs the ${route.access} role`);
      }
      try {
        const result = await route.handle({
          caller,
          params: req.params as Record<string, string>,
          query: Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined])),
          headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])),
          body: req.body,
          log,
        });
        for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
        res.status(result.status ?? 200);
        if (result.body === undefined) return void res.end();
        if (result.contentType) return void res.type(result.contentType).send(result.body);
        res.json(result.body);
      } catch (err) {
        const problem = toProblem(err);
        if (problem) {
          if (problem.status >= 500) log.warn({ code: problem.code }, 'request failed upstream');
          return sendError(res, problem.status, problem.code, problem.message, { field: problem.field, details: problem.details, headers: problem.headers });
        }
        log.error({ err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }, 'unhandled error');
        sendError(res, 500, 'internal_error', `something went wrong on our side (request ${requestId})`);
      }
    });
  }
  api.use((req, res) => sendError(res, 404, 'not_found', `no API route ${req.method} /api${req.path}`));
  api.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (err as { type?: string } | null)?.type;
    if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_request', 'the request body is not valid JSON', { field: 'body' });
    if (type === 'entity.too.large') return sendError(res, 413, 'invalid_request', `the request body is larger than ${jsonBodyLimit}`, { field: 'body' });
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return sendError(res, 415, 'invalid_request', 'unsupported request encoding');
    deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'request failed before routing');
    sendError(res, 400, 'invalid_request', 'the request could not be read');
  });
  app.use('/api', api);
}
