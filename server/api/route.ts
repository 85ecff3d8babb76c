// How an API route is declared. Every route names the role it requires, so
// the router can enforce it in one place and a test can enumerate them all.
import type { Logger } from 'pino';
import { z } from 'zod';
import { errorCodes } from '../../src/core/api.js';
import type { Role } from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { ApiProblem } from '../program/problem.js';

/** A role the caller must hold, or any valid token from our tenant. */
export type RouteAccess = Role | 'signed-in';

export interface RouteContext {
  caller: Caller;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string | undefined>>;
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
  log: Logger;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to JSON; set for CSV and other text bodies (body a string) or binary ones such as PDF (body a Buffer). */
  contentType?: string;
}

export interface RouteDeclaration {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. `/api/pairs/:id/slots`. */
  path: string;
  access: RouteAccess;
  summary: string;
  handle(ctx: RouteContext): Promise<RouteResult>;
}

/** Parses outside input with a zod schema; a failure becomes a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [where, ...issue.path.map(String)].join('.');
  throw new ApiProblem(errorCodes.invalidRequest, `${field}: ${issue.message}`, { field });
}
