// The dev tenant's SQLite connection, shared by the table modules beside this one.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { tenantSchema } from './schema.js';

export type JsonBody = Record<string, unknown>;

export function parseBody(json: string): JsonBody {
  return JSON.parse(json) as JsonBody;
}

export class TenantDatabase {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'devtenant.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(tenantSchema);
  }

  /** Prepared once per store: getSchedule asks for thousands of mailboxes in one run. */
  statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }
}
