// JSON batching: up to 20 requests, run concurrently unless `dependsOn` orders
// them; each item goes through the same dispatcher (faults, mailbox limits).
import { z } from 'zod';
import { badRequest } from '../graphErrors.js';
import type { GraphCaller, GraphDispatcher, GraphResponse } from './dispatch.js';

export const maxBatchRequests = 20;

const BatchRequest = z.object({
  requests: z
    .array(
      z.object({
        id: z.string().min(1),
        method: z.string().min(1),
        url: z.string().min(1),
        dependsOn: z.array(z.string()).optional(),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
      }),
    )
    .min(1),
});

export async function runBatch(
  dispatcher: GraphDispatcher,
  body: unknown,
  caller: GraphCaller,
  baseUrl: string,
): Promise<GraphResponse> {
  const parsed = BatchRequest.safeParse(body);
  if (!parsed.success)
    throw badRequest(
      `Invalid batch payload format: ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}`,
    );
  const { requests } = parsed.data;
  if (requests.length > maxBatchRequests)
    throw badRequest(
      `Invalid batch payload format: the number of requests (${requests.length}) exceeds the limit of ${maxBatchRequests}.`,
    );
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw badRequest(`Invalid batch payload format: request id '${r.id}' is not unique.`);
    ids.add(r.id);
  }
  for (const r of requests)
    for (const d of r.dependsOn ?? [])
      if (!ids.has(d))
        throw badRequest(`Invalid batch payload format: request '${r.id}' depends on unknown request '${d}'.`);

  type ItemResult = { id: string; status: number; headers: Record<string, string>; body?: unknown };
  const results = new Map<string, Promise<ItemResult>>();
  const run = (r: (typeof requests)[number], stack: string[]): Promise<ItemResult> => {
    const known = results.get(r.id);
    if (known) return known;
    if (stack.includes(r.id))
      return Promise.reject(badRequest(`Invalid batch payload format: dependsOn has a cycle at '${r.id}'.`));
    const promise = (async (): Promise<ItemResult> => {
      const deps = await Promise.all(
        (r.dependsOn ?? []).map((d) =>
          run(
            requests.find((x) => x.id === d)!,
            [...stack, r.id],
          ),
        ),
      );
      if (deps.some((d) => d.status >= 400)) {
        return {
          id: r.id,
          status: 424,
          headers: { 'Content-Type': 'application/json' },
          body: { error: { code: 'FailedDependency', message: 'A request that this request depends on failed.' } },
        };
      }
      const url = new URL(r.url.startsWith('/') ? r.url : `/${r.url}`, 'http://batch.local');
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      if (r.body !== undefined && !headers['content-type']) {
        return {
          id: r.id,
          status: 400,
          headers: {},
          body: {
            error: { code: 'BadRequest', message: 'Content-Type header must be specified for a request with a body.' },
          },
        };
      }
      const res = await dispatcher.dispatch(
        {
          method: r.method.toUpperCase(),
          path: url.pathname.replace(/^\/v1\.0/, ''),
          query: url.searchParams,
          headers,
          body: r.body,
          caller,
          baseUrl,
        },
        true,
      );
      const itemHeaders: Record<string, string> = {
        ...(res.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...res.headers,
      };
      return {
        id: r.id,
        status: res.status,
        headers: itemHeaders,
        ...(res.body !== undefined ? { body: res.body } : {}),
      };
    })();
    results.set(r.id, promise);
    return promise;
  };
  const responses = await Promise.all(requests.map((r) => run(r, [])));
  return { status: 200, body: { responses } };
}
