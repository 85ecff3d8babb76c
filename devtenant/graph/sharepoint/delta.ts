// listItem: delta (https://learn.microsoft.com/graph/api/listitem-delta):
// `GET .../items/delta` with no token enumerates every item; `?token=latest`
// answers no items and the latest deltaLink; a previous token answers what
// changed since. Pages end with @odata.nextLink until the last, which carries
// @odata.deltaLink. "The delta feed shows the latest state for each item, not
// each change ... The same item might appear more than once": an item changed
// while a round is paged is sent again in the next one. A deleted item comes
// back as `{id, parentReference, contentType, deleted: {state: "deleted"}}`
// (the page's Example 2), from a tombstone kept when it was deleted. A token
// the service cannot serve is a 410 Gone with a Location header that starts a
// fresh enumeration; we answer 410 resyncRequired (https://learn.microsoft.com/graph/errors)
// for a token we did not mint or one older than the tombstones we keep.
import { z } from 'zod';
import { GraphError, badRequest } from '../../graphErrors.js';
import type { DevTenantStore, StoredItem, StoredList } from '../../store.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { graphContext, parseTop } from '../odata.js';
import { fieldsExpansion } from './items.js';
import { listSegment } from './lists.js';
import type { SharePointOptions } from './options.js';
import { findList, itemResource } from './resources.js';

const tombstones = (listId: string) => `listItemTombstones:${listId}`;

/** How long deletions are remembered; a token older than this must start over (Graph's 410). */
export const tombstoneRetentionMs = 30 * 24 * 3_600_000;

/** Remembers a deleted item so a delta round can report it. */
export function keepTombstone(store: DevTenantStore, listId: string, itemId: number, deletedMs: number): void {
  store.putDocument(tombstones(listId), String(itemId), { id: itemId, deletedMs });
}

/** The highest item id the list ever had, deleted ones included: SharePoint never gives an id out twice. */
export function highestItemId(store: DevTenantStore, listId: string): number {
  return Math.max(0, ...store.documents(tombstones(listId)).map((t) => Number(t['id']) || 0));
}

/** A round of changes: those stamped in [since, upTo), items after `afterId` still to send. */
const Round = z.object({ since: z.number(), upTo: z.number(), afterId: z.number().int().min(0) });
type Round = z.infer<typeof Round>;

const encode = (r: Round | { since: number }) => Buffer.from(JSON.stringify(r)).toString('base64url');

/** A nextLink's token (a round part sent) or a deltaLink's (where the next round starts). */
function decodeToken(raw: string): { round: Round } | { since: number } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    const round = Round.safeParse(parsed);
    if (round.success) return { round: round.data };
    return z.object({ since: z.number() }).parse(parsed);
  } catch {
    throw badRequest(`The delta token '${raw.slice(0, 40)}' is not valid.`, 'invalidRequest');
  }
}

function link(req: GraphRequest, l: StoredList, token: string): string {
  const q = new URLSearchParams(req.query);
  q.set('token', token);
  return `${req.baseUrl}/sites/${req.params.site}/lists/${l.id}/items/delta?${q.toString()}`;
}

function resync(req: GraphRequest, l: StoredList): never {
  const fresh = new URLSearchParams(req.query);
  fresh.delete('token');
  throw new GraphError(
    410,
    'resyncRequired',
    'The delta token is no longer valid, and the app must reset the sync state.',
    {
      Location: `${req.baseUrl}/sites/${req.params.site}/lists/${l.id}/items/delta?${fresh.toString()}`,
    },
  );
}

/**
 * The round's items after `afterId`, in id order, at most `limit`: one indexed
 * query, not a read of the whole list per page (a 60,000-item list is paged
 * 60 times on a cold read).
 */
function changedItems(store: DevTenantStore, listId: string, round: Round, limit: number): StoredItem[] {
  return store.changedItems(
    listId,
    round.afterId,
    round.since < 0 ? Number.MIN_SAFE_INTEGER : round.since,
    round.upTo,
    limit,
  );
}

function deletedResource(l: StoredList, id: number) {
  return {
    id: String(id),
    parentReference: { siteId: l.siteId },
    contentType: { id: '0x0100', name: 'Item' },
    deleted: { state: 'deleted' },
  };
}

function listDelta({ store, now }: SharePointOptions, req: GraphRequest): GraphResponse {
  const l = findList(store, req);
  const raw = req.query.get('token');
  const at = now().getTime();
  const context = `${graphContext}#Collection(listItem)`;
  if (raw === 'latest')
    return {
      status: 200,
      body: { '@odata.context': context, '@odata.deltaLink': link(req, l, encode({ since: at })), value: [] },
    };
  const token = raw === null ? { since: -1 } : decodeToken(raw);
  const round: Round = 'round' in token ? token.round : { since: token.since, upTo: at, afterId: 0 };
  if (round.since >= 0 && at - round.since > tombstoneRetentionMs) resync(req, l);
  const top = parseTop(req.query, 200, 5000);
  const { expand, select } = fieldsExpansion(req);
  const inRound = (stamp: number) => stamp >= round.since && stamp < round.upTo;
  // A full enumeration (since -1) sends every item as it stands; later rounds only what changed.
  const changed = changedItems(store, l.id, round, top + 1);
  const pageItems = changed.slice(0, top);
  const value: Array<Record<string, unknown>> = pageItems.map((i) => itemResource(store, l, i, expand, select));
  if (changed.length > top) {
    const next = encode({ ...round, afterId: pageItems[pageItems.length - 1]!.id });
    return { status: 200, body: { '@odata.context': context, '@odata.nextLink': link(req, l, next), value } };
  }
  if (round.since >= 0)
    for (const t of store.documents(tombstones(l.id)))
      if (inRound(Number(t['deletedMs']))) value.push(deletedResource(l, Number(t['id'])));
  const deltaLink = link(req, l, encode({ since: round.upTo }));
  return { status: 200, body: { '@odata.context': context, '@odata.deltaLink': deltaLink, value } };
}

export function deltaRoutes(o: SharePointOptions): GraphRoute[] {
  // The delta page lists the same permissions as listing items (Sites.Read.All least privileged, or higher);
  // https://learn.microsoft.com/graph/api/listitem-delta , so it is checked as a list read.
  const delta = new RegExp(`^${listSegment}/items/delta$`);
  return [{ method: 'GET', pattern: delta, kind: 'listItems.list', handle: (req) => listDelta(o, req) }];
}
