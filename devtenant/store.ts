// The dev tenant's state in SQLite: directory, calendars, SharePoint lists,
// chats. Rows hold the Graph-shaped JSON; indexed columns serve the lookups.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { compactBody, parseEventBody } from './demo/compactEvents.js';

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string;
  managerId: string | null;
  /** Demo-only facts the root listing exposes for seeding the program. */
  careerStage: 'early' | 'mid' | 'seasoned';
  timeZone: string;
  windowsTimeZone: string;
  workingHours: { daysOfWeek: string[]; startTime: string; endTime: string };
  roles: string[];
}

export interface StoredEvent {
  id: string;
  owner: string;
  iCalUId: string;
  transactionId: string | null;
  startMs: number;
  endMs: number;
  /** Graph event JSON as stored (UTC times). */
  body: Record<string, unknown>;
}

export interface StoredList {
  id: string;
  siteId: string;
  name: string;
  body: Record<string, unknown>;
}

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

/** SQLite's cache_size (negative: KiB) while seeding in bulk: 256 MB. */
const bulkCacheSize = -262_144;
/** From this many people at once, the iCalUId index is built after the rows rather than row by row. */
const bulkIndexRebuildPeople = 1000;
const eventsIcalIndex = 'CREATE INDEX IF NOT EXISTS events_ical ON events(ical_uid)';

