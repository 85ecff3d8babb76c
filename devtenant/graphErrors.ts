// Graph-shaped error bodies: {"error":{"code","message","innerError":{...}}}.
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export function graphErrorBody(code: string, message: string, clientRequestId?: string): Record<string, unknown> {
  const requestId = randomUUID();
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  };
}

export function sendGraphError(res: Response, err: GraphError, clientRequestId?: string): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  res.status(err.status).json(graphErrorBody(err.code, err.message, clientRequestId));
}

export const notFound = (what: string) => new GraphError(404, 'ResourceNotFound', `${what} was not found.`);
export const badRequest = (message: string, code = 'BadRequest') => new GraphError(400, code, message);
