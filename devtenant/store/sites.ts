// SharePoint sites and their lists (the lists' columns live in the list JSON; the items in listItems.ts).
import type { JsonBody, TenantDatabase } from './database.js';
import { parseBody } from './database.js';

export interface StoredList {
  id: string;
  siteId: string;
  name: string;
  body: Record<string, unknown>;
}

interface ListRow {
  id: string;
  site_id: string;
  name: string;
  body: string;
}

function toList(r: ListRow): StoredList {
  return { id: r.id, siteId: r.site_id, name: r.name, body: parseBody(r.body) };
}

export class SiteTable {
  constructor(private readonly tenant: TenantDatabase) {}

  upsertSite(id: string, hostname: string, sitePath: string, body: JsonBody): void {
    this.tenant.db
      .prepare('INSERT INTO sites (id, hostname, path, body) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING')
      .run(id, hostname.toLowerCase(), sitePath.toLowerCase(), JSON.stringify(body));
  }

  findSite(hostname: string, sitePath: string): JsonBody | null {
    const r = this.tenant.db
      .prepare('SELECT body FROM sites WHERE hostname = ? AND path = ?')
      .get(hostname.toLowerCase(), sitePath.toLowerCase().replace(/\/$/, '')) as { body: string } | undefined;
    return r ? parseBody(r.body) : null;
  }

  siteById(id: string): JsonBody | null {
    const r = this.tenant.db.prepare('SELECT body FROM sites WHERE id = ?').get(id) as { body: string } | undefined;
    return r ? parseBody(r.body) : null;
  }

  lists(siteId: string): StoredList[] {
    return (
      this.tenant.db.prepare('SELECT * FROM lists WHERE site_id = ? ORDER BY rowid').all(siteId) as ListRow[]
    ).map(toList);
  }

  findList(siteId: string, idOrName: string): StoredList | null {
    const r = this.tenant.db
      .prepare('SELECT * FROM lists WHERE site_id = ? AND (id = ? OR name = ?)')
      .get(siteId, idOrName, idOrName) as ListRow | undefined;
    return r ? toList(r) : null;
  }

  insertList(l: StoredList): void {
    this.tenant.db
      .prepare('INSERT INTO lists (id, site_id, name, body) VALUES (?, ?, ?, ?)')
      .run(l.id, l.siteId, l.name, JSON.stringify(l.body));
  }

  updateList(l: StoredList): void {
    this.tenant.db.prepare('UPDATE lists SET body = ? WHERE id = ?').run(JSON.stringify(l.body), l.id);
  }
}
