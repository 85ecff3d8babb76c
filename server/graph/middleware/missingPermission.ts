// Names the missing permission when Graph refuses a call with 403: the error
// message gains "Reciprocal needs the Microsoft Graph <type> permission <name>",
// taken from the one list (server/permissions.ts), so every caller, the API's
// answer and the logs say what to grant instead of a bare "Access is denied".
// Items of a JSON $batch are named the same way. Graph's own code is kept.
// https://learn.microsoft.com/graph/errors (403: "The user might not have enough permission")
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { permissionFor, type GraphPermission } from '../../permissions.js';

const marker = /Reciprocal needs the Microsoft Graph (application|delegated) permission (\S+) for this call\./;

export function missingPermissionMessage(message: string, p: Pick<GraphPermission, 'name' | 'type'>): string {
  return `${message.trim()} Reciprocal needs the Microsoft Graph ${p.type} permission ${p.name} for this call.`;
}

/** The permission a Graph error (or its message) says is missing, if it says so. */
export function missingPermissionOf(err: unknown): Pick<GraphPermission, 'name' | 'type'> | null {
  const message = typeof err === 'string' ? err : err instanceof Error ? err.message : '';
  const m = marker.exec(message);
  return m ? { type: m[1] as GraphPermission['type'], name: m[2]! } : null;
}

type ErrorBody = { error?: { code?: string; message?: string } };

function named(body: unknown, method: string, path: string): boolean {
  const error = (body as ErrorBody | null)?.error;
  const p = permissionFor(method, path);
  if (!p || !error || missingPermissionOf(error.message ?? '')) return false;
  error.message = missingPermissionMessage(error.message ?? 'Access is denied.', p);
  return true;
}

interface BatchAnswer {
  responses?: Array<{ id: string; status: number; body?: unknown }>;
}

export class MissingPermissionHandler implements Middleware {
  private next?: Middleware;

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
    const res = context.response;
    if (!res) return;
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const path = url.pathname.replace(/^\/[^/]+/, '');
    const method = (context.options?.method ?? 'GET').toUpperCase();
    if (res.status === 403) return this.rewrite(context, res, (body) => named(body, method, path));
    if (res.status === 200 && path === '/$batch' && typeof context.options?.body === 'string') {
      const sent = new Map(
        (
          (JSON.parse(context.options.body) as { requests?: Array<{ id: string; method: string; url: string }> })
            .requests ?? []
        ).map((r) => [r.id, r]),
      );
      return this.rewrite(context, res, (body) => {
        let changed = false;
        for (const item of (body as BatchAnswer).responses ?? []) {
          const request = sent.get(item.id);
          if (item.status === 403 && request) changed = named(item.body, request.method, request.url) || changed;
        }
        return changed;
      });
    }
  }

  /** Replaces the response with one whose JSON body `change` edited, when it did. */
  private async rewrite(context: Context, res: Response, change: (body: unknown) => boolean): Promise<void> {
    if (!(res.headers.get('content-type') ?? '').includes('json')) return;
    let body: unknown;
    try {
      body = await res.clone().json();
    } catch {
      return;
    }
    if (!change(body)) return;
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    context.response = new Response(JSON.stringify(body), { status: res.status, statusText: res.statusText, headers });
  }
}
