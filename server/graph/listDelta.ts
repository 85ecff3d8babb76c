// Graph's delta query on list items (https://learn.microsoft.com/graph/api/listitem-delta):
// the first call (no token) enumerates every item, page by page through
// @odata.nextLink, and the last page carries @odata.deltaLink; calling that
// link later answers only what changed since. "The delta feed shows the latest
// state for each item ... The same item might appear more than once ... use the
// last occurrence you see"; a deleted item carries the `deleted` facet (the
// page's Example 2; directory resources say `@removed` instead, so either is
// read as a deletion). A token the service can no longer serve is a 410 Gone
// whose Location header starts a fresh enumeration: the caller's state is then
// replaced (`reset`), not patched.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

const DeltaItem = z.object({
  id: z.string(),
  eTag: z.string().optional(),
  '@odata.etag': z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  deleted: z.unknown().optional(),
  '@removed': z.unknown().optional(),
});
const DeltaPage = z.object({
  value: z.array(DeltaItem),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
type DeltaPage = z.infer<typeof DeltaPage>;

export interface ListChanges {
  /** Items created or changed, with their fields (the last occurrence of each). */
  changed: Array<{ id: string; fields: Record<string, unknown> }>;
  /** Ids of items deleted. */
  removed: string[];
  /** Where the next round starts. */
  deltaLink: string;
  /** True when this is a full enumeration: whatever the caller held is replaced. */
  reset: boolean;
}

/** Where a round starts: the list's delta URL (first time) and the deltaLink of the last round, if any. */
export interface DeltaCursor {
  firstUrl: string;
  deltaLink: string | null;
}

const isGone = (err: unknown): err is GraphError => err instanceof GraphError && err.statusCode === 410;

function collect(into: Map<string, { id: string; fields: Record<string, unknown> } | null>, page: DeltaPage) {
  for (const item of page.value) {
    // Map order follows first insertion; deleting first keeps "the last occurrence" last.
    into.delete(item.id);
    into.set(
      item.id,
      item.deleted !== undefined || item['@removed'] !== undefined ? null : { id: item.id, fields: item.fields ?? {} },
    );
  }
}

function changesOf(
  seen: Map<string, { id: string; fields: Record<string, unknown> } | null>,
  deltaLink: string,
  reset: boolean,
) {
  const changed = [...seen.values()].filter((x): x is { id: string; fields: Record<string, unknown> } => x !== null);
  const removed = [...seen.entries()].filter(([, x]) => x === null).map(([id]) => id);
  return { changed, removed, deltaLink, reset };
}

/** One round for one list, following nextLinks; a 410 restarts it as a full enumeration (once). */
export async function readDelta(graph: Client, cursor: DeltaCursor, firstPage?: DeltaPage): Promise<ListChanges> {
  let reset = cursor.deltaLink === null;
  let url = cursor.deltaLink ?? cursor.firstUrl;
  const seen = new Map<string, { id: string; fields: Record<string, unknown> } | null>();
  let page = firstPage;
  for (let restarts = 0; ;) {
    if (!page) {
      try {
        page = DeltaPage.parse(await graph.api(url).get());
      } catch (err) {
        if (!isGone(err) || restarts++ > 0) throw err;
        url = err.headers?.get('Location') ?? cursor.firstUrl;
        reset = true;
        seen.clear();
        continue;
      }
    }
    collect(seen, page);
    if (page['@odata.deltaLink']) return changesOf(seen, page['@odata.deltaLink'], reset);
    if (!page['@odata.nextLink']) throw new Error('a delta page carried neither @odata.nextLink nor @odata.deltaLink');
    url = page['@odata.nextLink'];
    page = undefined;
  }
}

/** A Graph URL relative to its version root (what a $batch item names). */
const relative = (link: string) => link.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)(?=\/)/, '');

const BatchAnswer = z.object({
  responses: z.array(z.object({ id: z.string(), status: z.number(), body: z.unknown().optional() })),
});

/** JSON batching takes at most 20 requests (https://learn.microsoft.com/graph/json-batching). */
const maxBatchRequests = 20;

/**
 * A round for several lists: each list's first request (its deltaLink, or its
 * delta URL the first time) goes in one JSON $batch
 * (https://learn.microsoft.com/graph/json-batching), so a warm read of every
 * list is one request and a cold one costs one plus each list's further pages.
 * An answer that needs more (a nextLink, a 410, throttling) is finished on its
 * own, through the client's retry middleware.
 */
export async function readDeltas(graph: Client, cursors: readonly DeltaCursor[]): Promise<ListChanges[]> {
  if (cursors.length < 2 || cursors.length > maxBatchRequests)
    return Promise.all(cursors.map((c) => readDelta(graph, c)));
  const answer = BatchAnswer.parse(
    await graph.api('/$batch').post({
      requests: cursors.map((c, i) => ({ id: String(i), method: 'GET', url: relative(c.deltaLink ?? c.firstUrl) })),
    }),
  );
  return Promise.all(
    cursors.map((cursor, i) => {
      const one = answer.responses.find((r) => r.id === String(i));
      const page = one?.status === 200 ? DeltaPage.safeParse(one.body) : null;
      return readDelta(graph, cursor, page?.success ? page.data : undefined);
    }),
  );
}
