// SharePoint through Graph: the program site, its lists with typed columns
// (indexed, unique), and list items with fields, $filter, paging and eTags.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphError, badRequest, notFound } from '../graphErrors.js';
import type { DevTenantStore, StoredItem, StoredList } from '../store.js';
import type { GraphRequest, GraphRoute } from './dispatch.js';
import { matchesFilter, page, parseFilter, parseTop } from './odata.js';

const graphContext = 'https://graph.microsoft.com/v1.0/$metadata';
const builtInFields = [
  'Title',
  'id',
  'ContentType',
  'Created',
  'Modified',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitle',
  'ItemChildCount',
  'FolderChildCount',
  '_ComplianceFlags',
  '_ComplianceTag',
  'AppAuthorLookupId',
  'AppEditorLookupId',
];

const ColumnDefinition = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'column names are letters, digits and _'),
    displayName: z.string().optional(),
    description: z.string().optional(),
    indexed: z.boolean().default(false),
    enforceUniqueValues: z.boolean().default(false),
    required: z.boolean().default(false),
    hidden: z.boolean().default(false),
    text: z
      .object({
        allowMultipleLines: z.boolean().optional(),
        maxLength: z.number().int().optional(),
        linesForEditing: z.number().optional(),
      })
      .passthrough()
      .optional(),
    number: z.object({ decimalPlaces: z.string().optional() }).passthrough().optional(),
    dateTime: z.object({ format: z.string().optional() }).passthrough().optional(),
    boolean: z.object({}).passthrough().optional(),
    choice: z
      .object({ choices: z.array(z.string()).min(1), allowTextEntry: z.boolean().optional() })
      .passthrough()
      .optional(),
  })
  .refine((c) => !c.enforceUniqueValues || c.indexed, 'enforceUniqueValues requires indexed');
type ColumnDefinition = z.infer<typeof ColumnDefinition>;

const ListCreate = z.object({
  displayName: z.string().min(1).max(255),
  description: z.string().optional(),
  columns: z.array(ColumnDefinition).max(200).default([]),
  list: z
    .object({ template: z.string().default('genericList') })
    .passthrough()
    .optional(),
});

const ItemFields = z.record(z.string(), z.unknown());

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw badRequest(`Invalid request: ${issue.path.join('.') || 'body'}: ${issue.message}`, 'invalidRequest');
}

function columnsOf(list: StoredList): ColumnDefinition[] {
  return (list.body['columns'] as ColumnDefinition[]) ?? [];
}

function columnResource(c: ColumnDefinition): Record<string, unknown> {
  return {
    id: randomUUID(),
    columnGroup: 'Custom Columns',
    displayName: c.displayName ?? c.name,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    indexed: c.indexed,
    name: c.name,
    readOnly: false,
    required: c.required,
    ...(c.text ? { text: c.text } : {}),
    ...(c.number ? { number: c.number } : {}),
    ...(c.dateTime ? { dateTime: c.dateTime } : {}),
    ...(c.boolean ? { boolean: c.boolean } : {}),
    ...(c.choice ? { choice: c.choice } : {}),
  };
}

export interface SharePointOptions {
  store: DevTenantStore;
  now: () => Date;
}

