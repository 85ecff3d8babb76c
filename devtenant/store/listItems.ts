// SharePoint list items: fields as JSON, with the version and eTag GUID that optimistic concurrency and delta read.
import type { TenantDatabase } from './database.js';
import { parseBody } from './database.js';

export interface StoredItem {
  id: number;
  listId: string;
  fields: Record<string, unknown>;
  version: number;
  etagGuid: string;
  createdMs: number;
  modifiedMs: number;
  createdBy: string;
}

interface ItemRow {
  list_id: string;
  id: number;
  fields: string;
  version: number;
  etag_guid: string;
  created_ms: number;
  modified_ms: number;
  created_by: string;
}

function toItem(r: ItemRow): StoredItem {
  return {
    listId: r.list_id,
    id: r.id,
    fields: parseBody(r.fields),
    version: r.version,
    etagGuid: r.etag_guid,
    createdMs: r.created_ms,
    modifiedMs: r.modified_ms,
    createdBy: r.created_by,
  };
}

export class ListItemTable {
  constructor(private readonly tenant: TenantDatabase) {}

  /** Items of a list changed in [sinceMs, upToMs) with an id after `afterId`, in id order, at most `limit` (one indexed query). */
  changedItems(listId: string, afterId: number, sinceMs: number, upToMs: number, limit: number): StoredItem[] {
    return (
      this.tenant
        .statement(
          'SELECT * FROM items WHERE list_id = ? AND id > ? AND modified_ms >= ? AND modified_ms < ? ORDER BY id LIMIT ?',
        )
        .all(listId, afterId, sinceMs, upToMs, limit) as ItemRow[]
    ).map(toItem);
  }

  items(listId: string): StoredItem[] {
    return (this.tenant.db.prepare('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(listId) as ItemRow[]).map(
      toItem,
    );
  }

  item(listId: string, id: number): StoredItem | null {
    const r = this.tenant.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as
      ItemRow | undefined;
    return r ? toItem(r) : null;
  }

  nextItemId(listId: string): number {
    const r = this.tenant.db.prepare('SELECT MAX(id) AS m FROM items WHERE list_id = ?').get(listId) as {
      m: number | null;
    };
    return (r.m ?? 0) + 1;
  }

  insertItem(i: StoredItem): void {
    this.tenant.db
      .prepare(
        'INSERT INTO items (list_id, id, fields, version, etag_guid, created_ms, modified_ms, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(i.listId, i.id, JSON.stringify(i.fields), i.version, i.etagGuid, i.createdMs, i.modifiedMs, i.createdBy);
  }

  updateItem(i: StoredItem): void {
    this.tenant.db
      .prepare('UPDATE items SET fields = ?, version = ?, modified_ms = ? WHERE list_id = ? AND id = ?')
      .run(JSON.stringify(i.fields), i.version, i.modifiedMs, i.listId, i.id);
  }

  deleteItem(listId: string, id: number): void {
    this.tenant.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
  }
}
