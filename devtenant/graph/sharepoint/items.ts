// List items: list ($filter on indexed columns, $expand=fields, paging),
// create, get, update fields and delete (leaving a tombstone for delta), with
// unique columns and eTags. Item ids are never given out twice, as SharePoint's.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphError, badRequest, notFound } from '../../graphErrors.js';
import type { DevTenantStore, StoredItem, StoredList } from '../../store.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { type FilterNode, graphContext, matchesFilter, page, parseFilter, parseTop } from '../odata.js';
import { parsePayload } from '../payload.js';
import { checkFields, columnsOf, storedFields } from './columns.js';
import { highestItemId, keepTombstone } from './delta.js';
import { listSegment } from './lists.js';
import type { SharePointOptions } from './options.js';
import { etag, findList, itemResource } from './resources.js';

const ItemFields = z.record(z.string(), z.unknown());

/** `$expand=fields` or `expand=fields(select=A,B)` */
export function fieldsExpansion(req: GraphRequest): { expand: boolean; select: string[] | null } {
  const raw = req.query.get('$expand') ?? req.query.get('expand');
  if (!raw || !/^fields\b/.test(raw)) return { expand: false, select: null };
  const sel = /select=([^)]+)\)/.exec(raw)?.[1];
  return { expand: true, select: sel ? sel.split(',').map((s) => s.trim()) : null };
}

function checkUnique(store: DevTenantStore, l: StoredList, fields: Record<string, unknown>, exceptId: number | null) {
  for (const c of columnsOf(l)) {
    if (!c.enforceUniqueValues || fields[c.name] === undefined || fields[c.name] === null) continue;
    const clash = store.items(l.id).find((i) => i.id !== exceptId && i.fields[c.name] === fields[c.name]);
    // Graph documents no status for this; the message is the one observed through Graph
    // (github.com/microsoftgraph/msgraph-sdk-dotnet/issues/790) and 409 nameAlreadyExists is
    // Graph's documented duplicate (https://learn.microsoft.com/graph/errors). The app must
    // not depend on either: after a failed create it reads the key back.
    if (clash)
      throw new GraphError(
        409,
        'nameAlreadyExists',
        'One or more fields with unique constraints already has the provided value.',
      );
  }
}

