// A site's lists (list, create, get) and a list's columns (list, add).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphError } from '../../graphErrors.js';
import type { StoredList } from '../../store.js';
import { isoSeconds } from '../../time.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { graphContext } from '../odata.js';
import { parsePayload } from '../payload.js';
import { ColumnDefinition, columnResource, columnsOf } from './columns.js';
import type { SharePointOptions } from './options.js';
import { findList, findSite, listResource } from './resources.js';
import { siteSegment } from './sites.js';

export const listSegment = String.raw`${siteSegment}/lists/(?<list>[^/]+)`;

const ListCreate = z.object({
  displayName: z.string().min(1).max(255),
  description: z.string().optional(),
  columns: z.array(ColumnDefinition).max(200).default([]),
  list: z
    .object({ template: z.string().default('genericList') })
    .passthrough()
    .optional(),
});

const expandsColumns = (req: GraphRequest) => /columns/.test(req.query.get('$expand') ?? '');

function createList({ store, now }: SharePointOptions, req: GraphRequest): GraphResponse {
  const s = findSite(store, req);
  const siteId = String(s['id']);
  const input = parsePayload(ListCreate, req.body, 'invalidRequest');
  const name = input.displayName.replace(/[^A-Za-z0-9]/g, '');
  if (store.findList(siteId, name) || store.findList(siteId, input.displayName)) {
    throw new GraphError(
      409,
      'nameAlreadyExists',
      `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`,
    );
  }
  const id = randomUUID();
  const stamp = isoSeconds(now().getTime());
  const l: StoredList = {
    id,
    siteId,
    name,
    body: {
      id,
      createdDateTime: stamp,
      description: input.description ?? '',
      displayName: input.displayName,
      eTag: `"${id},1"`,
      lastModifiedDateTime: stamp,
      name,
      webUrl: `${String(s['webUrl'])}/Lists/${name}`,
      createdBy: { application: { id: req.caller.appId, displayName: 'Reciprocal' } },
      parentReference: { siteId },
      list: { contentTypesEnabled: false, hidden: false, template: input.list?.template ?? 'genericList' },
      columns: input.columns,
    },
  };
  store.insertList(l);
  return {
    status: 201,
    body: { '@odata.context': `${graphContext}#sites('${siteId}')/lists/$entity`, ...listResource(l, true) },
  };
}

function addColumn({ store }: SharePointOptions, req: GraphRequest): GraphResponse {
  const l = findList(store, req);
  const col = parsePayload(ColumnDefinition, req.body, 'invalidRequest');
  if (columnsOf(l).some((c) => c.name === col.name) || col.name === 'Title')
    throw new GraphError(409, 'nameAlreadyExists', `A column named '${col.name}' already exists.`);
  store.updateList({ ...l, body: { ...l.body, columns: [...columnsOf(l), col] } });
  return { status: 201, body: columnResource(col) };
}

export function listRoutes(o: SharePointOptions): GraphRoute[] {
  const { store } = o;
  const lists = new RegExp(`^${siteSegment}/lists$`);
  const columns = new RegExp(`^${listSegment}/columns$`);
  return [
    {
      method: 'GET',
      pattern: lists,
      kind: 'lists.list',
      handle: (req) => {
        const siteId = String(findSite(store, req)['id']);
        const expand = expandsColumns(req);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#sites('${siteId}')/lists`,
            value: store.lists(siteId).map((l) => listResource(l, expand)),
          },
        };
      },
    },
    { method: 'POST', pattern: lists, kind: 'lists.create', handle: (req) => createList(o, req) },
    {
      method: 'GET',
      pattern: new RegExp(`^${listSegment}$`),
      kind: 'lists.get',
      handle: (req) => ({
        status: 200,
        body: {
          '@odata.context': `${graphContext}#sites('${req.params.site}')/lists/$entity`,
          ...listResource(findList(store, req), expandsColumns(req)),
        },
      }),
    },
    {
      method: 'GET',
      pattern: columns,
      kind: 'columns.list',
      handle: (req) => ({
        status: 200,
        body: { value: (listResource(findList(store, req), true) as { columns: unknown[] }).columns },
      }),
    },
    { method: 'POST', pattern: columns, kind: 'columns.create', handle: (req) => addColumn(o, req) },
  ];
}
