// One path for every Graph call, direct or inside $batch: match the route,
// apply the tenant's traffic rules (faults, latency, per-mailbox concurrency),
// count it, run it, and turn failures into Graph-shaped errors.
import { randomUUID } from 'node:crypto';
import { GraphError, graphErrorBody } from '../graphErrors.js';
import type { Traffic } from '../traffic.js';
import { requirePermission } from './requiredPermissions.js';

export interface GraphCaller {
  appId: string;
  /** Set for delegated tokens (on-behalf-of). */
  userId: string | null;
  roles: string[];
  scopes: string[];
}

export interface GraphRequest {
  method: string;
  /** Path after /v1.0, e.g. /users/abc/calendar/getSchedule. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  caller: GraphCaller;
  params: Record<string, string>;
  /** Absolute base (e.g. http://127.0.0.1:3979/v1.0) for nextLinks and contexts. */
  baseUrl: string;
}

export interface GraphResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  pattern: RegExp;
  kind: string;
  /** The mailbox whose concurrency slots the request holds, if any. */
  mailbox?: (params: Record<string, string>) => string | null;
  handle: (req: GraphRequest) => GraphResponse | Promise<GraphResponse>;
}

export class GraphDispatcher {
  private readonly routes: GraphRoute[] = [];

  constructor(private readonly traffic: Traffic) {}

  add(routes: GraphRoute[]): void {
    this.routes.push(...routes);
  }

  private match(
    method: string,
    path: string,
  ): { route: GraphRoute; params: Record<string, string> } | { allowed: string[] } {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      // Groups that did not take part in the match (e.g. `user` on a /me path) are left out, not ''.
      const params = Object.fromEntries(
        Object.entries(m.groups ?? {})
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, decodeURIComponent(v!)]),
      );
      return { route, params };
    }
    return { allowed };
  }

  async dispatch(req: Omit<GraphRequest, 'params'>, asBatchItem: boolean): Promise<GraphResponse> {
    const clientRequestId = req.headers['client-request-id'];
    try {
      const found = this.match(req.method.toUpperCase(), req.path.replace(/\/$/, '') || '/');
      if ('allowed' in found) {
        this.traffic.count('unknown', asBatchItem);
        if (found.allowed.length > 0)
          throw new GraphError(
            405,
            'Request_BadRequest',
            `The HTTP method '${req.method}' is not allowed for this resource.`,
          );
        throw new GraphError(
          400,
          'BadRequest',
          `Resource not found for the segment '${req.path.split('/')[1] ?? ''}'.`,
        );
      }
      const { route, params } = found;
      this.traffic.count(route.kind, asBatchItem);
      // Authorization before throttling and before the mailbox, as Graph answers 403 without touching either.
      requirePermission(route.kind, req.caller, params);
      const mailbox = route.mailbox?.(params) ?? null;
      return await this.traffic.withMailboxSlot(req.caller.appId, mailbox, async () => {
        await this.traffic.delay();
        this.traffic.injectFault();
        const res = await route.handle({ ...req, params });
        return {
          ...res,
          headers: {
            'request-id': randomUUID(),
            ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
            ...res.headers,
          },
        };
      });
    } catch (err) {
      if (err instanceof GraphError) {
        return {
          status: err.status,
          body: graphErrorBody(err.code, err.message, clientRequestId),
          headers: { ...err.headers },
        };
      }
      const message = err instanceof Error ? err.message : 'unexpected failure';
      return { status: 500, body: graphErrorBody('InternalServerError', message, clientRequestId) };
    }
  }
}
