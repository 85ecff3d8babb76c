// Sites, lists and list items as Graph returns them.
import { GraphError } from '../../graphErrors.js';
import type { DevTenantStore, StoredItem, StoredList } from '../../store.js';
import { isoSeconds } from '../../time.js';
import type { GraphRequest } from '../dispatch.js';
import { columnResource, columnsOf, titleColumn } from './columns.js';

export function findSite(store: DevTenantStore, req: GraphRequest): Record<string, unknown> {
  const s = store.siteById(String(req.params.site));
  if (!s) throw new GraphError(404, 'itemNotFound', 'Requested site could not be found');
  return s;
}

export function findList(store: DevTenantStore, req: GraphRequest): StoredList {
  const s = findSite(store, req);
  const l = store.findList(String(s['id']), String(req.params.list));
  if (!l) throw new GraphError(404, 'itemNotFound', 'The specified list was not found');
  return l;
}

export function listResource(l: StoredList, expandColumns: boolean): Record<string, unknown> {
  const { columns: _columns, ...rest } = l.body;
  return {
    '@odata.etag': `"${l.id},1"`,
    ...rest,
    ...(expandColumns ? { columns: [titleColumn, ...columnsOf(l).map(columnResource)] } : {}),
  };
}

export const etag = (i: StoredItem): string => `"${i.etagGuid},${i.version}"`;

export function itemResource(
  store: DevTenantStore,
  l: StoredList,
  i: StoredItem,
  withFields: boolean,
  selectFields: string[] | null,
): Record<string, unknown> {
  const author = store.findUser(i.createdBy);
  const by = author
    ? { user: { email: author.mail, id: author.id, displayName: author.displayName } }
    : { application: { id: i.createdBy, displayName: 'Reciprocal' } };
  const fieldsAll: Record<string, unknown> = {
    '@odata.etag': etag(i),
    id: String(i.id),
    ContentType: 'Item',
    Created: isoSeconds(i.createdMs),
    Modified: isoSeconds(i.modifiedMs),
    _UIVersionString: `${i.version}.0`,
    Attachments: false,
    ...i.fields,
  };
  const fields = selectFields
    ? Object.fromEntries(Object.entries(fieldsAll).filter(([k]) => k === '@odata.etag' || selectFields.includes(k)))
    : fieldsAll;
  return {
    '@odata.etag': etag(i),
    createdDateTime: isoSeconds(i.createdMs),
    eTag: etag(i),
    id: String(i.id),
    lastModifiedDateTime: isoSeconds(i.modifiedMs),
    webUrl: `${String(store.siteById(l.siteId)?.['webUrl'] ?? '')}/Lists/${l.name}/${i.id}_.000`,
    createdBy: by,
    lastModifiedBy: by,
    parentReference: { id: l.id, siteId: l.siteId },
    contentType: { id: '0x0100', name: 'Item' },
    ...(withFields ? { fields } : {}),
  };
}
