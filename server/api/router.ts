// Puts RouteDeclarations on Express: authentication, the declared role, JSON
// bodies, and every failure as {"error":{"code","message"}} (never a stack).
// Order per request: token -> role -> body -> handler, so an anonymous or
// unauthorized caller never gets a body parsed.
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AuthenticationError, type BearerValidator } from '../auth/bearer.js';
import { errorCodes, type ErrorCode } from '../../src/core/api.js';
import type { Caller } from '../auth/caller.js';
import { missingPermissionOf } from '../graph/middleware/missingPermission.js';
import { ApiProblem } from '../program/problem.js';
import type { RouteDeclaration } from './route.js';

export const jsonBodyLimit = '256kb';

interface ErrorExtra {
  field?: string;
  details?: unknown;
  headers?: Record<string, string>;
}

function sendError(res: Response, status: number, code: ErrorCode, message: string, extra: ErrorExtra = {}): void {
  for (const [k, v] of Object.entries(extra.headers ?? {})) res.setHeader(k, v);
  res.status(status).json({
    error: {
      code,
      message,
      ...(extra.field ? { field: extra.field } : {}),
      ...(extra.details !== undefined ? { details: extra.details } : {}),
    },
  });
}

/** Maps what a handler threw to a status and a stable code; null for the unexpected. */
export function toProblem(err: unknown): ApiProblem | null {
  if (err instanceof ApiProblem) return err;
  // Caller input is parsed with parseInput (an ApiProblem naming the field); a raw ZodError
  // here means a payload from Microsoft 365 did not have the shape we rely on.
  if (err instanceof ZodError)
    return new ApiProblem(
      errorCodes.upstreamUnavailable,
      'Microsoft 365 returned an answer Reciprocal did not expect.',
    );
  if (err instanceof GraphError) {
    if ([429, 503, 504].includes(err.statusCode)) {
      // Pass on how long Graph asked us to wait, when it said so in seconds.
      const retryAfter = err.headers?.get('Retry-After');
      const seconds =
        retryAfter && /^\d+(\.\d+)?$/.test(retryAfter) ? String(Math.max(1, Math.ceil(Number(retryAfter)))) : '5';
      return new ApiProblem(errorCodes.throttled, 'Microsoft 365 is busy; try again in a moment.', {
        headers: { 'Retry-After': seconds },
      });
    }
    if (err.statusCode === 412)
      return new ApiProblem(errorCodes.preconditionFailed, 'Someone changed this since you loaded it.');
    if (err.statusCode === 404) return new ApiProblem(errorCodes.notFound, 'Not found in Microsoft 365.');
    if (err.statusCode === 401 || err.statusCode === 403) {
      const missing = missingPermissionOf(err);
      return new ApiProblem(
        errorCodes.upstreamUnavailable,
        missing
          ? `Microsoft 365 refused the app's request: the app needs the Microsoft Graph ${missing.type} permission ${missing.name}; an admin must grant it.`
          : "Microsoft 365 refused the app's request; an admin may need to grant consent.",
      );
    }
    return new ApiProblem(errorCodes.upstreamUnavailable, 'Microsoft 365 returned an error.');
  }
  return null;
}

interface RouteLocals {
  requestId: string;
  log: Logger;
  caller: Caller;
}

const locals = (res: Response) => res.locals as RouteLocals;

export function mountRoutes(
  app: express.Express,
  routes: readonly RouteDeclaration[],
  deps: { validate: BearerValidator; log: Logger },
): void {
  const api = express.Router();
  const parseJson = express.json({ limit: jsonBodyLimit });

  for (const route of routes) {
    const name = `${route.method.toUpperCase()} ${route.path}`;
    const authenticate: RequestHandler = async (req, res, next) => {
      const requestId = randomUUID();
      res.setHeader('x-request-id', requestId);
      Object.assign(res.locals, { requestId, log: deps.log.child({ requestId, route: name }) });
      try {
        locals(res).caller = await deps.validate(req.get('authorization'));
      } catch (err) {
        if (err instanceof AuthenticationError)
          return sendError(res, 401, errorCodes.unauthenticated, err.message, {
            headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
          });
        locals(res).log.warn(
          {
            err: err instanceof Error ? err.message : String(err),
            cause: err instanceof Error && err.cause instanceof Error ? err.cause.message : undefined,
          },
          'token validation could not run',
        );
        return sendError(
          res,
          503,
          errorCodes.upstreamUnavailable,
          'Sign-in cannot be checked right now; try again in a moment.',
          { headers: { 'Retry-After': '5' } },
        );
      }
      next();
    };
    const authorize: RequestHandler = (_req, res, next) => {
      if (route.access !== 'signed-in' && !locals(res).caller.roles.includes(route.access)) {
        return sendError(res, 403, errorCodes.forbidden, `this needs the ${route.access} role`);
      }
      next();
    };
    const handle: RequestHandler = async (req, res) => {
      const { caller, log, requestId } = locals(res);
      try {
        const result = await route.handle({
          caller,
          params: req.params as Record<string, string>,
          query: Object.fromEntries(
            Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
          ),
          headers: Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
          ),
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
          if (problem.status >= 500)
            log.warn({ code: problem.code, status: problem.status }, 'request failed upstream');
          return sendError(res, problem.status, problem.code, problem.message, {
            field: problem.field,
            details: problem.details,
            headers: problem.headers,
          });
        }
        // Only the error's name, message and stack: never the request body.
        log.error(
          { err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) },
          'unhandled error',
        );
        sendError(
          res,
          500,
          errorCodes.internalError,
          `Something went wrong on our side. Quote request ${requestId} if you report it.`,
        );
      }
    };
    api[route.method](route.path.replace(/^\/api/, ''), authenticate, authorize, parseJson, handle);
  }

  api.use((req, res) => sendError(res, 404, errorCodes.notFound, `no API route ${req.method} /api${req.path}`));
  api.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (err as { type?: string } | null)?.type;
    if (type === 'entity.parse.failed')
      return sendError(res, 400, errorCodes.invalidRequest, 'the request body is not valid JSON', { field: 'body' });
    if (type === 'entity.too.large')
      return sendError(res, 413, errorCodes.invalidRequest, `the request body is larger than ${jsonBodyLimit}`, {
        field: 'body',
      });
    if (type === 'charset.unsupported' || type === 'encoding.unsupported')
      return sendError(res, 415, errorCodes.invalidRequest, 'unsupported request encoding', { field: 'body' });
    const requestId = (res.locals as Partial<RouteLocals>).requestId ?? randomUUID();
    deps.log.error(
      { requestId, err: err instanceof Error ? err.message : String(err) },
      'request failed before its handler',
    );
    sendError(res, 400, errorCodes.invalidRequest, `the request could not be read (request ${requestId})`);
  });
  app.use('/api', api);
}