export function sharePointRoutes({ store, now }: SharePointOptions): GraphRoute[] {
  const site = (req: GraphRequest) => {
    const s = store.siteById(String(req.params.site));
    if (!s) throw new GraphError(404, 'itemNotFound', 'Requested site could not be found');
    return s;
  };
  const list = (req: GraphRequest): StoredList => {
    const s = site(req);
    const l = store.findList(String(s['id']), String(req.params.list));
    if (!l) throw new GraphError(404, 'itemNotFound', 'The specified list was not found');
    return l;
  };
  const listResource = (l: StoredList, expandColumns: boolean) => {
    const { columns: _columns, ...rest } = l.body;
    return {
      '@odata.etag': `"${l.id},1"`,
      ...rest,
      ...(expandColumns
        ? {
            columns: [
              {
                name: 'Title',
                displayName: 'Title',
                text: {},
                indexed: false,
                enforceUniqueValues: false,
                required: false,
                hidden: false,
                readOnly: false,
                columnGroup: 'Custom Columns',
                id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
              },
              ...columnsOf(l).map(columnResource),
            ],
          }
        : {}),
    };
  };
  const etag = (i: StoredItem) => `"${i.etagGuid},${i.version}"`;
  const itemResource = (l: StoredList, i: StoredItem, withFields: boolean, selectFields: string[] | null) => {
    const author = store.findUser(i.createdBy);
    const by = author
      ? { user: { email: author.mail, id: author.id, displayName: author.displayName } }
      : { application: { id: i.createdBy, displayName: 'Reciprocal' } };
    const fieldsAll: Record<string, unknown> = {
      '@odata.etag': etag(i),
      id: String(i.id),
      ContentType: 'Item',
      Created: new Date(i.createdMs).toISOString().replace(/\.\d+Z$/, 'Z'),
      Modified: new Date(i.modifiedMs).toISOString().replace(/\.\d+Z$/, 'Z'),
      _UIVersionString: `${i.version}.0`,
      Attachments: false,
      ...i.fields,
    };
    const fields = selectFields
      ? Object.fromEntries(Object.entries(fieldsAll).filter(([k]) => k === '@odata.etag' || selectFields.includes(k)))
      : fieldsAll;
    return {
      '@odata.etag': etag(i),
      createdDateTime: new Date(i.createdMs).toISOString().replace(/\.\d+Z$/, 'Z'),
      eTag: etag(i),
      id: String(i.id),
      lastModifiedDateTime: new Date(i.modifiedMs).toISOString().replace(/\.\d+Z$/, 'Z'),
      webUrl: `${String(store.siteById(l.siteId)?.['webUrl'] ?? '')}/Lists/${l.name}/${i.id}_.000`,
      createdBy: by,
      lastModifiedBy: by,
      parentReference: { id: l.id, siteId: l.siteId },
      contentType: { id: '0x0100', name: 'Item' },
      ...(withFields ? { fields } : {}),
    };
  };
  /** `$expand=fields` or `expand=fields(select=A,B)` */
  const fieldsExpansion = (req: GraphRequest): { expand: boolean; select: string[] | null } => {
    const raw = req.query.get('$expand') ?? req.query.get('expand');
    if (!raw || !/^fields\b/.test(raw)) return { expand: false, select: null };
    const sel = /select=([^)]+)\)/.exec(raw)?.[1];
    return { expand: true, select: sel ? sel.split(',').map((s) => s.trim()) : null };
  };

  const checkFields = (l: StoredList, fields: Record<string, unknown>) => {
    const cols = new Map(columnsOf(l).map((c) => [c.name, c]));
    for (const [k, v] of Object.entries(fields)) {
      if (k.startsWith('@odata')) continue;
      const col = cols.get(k);
      if (!col) {
        if (builtInFields.includes(k)) continue;
        throw badRequest(`Field '${k}' is not recognized`, 'invalidRequest');
      }
      if (v === null) continue;
      if (col.number && typeof v !== 'number') throw badRequest(`Field '${k}' expects a number.`, 'invalidRequest');
      if (col.boolean && typeof v !== 'boolean') throw badRequest(`Field '${k}' expects a boolean.`, 'invalidRequest');
      if ((col.text || col.choice || col.dateTime) && typeof v !== 'string')
        throw badRequest(`Field '${k}' expects a string.`, 'invalidRequest');
      if (col.choice && !col.choice.allowTextEntry && !col.choice.choices.includes(String(v)))
        throw badRequest(`Field '${k}': '${String(v)}' is not one of its choices.`, 'invalidRequest');
      if (col.dateTime && Number.isNaN(Date.parse(String(v))))
        throw badRequest(`Field '${k}' expects a date and time.`, 'invalidRequest');
      if (col.text && !col.text.allowMultipleLines && String(v).length > (col.text.maxLength ?? 255))
        throw badRequest(`Field '${k}' is longer than ${col.text.maxLength ?? 255} characters.`, 'invalidRequest');
    }
  };

  const checkUnique = (l: StoredList, fields: Record<string, unknown>, exceptId: number | null) => {
    for (const c of columnsOf(l)) {
      if (!c.enforceUniqueValues || fields[c.name] === undefined || fields[c.name] === null) continue;
      const clash = store.items(l.id).find((i) => i.id !== exceptId && i.fields[c.name] === fields[c.name]);
      if (clash)
        throw new GraphError(
          409,
          'nameAlreadyExists',
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${c.name}].`,
        );
    }
  };

  const ifMatch = (req: GraphRequest, item: StoredItem) => {
    const header = req.headers['if-match'];
    if (header && header !== '*' && header.replace(/^W\//, '') !== etag(item)) {
      throw new GraphError(412, 'preconditionFailed', 'The request ETag value does not match the object ETag value.');
    }
  };

  const caller = (req: GraphRequest) => req.caller.userId ?? req.caller.appId;
  const siteSeg = String.raw`/sites/(?<site>[^/:]+(?:,[^/]+){0,2})`;
  const listSeg = String.raw`${siteSeg}/lists/(?<list>[^/]+)`;
  const itemSeg = String.raw`${listSeg}/items/(?<item>\d+)`;

  return [
    {
      method: 'GET',
      pattern: /^\/sites\/(?<host>[^/:]+):(?<path>\/[^:]+):?$/,
      kind: 'sites.getByPath',
      handle: (req) => {
        const s = store.findSite(String(req.params.host), String(req.params.path));
        if (!s) throw new GraphError(404, 'itemNotFound', 'Requested site could not be found');
        return { status: 200, body: { '@odata.context': `${graphContext}#sites/$entity`, ...s } };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${siteSeg}$`),
      kind: 'sites.get',
      handle: (req) => ({ status: 200, body: { '@odata.context': `${graphContext}#sites/$entity`, ...site(req) } }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${siteSeg}/lists$`),
      kind: 'lists.list',
      handle: (req) => {
        const s = site(req);
        const expand = /columns/.test(req.query.get('$expand') ?? '');
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#sites('${String(s['id'])}')/lists`,
            value: store.lists(String(s['id'])).map((l) => listResource(l, expand)),
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${siteSeg}/lists$`),
      kind: 'lists.create',
      handle: (req) => {
        const s = site(req);
        const input = parse(ListCreate, req.body);
        const name = input.displayName.replace(/[^A-Za-z0-9]/g, '');
        if (store.findList(String(s['id']), name) || store.findList(String(s['id']), input.displayName)) {
          throw new GraphError(
            409,
            'nameAlreadyExists',
            `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`,
          );
        }
        const id = randomUUID();
        const stamp = now()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z');
        const l: StoredList = {
          id,
          siteId: String(s['id']),
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
            parentReference: { siteId: String(s['id']) },
            list: { contentTypesEnabled: false, hidden: false, template: input.list?.template ?? 'genericList' },
            columns: input.columns,
          },
        };
        store.insertList(l);
        return {
          status: 201,
          body: {
            '@odata.context': `${graphContext}#sites('${String(s['id'])}')/lists/$entity`,
            ...listResource(l, true),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${listSeg}$`),
      kind: 'lists.get',
      handle: (req) => ({
        status: 200,
        body: {
          '@odata.context': `${graphContext}#sites('${req.params.site}')/lists/$entity`,
          ...listResource(list(req), /columns/.test(req.query.get('$expand') ?? '')),
        },
      }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${listSeg}/columns$`),
      kind: 'columns.list',
      handle: (req) => ({
        status: 200,
        body: { value: (listResource(list(req), true) as { columns: unknown[] }).columns },
      }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${listSeg}/columns$`),
      kind: 'columns.create',
      handle: (req) => {
        const l = list(req);
        const col = parse(ColumnDefinition, req.body);
        if (columnsOf(l).some((c) => c.name === col.name) || col.name === 'Title')
          throw new GraphError(409, 'nameAlreadyExists', `A column named '${col.name}' already exists.`);
        store.updateList({ ...l, body: { ...l.body, columns: [...columnsOf(l), col] } });
        return { status: 201, body: columnResource(col) };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${listSeg}/items$`),
      kind: 'listItems.list',
      handle: (req) => {
        const l = list(req);
        const { expand, select } = fieldsExpansion(req);
        const filterText = req.query.get('$filter') ?? req.query.get('filter');
        const filter = filterText ? parseFilter(filterText) : null;
        if (filter) {
          // SharePoint refuses filters on columns that are not indexed (without the Prefer header).
          const indexed = new Set(
            columnsOf(l)
              .filter((c) => c.indexed)
              .map((c) => `fields/${c.name}`),
          );
          const honoursNonIndexed = /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(req.headers['prefer'] ?? '');
          const paths: string[] = [];
          const walk = (n: typeof filter): void => {
            if ('left' in n) {
              walk(n.left);
              walk(n.right);
            } else paths.push(n.path);
          };
          walk(filter);
          const bad = paths.find((p) => !indexed.has(p) && !honoursNonIndexed);
          if (bad)
            throw badRequest(
              `Field '${bad.replace('fields/', '')}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
              'invalidRequest',
            );
        }
        let items = store.items(l.id);
        if (filter)
          items = items.filter((i) =>
            matchesFilter(filter, (p) =>
              p.startsWith('fields/') ? i.fields[p.slice(7)] : p === 'id' ? String(i.id) : undefined,
            ),
          );
        const top = parseTop(req.query, 200, 5000);
        const { value, nextLink } = page(
          items.map((i) => itemResource(l, i, expand, select)),
          req.query,
          req.baseUrl,
          `/sites/${req.params.site}/lists/${l.id}/items`,
          top,
        );
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#sites('${req.params.site}')/lists('${l.id}')/items`,
            ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
            value,
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${listSeg}/items$`),
      kind: 'listItems.create',
      handle: (req) => {
        const l = list(req);
        const body = parse(z.object({ fields: ItemFields }), req.body);
        checkFields(l, body.fields);
        checkUnique(l, body.fields, null);
        const stamp = now().getTime();
        const item: StoredItem = {
          listId: l.id,
          id: store.nextItemId(l.id),
          fields: body.fields,
          version: 1,
          etagGuid: randomUUID(),
          createdMs: stamp,
          modifiedMs: stamp,
          createdBy: caller(req),
        };
        store.insertItem(item);
        return {
          status: 201,
          body: {
            '@odata.context': `${graphContext}#sites('${req.params.site}')/lists('${l.id}')/items/$entity`,
            ...itemResource(l, item, true, null),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${itemSeg}$`),
      kind: 'listItems.get',
      handle: (req) => {
        const l = list(req);
        const i = store.item(l.id, Number(req.params.item));
        if (!i) throw notFound('The list item');
        const { expand, select } = fieldsExpansion(req);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#sites('${req.params.site}')/lists('${l.id}')/items/$entity`,
            ...itemResource(l, i, expand, select),
          },
          headers: { ETag: etag(i) },
        };
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^${itemSeg}/fields$`),
      kind: 'listItems.update',
      handle: (req) => {
        const l = list(req);
        const i = store.item(l.id, Number(req.params.item));
        if (!i) throw notFound('The list item');
        ifMatch(req, i);
        const patch = parse(ItemFields, req.body);
        checkFields(l, patch);
        const fields = { ...i.fields, ...patch };
        checkUnique(l, fields, i.id);
        const updated = {
          ...i,
          fields,
          version: i.version + 1,
          modifiedMs: Math.max(now().getTime(), i.modifiedMs + 1),
        };
        store.updateItem(updated);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#sites('${req.params.site}')/lists('${l.id}')/items('${i.id}')/fields/$entity`,
            '@odata.etag': etag(updated),
            ...fields,
            id: String(i.id),
          },
          headers: { ETag: etag(updated) },
        };
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^${itemSeg}$`),
      kind: 'listItems.delete',
      handle: (req) => {
        const l = list(req);
        const i = store.item(l.id, Number(req.params.item));
        if (!i) throw notFound('The list item');
        ifMatch(req, i);
        store.deleteItem(l.id, i.id);
        return { status: 204 };
      },
    },
  ];
}