function ifMatch(req: GraphRequest, item: StoredItem): void {
  const header = req.headers['if-match'];
  if (header && header !== '*' && header.replace(/^W\//, '') !== etag(item)) {
    throw new GraphError(412, 'preconditionFailed', 'The request ETag value does not match the object ETag value.');
  }
}

/** SharePoint's list view threshold: a query touching more items than this on a non-indexed column fails. */
export const listViewThreshold = 5000;

/**
 * A filter on a column that is not indexed is refused, whatever the list's
 * size, unless the Prefer header accepts that it "may fail on large lists"
 * (the message Graph answers with, github.com/microsoftgraph/microsoft-graph-docs/issues/2279;
 * https://learn.microsoft.com/en-us/graph/api/listitem-list). With the header, a
 * list over the threshold still fails: Graph has been seen answering 429
 * (github.com/microsoftgraph/msgraph-sdk-dotnet/issues/827), SharePoint REST
 * 500 SPQueryThrottledException "exceeds the list view threshold"
 * (github.com/pnp/pnpjs/issues/3149). We answer the 429 Graph gave, with no
 * Retry-After: waiting does not help, only an index does.
 */
function checkFilterIndexed(store: DevTenantStore, l: StoredList, filter: FilterNode, req: GraphRequest): void {
  const indexed = new Set(
    columnsOf(l)
      .filter((c) => c.indexed)
      .map((c) => `fields/${c.name}`),
  );
  const honoursNonIndexed = /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(req.headers['prefer'] ?? '');
  const paths: string[] = [];
  const walk = (n: FilterNode): void => {
    if ('left' in n) {
      walk(n.left);
      walk(n.right);
    } else paths.push(n.path);
  };
  walk(filter);
  const bad = paths.find((p) => !indexed.has(p));
  if (bad && honoursNonIndexed && store.items(l.id).length > listViewThreshold)
    throw new GraphError(
      429,
      'activityLimitReached',
      'The attempted operation is prohibited because it exceeds the list view threshold.',
    );
  if (bad && !honoursNonIndexed)
    throw badRequest(
      `Field '${bad.replace('fields/', '')}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      'invalidRequest',
    );
}

/** A filter's dateTime literals at whole seconds, as the column holds them, so comparisons see one shape. */
function atSeconds(l: StoredList, node: FilterNode): FilterNode {
  if ('left' in node) return { ...node, left: atSeconds(l, node.left), right: atSeconds(l, node.right) };
  if (node.op === 'startswith' || typeof node.value !== 'string' || !node.path.startsWith('fields/')) return node;
  const fields = storedFields(l, { [node.path.slice('fields/'.length)]: node.value });
  return { ...node, value: Object.values(fields)[0] as string };
}

function findItem(store: DevTenantStore, req: GraphRequest): { l: StoredList; i: StoredItem } {
  const l = findList(store, req);
  const i = store.item(l.id, Number(req.params.item));
  if (!i) throw notFound('The list item');
  return { l, i };
}

const itemsContext = (req: GraphRequest, l: StoredList) =>
  `${graphContext}#sites('${req.params.site}')/lists('${l.id}')`;

function listItems({ store }: SharePointOptions, req: GraphRequest): GraphResponse {
  const l = findList(store, req);
  const { expand, select } = fieldsExpansion(req);
  const filterText = req.query.get('$filter') ?? req.query.get('filter');
  const filter = filterText ? atSeconds(l, parseFilter(filterText)) : null;
  if (filter) checkFilterIndexed(store, l, filter, req);
  let items = store.items(l.id);
  if (filter)
    items = items.filter((i) =>
      matchesFilter(filter, (p) =>
        p.startsWith('fields/') ? i.fields[p.slice(7)] : p === 'id' ? String(i.id) : undefined,
      ),
    );
  const top = parseTop(req.query, 200, 5000);
  const { value, nextLink } = page(
    items.map((i) => itemResource(store, l, i, expand, select)),
    req.query,
    req.baseUrl,
    `/sites/${req.params.site}/lists/${l.id}/items`,
    top,
  );
  return {
    status: 200,
    body: {
      '@odata.context': `${itemsContext(req, l)}/items`,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value,
    },
  };
}

function createItem({ store, now }: SharePointOptions, req: GraphRequest): GraphResponse {
  const l = findList(store, req);
  const body = parsePayload(z.object({ fields: ItemFields }), req.body, 'invalidRequest');
  checkFields(l, body.fields);
  body.fields = storedFields(l, body.fields);
  checkUnique(store, l, body.fields, null);
  const stamp = now().getTime();
  const item: StoredItem = {
    listId: l.id,
    id: Math.max(store.nextItemId(l.id), highestItemId(store, l.id) + 1),
    fields: body.fields,
    version: 1,
    etagGuid: randomUUID(),
    createdMs: stamp,
    modifiedMs: stamp,
    createdBy: req.caller.userId ?? req.caller.appId,
  };
  store.insertItem(item);
  return {
    status: 201,
    body: { '@odata.context': `${itemsContext(req, l)}/items/$entity`, ...itemResource(store, l, item, true, null) },
  };
}

function getItem({ store }: SharePointOptions, req: GraphRequest): GraphResponse {
  const { l, i } = findItem(store, req);
  const { expand, select } = fieldsExpansion(req);
  return {
    status: 200,
    body: { '@odata.context': `${itemsContext(req, l)}/items/$entity`, ...itemResource(store, l, i, expand, select) },
    headers: { ETag: etag(i) },
  };
}

function updateItemFields({ store, now }: SharePointOptions, req: GraphRequest): GraphResponse {
  const { l, i } = findItem(store, req);
  ifMatch(req, i);
  const patch = parsePayload(ItemFields, req.body, 'invalidRequest');
  checkFields(l, patch);
  const fields = { ...i.fields, ...storedFields(l, patch) };
  checkUnique(store, l, fields, i.id);
  const updated = { ...i, fields, version: i.version + 1, modifiedMs: Math.max(now().getTime(), i.modifiedMs + 1) };
  store.updateItem(updated);
  return {
    status: 200,
    body: {
      '@odata.context': `${itemsContext(req, l)}/items('${i.id}')/fields/$entity`,
      '@odata.etag': etag(updated),
      ...fields,
      id: String(i.id),
    },
    headers: { ETag: etag(updated) },
  };
}

function deleteItem({ store, now }: SharePointOptions, req: GraphRequest): GraphResponse {
  const { l, i } = findItem(store, req);
  ifMatch(req, i);
  store.deleteItem(l.id, i.id);
  keepTombstone(store, l.id, i.id, now().getTime());
  return { status: 204 };
}

export function itemRoutes(o: SharePointOptions): GraphRoute[] {
  const items = new RegExp(`^${listSegment}/items$`);
  const item = new RegExp(String.raw`^${listSegment}/items/(?<item>\d+)$`);
  const itemFields = new RegExp(String.raw`^${listSegment}/items/(?<item>\d+)/fields$`);
  return [
    { method: 'GET', pattern: items, kind: 'listItems.list', handle: (req) => listItems(o, req) },
    { method: 'POST', pattern: items, kind: 'listItems.create', handle: (req) => createItem(o, req) },
    { method: 'GET', pattern: item, kind: 'listItems.get', handle: (req) => getItem(o, req) },
    { method: 'PATCH', pattern: itemFields, kind: 'listItems.update', handle: (req) => updateItemFields(o, req) },
    { method: 'DELETE', pattern: item, kind: 'listItems.delete', handle: (req) => deleteItem(o, req) },
  ];
}
