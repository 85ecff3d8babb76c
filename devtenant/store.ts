// The dev tenant's state in SQLite: directory, calendars, SharePoint lists, chats and documents.
// One entry point over the table modules in store/, so the Graph and identity handlers take a single store.
import type Database from 'better-sqlite3';
import { insertPeopleWithCalendars } from './store/bulkSeeding.js';
import type { StoredEvent } from './store/calendars.js';
import { CalendarTable } from './store/calendars.js';
import { ChatTable } from './store/chats.js';
import type { JsonBody } from './store/database.js';
import { TenantDatabase } from './store/database.js';
import type { DirectoryUser } from './store/directory.js';
import { DirectoryTable } from './store/directory.js';
import { DocumentTable } from './store/documents.js';
import type { StoredItem } from './store/listItems.js';
import { ListItemTable } from './store/listItems.js';
import { wipeTenant } from './store/schema.js';
import type { StoredList } from './store/sites.js';
import { SiteTable } from './store/sites.js';

export type { DirectoryUser, StoredEvent, StoredItem, StoredList };

export class DevTenantStore {
  readonly db: Database.Database;
  private readonly tenant: TenantDatabase;
  private readonly directory: DirectoryTable;
  private readonly calendars: CalendarTable;
  private readonly sites: SiteTable;
  private readonly listItems: ListItemTable;
  private readonly chats: ChatTable;
  private readonly collections: DocumentTable;

  constructor(dataDir: string) {
    this.tenant = new TenantDatabase(dataDir);
    this.db = this.tenant.db;
    this.directory = new DirectoryTable(this.tenant);
    this.calendars = new CalendarTable(this.tenant);
    this.sites = new SiteTable(this.tenant);
    this.listItems = new ListItemTable(this.tenant);
    this.chats = new ChatTable(this.tenant);
    this.collections = new DocumentTable(this.tenant);
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
    this.db.exec(wipeTenant);
  }

  // ---- directory ----
  userCount(): number {
    return this.directory.userCount();
  }
  insertUsers(users: DirectoryUser[]): void {
    this.directory.insertUsers(users);
  }
  insertPeopleWithCalendars(
    users: readonly DirectoryUser[],
    calendarOf: (user: DirectoryUser) => StoredEvent[],
  ): number {
    return insertPeopleWithCalendars(this.tenant, this.directory, users, calendarOf);
  }
  allUsers(): DirectoryUser[] {
    return this.directory.allUsers();
  }
  findUser(idOrUpn: string): DirectoryUser | null {
    return this.directory.findUser(idOrUpn);
  }

  // ---- calendars ----
  insertEvents(events: StoredEvent[]): void {
    this.calendars.insertEvents(events);
  }
  updateEvent(e: StoredEvent): void {
    this.calendars.updateEvent(e);
  }
  deleteEvent(id: string): void {
    this.calendars.deleteEvent(id);
  }
  getEvent(owner: string, id: string): StoredEvent | null {
    return this.calendars.getEvent(owner, id);
  }
  eventByTransaction(owner: string, transactionId: string): StoredEvent | null {
    return this.calendars.eventByTransaction(owner, transactionId);
  }
  eventsByICalUId(iCalUId: string): StoredEvent[] {
    return this.calendars.eventsByICalUId(iCalUId);
  }
  eventsInRange(owner: string, fromMs: number, toMs: number): StoredEvent[] {
    return this.calendars.eventsInRange(owner, fromMs, toMs);
  }

  // ---- SharePoint sites and lists ----
  upsertSite(id: string, hostname: string, sitePath: string, body: JsonBody): void {
    this.sites.upsertSite(id, hostname, sitePath, body);
  }
  findSite(hostname: string, sitePath: string): JsonBody | null {
    return this.sites.findSite(hostname, sitePath);
  }
  siteById(id: string): JsonBody | null {
    return this.sites.siteById(id);
  }
  lists(siteId: string): StoredList[] {
    return this.sites.lists(siteId);
  }
  findList(siteId: string, idOrName: string): StoredList | null {
    return this.sites.findList(siteId, idOrName);
  }
  insertList(l: StoredList): void {
    this.sites.insertList(l);
  }
  updateList(l: StoredList): void {
    this.sites.updateList(l);
  }

  // ---- SharePoint list items ----
  changedItems(listId: string, afterId: number, sinceMs: number, upToMs: number, limit: number): StoredItem[] {
    return this.listItems.changedItems(listId, afterId, sinceMs, upToMs, limit);
  }
  items(listId: string): StoredItem[] {
    return this.listItems.items(listId);
  }
  item(listId: string, id: number): StoredItem | null {
    return this.listItems.item(listId, id);
  }
  nextItemId(listId: string): number {
    return this.listItems.nextItemId(listId);
  }
  insertItem(i: StoredItem): void {
    this.listItems.insertItem(i);
  }
  updateItem(i: StoredItem): void {
    this.listItems.updateItem(i);
  }
  deleteItem(listId: string, id: number): void {
    this.listItems.deleteItem(listId, id);
  }

  // ---- chats ----
  insertChat(id: string, membersKey: string | null, body: JsonBody): void {
    this.chats.insertChat(id, membersKey, body);
  }
  chat(id: string): JsonBody | null {
    return this.chats.chat(id);
  }
  chatByMembers(membersKey: string): JsonBody | null {
    return this.chats.chatByMembers(membersKey);
  }
  insertChatMessage(id: string, chatId: string, createdMs: number, body: JsonBody): void {
    this.chats.insertChatMessage(id, chatId, createdMs, body);
  }
  chatMessages(chatId: string): JsonBody[] {
    return this.chats.chatMessages(chatId);
  }

  // ---- documents ----
  putDocument(collection: string, id: string, body: JsonBody): void {
    this.collections.putDocument(collection, id, body);
  }
  document(collection: string, id: string): JsonBody | null {
    return this.collections.document(collection, id);
  }
  documents(collection: string): JsonBody[] {
    return this.collections.documents(collection);
  }
  deleteDocument(collection: string, id: string): void {
    this.collections.deleteDocument(collection, id);
  }
}