export class DevTenantStore {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'devtenant.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE, mail TEXT NOT NULL COLLATE NOCASE, department TEXT, seq INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS users_mail ON users(mail);
      CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, owner TEXT NOT NULL, ical_uid TEXT NOT NULL, transaction_id TEXT, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS events_owner_time ON events(owner, start_ms);
      ${eventsIcalIndex};
      CREATE UNIQUE INDEX IF NOT EXISTS events_owner_tx ON events(owner, transaction_id) WHERE transaction_id IS NOT NULL;
      CREATE TABLE IF NOT EXISTS sites (id TEXT PRIMARY KEY, hostname TEXT NOT NULL, path TEXT NOT NULL, body TEXT NOT NULL, UNIQUE(hostname, path));
      CREATE TABLE IF NOT EXISTS lists (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, body TEXT NOT NULL, UNIQUE(site_id, name));
      CREATE TABLE IF NOT EXISTS items (list_id TEXT NOT NULL, id INTEGER NOT NULL, fields TEXT NOT NULL, version INTEGER NOT NULL, etag_guid TEXT NOT NULL, created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (list_id, id));
      CREATE TABLE IF NOT EXISTS chats (id TEXT PRIMARY KEY, members_key TEXT, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS chats_members ON chats(members_key);
      CREATE TABLE IF NOT EXISTS chat_messages (id TEXT PRIMARY KEY, chat_id TEXT NOT NULL, created_ms INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS chat_messages_chat ON chat_messages(chat_id, created_ms);
      CREATE TABLE IF NOT EXISTS documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id));
    `);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per store: getSchedule asks for thousands of mailboxes in one run. */
  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  close(): void {
    this.db.close();
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  wipe(): void {
    this.db.exec(
      'DELETE FROM users; DELETE FROM events; DELETE FROM sites; DELETE FROM lists; DELETE FROM items; DELETE FROM chats; DELETE FROM chat_messages; DELETE FROM documents; DELETE FROM meta;',
    );
  }

  // ---- directory ----
  userCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  insertUsers(users: DirectoryUser[]): void {
    const start = this.userCount();
    const insert = this.db.prepare(
      'INSERT INTO users (id, upn, mail, department, seq, body) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() =>
      users.forEach((u, i) =>
        insert.run(u.id, u.userPrincipalName, u.mail, u.department, start + i, JSON.stringify(u)),
      ),
    )();
  }

  /**
   * Adds people and their calendars in one transaction with one prepared statement per table, skipping anyone
   * already there; calendars are made one person at a time so tens of thousands of mailboxes never sit in memory.
   */
  insertPeopleWithCalendars(
    users: readonly DirectoryUser[],
    calendarOf: (user: DirectoryUser) => StoredEvent[],
  ): number {
    const exists = this.db.prepare('SELECT 1 FROM users WHERE id = ?').pluck();
    const insertUser = this.db.prepare(
      'INSERT INTO users (id, upn, mail, department, seq, body) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertEvent = this.db.prepare(
      'INSERT INTO events (id, owner, ical_uid, transaction_id, start_ms, end_ms, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // Event ids are hashes, so rows land all over the id and iCalUId indexes: with SQLite's default 2 MB page
    // cache, half a million inserts mostly re-read and spill pages. A larger cache for this transaction only.
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${bulkCacheSize}`);
    try {
      return this.db.transaction(() => {
        // Random iCalUIds make every insert a random index write; building that index once afterwards is a sort.
        // (DDL is transactional in SQLite: a failure rolls the index back with the rows.)
        const rebuildIcalIndex = users.length >= bulkIndexRebuildPeople;
        if (rebuildIcalIndex) this.db.exec('DROP INDEX IF EXISTS events_ical');
        let seq = this.userCount();
        let added = 0;
        for (const u of users) {
          if (exists.get(u.id) !== undefined) continue;
          insertUser.run(u.id, u.userPrincipalName, u.mail, u.department, seq++, JSON.stringify(u));
          for (const e of calendarOf(u))
            insertEvent.run(e.id, e.owner, e.iCalUId, e.transactionId, e.startMs, e.endMs, compactBody(e.body));
          added++;
        }
        if (rebuildIcalIndex) this.db.exec(eventsIcalIndex);
        return added;
      })();
    } finally {
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  allUsers(): DirectoryUser[] {
    return (this.db.prepare('SELECT body FROM users ORDER BY seq').all() as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as DirectoryUser,
    );
  }

  /** By object id, UPN or mail (Graph accepts both in /users/{id|upn}). */
  findUser(idOrUpn: string): DirectoryUser | null {
    const row = this.statement('SELECT body FROM users WHERE id = ? OR upn = ? OR mail = ? LIMIT 1').get(
      idOrUpn.toLowerCase(),
      idOrUpn,
      idOrUpn,
    ) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as DirectoryUser) : null;
  }

  // ---- calendars ----
  insertEvents(events: StoredEvent[]): void {
    const insert = this.db.prepare(
      'INSERT INTO events (id, owner, ical_uid, transaction_id, start_ms, end_ms, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const e of events)
        insert.run(e.id, e.owner, e.iCalUId, e.transactionId, e.startMs, e.endMs, JSON.stringify(e.body));
    })();
  }

  updateEvent(e: StoredEvent): void {
    this.db
      .prepare('UPDATE events SET start_ms = ?, end_ms = ?, body = ? WHERE id = ?')
      .run(e.startMs, e.endMs, JSON.stringify(e.body), e.id);
  }

  deleteEvent(id: string): void {
    this.db.prepare('DELETE FROM events WHERE id = ?').run(id);
  }

  private static toEvent(r: {
    id: string;
    owner: string;
    ical_uid: string;
    transaction_id: string | null;
    start_ms: number;
    end_ms: number;
    body: string;
  }): StoredEvent {
    return {
      id: r.id,
      owner: r.owner,
      iCalUId: r.ical_uid,
      transactionId: r.transaction_id,
      startMs: r.start_ms,
      endMs: r.end_ms,
      body: parseEventBody(r.body),
    };
  }

  getEvent(owner: string, id: string): StoredEvent | null {
    const r = this.db.prepare('SELECT * FROM events WHERE id = ? AND owner = ?').get(id, owner) as
      Parameters<typeof DevTenantStore.toEvent>[0] | undefined;
    return r ? DevTenantStore.toEvent(r) : null;
  }

  eventByTransaction(owner: string, transactionId: string): StoredEvent | null {
    const r = this.db
      .prepare('SELECT * FROM events WHERE owner = ? AND transaction_id = ?')
      .get(owner, transactionId) as Parameters<typeof DevTenantStore.toEvent>[0] | undefined;
    return r ? DevTenantStore.toEvent(r) : null;
  }

  eventsByICalUId(iCalUId: string): StoredEvent[] {
    return (
      this.db.prepare('SELECT * FROM events WHERE ical_uid = ?').all(iCalUId) as Array<
        Parameters<typeof DevTenantStore.toEvent>[0]
      >
    ).map(DevTenantStore.toEvent);
  }

  /** Events overlapping [fromMs, toMs), earliest first. */
  eventsInRange(owner: string, fromMs: number, toMs: number): StoredEvent[] {
    return (
      this.statement('SELECT * FROM events WHERE owner = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms, id').all(
        owner,
        toMs,
        fromMs,
      ) as Array<Parameters<typeof DevTenantStore.toEvent>[0]>
    ).map(DevTenantStore.toEvent);
  }

  // ---- SharePoint ----
  upsertSite(id: string, hostname: string, sitePath: string, body: Record<string, unknown>): void {
    this.db
      .prepare('INSERT INTO sites (id, hostname, path, body) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING')
      .run(id, hostname.toLowerCase(), sitePath.toLowerCase(), JSON.stringify(body));
  }

  findSite(hostname: string, sitePath: string): Record<string, unknown> | null {
    const r = this.db
      .prepare('SELECT body FROM sites WHERE hostname = ? AND path = ?')
      .get(hostname.toLowerCase(), sitePath.toLowerCase().replace(/\/$/, '')) as { body: string } | undefined;
    return r ? (JSON.parse(r.body) as Record<string, unknown>) : null;
  }

  siteById(id: string): Record<string, unknown> | null {
    const r = this.db.prepare('SELECT body FROM sites WHERE id = ?').get(id) as { body: string } | undefined;
    return r ? (JSON.parse(r.body) as Record<string, unknown>) : null;
  }

  lists(siteId: string): StoredList[] {
    return (
      this.db.prepare('SELECT * FROM lists WHERE site_id = ? ORDER BY rowid').all(siteId) as Array<{
        id: string;
        site_id: string;
        name: string;
        body: string;
      }>
    ).map((r) => ({ id: r.id, siteId: r.site_id, name: r.name, body: JSON.parse(r.body) as Record<string, unknown> }));
  }

  findList(siteId: string, idOrName: string): StoredList | null {
    const r = this.db
      .prepare('SELECT * FROM lists WHERE site_id = ? AND (id = ? OR name = ?)')
      .get(siteId, idOrName, idOrName) as { id: string; site_id: string; name: string; body: string } | undefined;
    return r
      ? { id: r.id, siteId: r.site_id, name: r.name, body: JSON.parse(r.body) as Record<string, unknown> }
      : null;
  }

  insertList(l: StoredList): void {
    this.db
      .prepare('INSERT INTO lists (id, site_id, name, body) VALUES (?, ?, ?, ?)')
      .run(l.id, l.siteId, l.name, JSON.stringify(l.body));
  }

  updateList(l: StoredList): void {
    this.db.prepare('UPDATE lists SET body = ? WHERE id = ?').run(JSON.stringify(l.body), l.id);
  }

  /** Items of a list changed in [sinceMs, upToMs) with an id after `afterId`, in id order, at most `limit` (one indexed query). */
  changedItems(listId: string, afterId: number, sinceMs: number, upToMs: number, limit: number): StoredItem[] {
    return (
      this.statement(
        'SELECT * FROM items WHERE list_id = ? AND id > ? AND modified_ms >= ? AND modified_ms < ? ORDER BY id LIMIT ?',
      ).all(listId, afterId, sinceMs, upToMs, limit) as Array<Parameters<typeof DevTenantStore.toItem>[0]>
    ).map(DevTenantStore.toItem);
  }

  private static toItem(r: {
    list_id: string;
    id: number;
    fields: string;
    version: number;
    etag_guid: string;
    created_ms: number;
    modified_ms: number;
    created_by: string;
  }): StoredItem {
    return {
      listId: r.list_id,
      id: r.id,
      fields: JSON.parse(r.fields) as Record<string, unknown>,
      version: r.version,
      etagGuid: r.etag_guid,
      createdMs: r.created_ms,
      modifiedMs: r.modified_ms,
      createdBy: r.created_by,
    };
  }

  items(listId: string): StoredItem[] {
    return (
      this.db.prepare('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(listId) as Array<
        Parameters<typeof DevTenantStore.toItem>[0]
      >
    ).map(DevTenantStore.toItem);
  }

  item(listId: string, id: number): StoredItem | null {
    const r = this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as
      Parameters<typeof DevTenantStore.toItem>[0] | undefined;
    return r ? DevTenantStore.toItem(r) : null;
  }

  nextItemId(listId: string): number {
    const r = this.db.prepare('SELECT MAX(id) AS m FROM items WHERE list_id = ?').get(listId) as { m: number | null };
    return (r.m ?? 0) + 1;
  }

  insertItem(i: StoredItem): void {
    this.db
      .prepare(
        'INSERT INTO items (list_id, id, fields, version, etag_guid, created_ms, modified_ms, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(i.listId, i.id, JSON.stringify(i.fields), i.version, i.etagGuid, i.createdMs, i.modifiedMs, i.createdBy);
  }

  updateItem(i: StoredItem): void {
    this.db
      .prepare('UPDATE items SET fields = ?, version = ?, modified_ms = ? WHERE list_id = ? AND id = ?')
      .run(JSON.stringify(i.fields), i.version, i.modifiedMs, i.listId, i.id);
  }

  deleteItem(listId: string, id: number): void {
    this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
  }

  // ---- chats ----
  insertChat(id: string, membersKey: string | null, body: Record<string, unknown>): void {
    this.db
      .prepare('INSERT INTO chats (id, members_key, body) VALUES (?, ?, ?)')
      .run(id, membersKey, JSON.stringify(body));
  }

  chat(id: string): Record<string, unknown> | null {
    const r = this.db.prepare('SELECT body FROM chats WHERE id = ?').get(id) as { body: string } | undefined;
    return r ? (JSON.parse(r.body) as Record<string, unknown>) : null;
  }

  chatByMembers(membersKey: string): Record<string, unknown> | null {
    const r = this.db.prepare('SELECT body FROM chats WHERE members_key = ?').get(membersKey) as
      { body: string } | undefined;
    return r ? (JSON.parse(r.body) as Record<string, unknown>) : null;
  }

  insertChatMessage(id: string, chatId: string, createdMs: number, body: Record<string, unknown>): void {
    this.db
      .prepare('INSERT INTO chat_messages (id, chat_id, created_ms, body) VALUES (?, ?, ?, ?)')
      .run(id, chatId, createdMs, JSON.stringify(body));
  }

  chatMessages(chatId: string): Array<Record<string, unknown>> {
    return (
      this.db
        .prepare('SELECT body FROM chat_messages WHERE chat_id = ? ORDER BY created_ms DESC, id DESC')
        .all(chatId) as Array<{ body: string }>
    ).map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  // ---- documents: smaller resources (groups, app installations, ...) kept as JSON by collection ----
  putDocument(collection: string, id: string, body: Record<string, unknown>): void {
    this.statement(
      'INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT(collection, id) DO UPDATE SET body = excluded.body',
    ).run(collection, id, JSON.stringify(body));
  }

  document(collection: string, id: string): Record<string, unknown> | null {
    const r = this.statement('SELECT body FROM documents WHERE collection = ? AND id = ?').get(collection, id) as
      { body: string } | undefined;
    return r ? (JSON.parse(r.body) as Record<string, unknown>) : null;
  }

  documents(collection: string): Array<Record<string, unknown>> {
    return (
      this.statement('SELECT body FROM documents WHERE collection = ? ORDER BY id').all(collection) as Array<{
        body: string;
      }>
    ).map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  deleteDocument(collection: string, id: string): void {
    this.statement('DELETE FROM documents WHERE collection = ? AND id = ?').run(collection, id);
  }
}
