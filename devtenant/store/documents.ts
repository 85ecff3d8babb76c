// Smaller dev-tenant resources (groups, app installations, ...) kept as JSON by collection, without a table each.
import type { JsonBody, TenantDatabase } from './database.js';
import { parseBody } from './database.js';

export class DocumentTable {
  constructor(private readonly tenant: TenantDatabase) {}

  putDocument(collection: string, id: string, body: JsonBody): void {
    this.tenant
      .statement(
        'INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT(collection, id) DO UPDATE SET body = excluded.body',
      )
      .run(collection, id, JSON.stringify(body));
  }

  document(collection: string, id: string): JsonBody | null {
    const r = this.tenant
      .statement('SELECT body FROM documents WHERE collection = ? AND id = ?')
      .get(collection, id) as { body: string } | undefined;
    return r ? parseBody(r.body) : null;
  }

  documents(collection: string): JsonBody[] {
    return (
      this.tenant.statement('SELECT body FROM documents WHERE collection = ? ORDER BY id').all(collection) as Array<{
        body: string;
      }>
    ).map((r) => parseBody(r.body));
  }

  deleteDocument(collection: string, id: string): void {
    this.tenant.statement('DELETE FROM documents WHERE collection = ? AND id = ?').run(collection, id);
  }
}
