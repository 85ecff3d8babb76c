// The program's data in the tenant: SharePoint lists on the program site,
// reached through Graph. Provisioning is idempotent and versioned; writes use
// deterministic keys (a unique, indexed Key column) so a retry never
// duplicates; notes use the list item's eTag for optimistic concurrency.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  CareerStage,
  type Pair,
  type Participant,
  type Session,
  type SharedLearningNote,
  type Touchpoint,
} from '../../src/core/schemas.js';
import {
  columnDefinition,
  currentProgramSchema,
  type ListDefinition,
  type ListName,
  type ProgramSchema,
} from './programLists.js';
import {
  json,
  noteFields,
  pairChangeFields,
  pairFields,
  participantFields,
  sameNoteWords,
  sessionFields,
  str,
  toNote,
  toPair,
  toParticipant,
  toSession,
  touchpointFields,
  toTouchpoint,
  withoutAgenda,
  type StoredSession,
} from './programRecords.js';
import { readDeltas, type ListChanges } from './listDelta.js';
import { fieldEquals, filterLiteral } from './odata.js';
import { mayBeKeyClash } from './uniqueKeys.js';

/** The one `$filter` value encoder (./odata.ts), under the name directory.ts imports. */
export const odataString = filterLiteral;

const Item = z.object({
  id: z.string(),
  eTag: z.string().optional(),
  '@odata.etag': z.string().optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
});
type Item = z.infer<typeof Item>;
/** A list item as Graph returns it: id, eTag and its fields. */
export type StoredItem = Item;
const ItemPage = z.object({ value: z.array(Item), '@odata.nextLink': z.string().optional() });
const ListInfo = z.object({
  id: z.string(),
  displayName: z.string(),
  name: z.string().optional(),
  columns: z.array(z.object({ name: z.string() })).optional(),
});

export class NoteConflictError extends Error {
  constructor(readonly current: { note: SharedLearningNote; etag: string }) {
    super('the note changed since it was loaded');
    this.name = 'NoteConflictError';
  }
}

/** A half-open interval of instants, [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

const rangeFilter = (column: string, r: TimeRange) =>
  `fields/${column} ge ${filterLiteral(r.from.toISOString())} and fields/${column} lt ${filterLiteral(r.to.toISOString())}`;

export const etagOf = (item: StoredItem): string => item.eTag ?? str(item['@odata.etag']);

export interface ProgramSite {
  hostname: string;
  path: string;
}

export class ProgramStore {
  private siteId: string | null = null;
  private readonly listIds = new Map<ListName, string>();
  private provisioning: Promise<void> | null = null;

  constructor(
    private readonly graph: Client,
    private readonly site: ProgramSite,
    private readonly schema: ProgramSchema = currentProgramSchema,
  ) {}

  /** Creates missing lists and columns; records the schema version. Safe to run any number of times. */
  provision(): Promise<void> {
    this.provisioning ??= this.runProvisioning().catch((err) => {
      this.provisioning = null;
      throw err;
    });
    return this.provisioning;
  }

  private async runProvisioning(): Promise<void> {
    const site = z
      .object({ id: z.string() })
      .parse(await this.graph.api(`/sites/${this.site.hostname}:${this.site.path}`).get());
    this.siteId = site.id;
    const existing = z
      .object({ value: z.array(ListInfo) })
      .parse(await this.graph.api(`/sites/${site.id}/lists`).expand('columns').get()).value;
    for (const [name, def] of Object.entries(this.schema.lists) as Array<[ListName, ListDefinition]>) {
      let list = existing.find((l) => l.displayName === def.displayName);
      if (!list) {
        try {
          list = ListInfo.parse(
            await this.graph.api(`/sites/${site.id}/lists`).post({
              displayName: def.displayName,
              description: def.description,
              columns: def.columns.map(columnDefinition),
              list: { template: 'genericList' },
            }),
          );
        } catch (err) {
          if (!(err instanceof GraphError && err.statusCode === 409)) throw err;
          list = ListInfo.parse(
            await this.graph.api(`/sites/${site.id}/lists/${def.displayName}`).expand('columns').get(),
          );
        }
      } else {
        const have = new Set((list.columns ?? []).map((c) => c.name));
        for (const column of def.columns.filter((c) => !have.has(c.name))) {
          try {
            await this.graph.api(`/sites/${site.id}/lists/${list.id}/columns`).post(columnDefinition(column));
          } catch (err) {
            if (!(err instanceof GraphError && err.statusCode === 409)) throw err;
          }
        }
      }
      this.listIds.set(name, list.id);
    }
    await this.upsert('ProgramMeta', 'schemaVersion', { Value: String(this.schema.version) });
  }

  private async items(list: ListName): Promise<string> {
    // Provisioning fills listIds as it goes, and itself writes ProgramMeta through here.
    if (!this.siteId || !this.listIds.has(list)) await this.provision();
    return `/sites/${this.siteId}/lists/${this.listIds.get(list)}/items`;
  }

  // ---- any list, by key: what the feature stores (./stores/*) build on ----

  async findByKey(list: ListName, key: string): Promise<Item | null> {
    const page = ItemPage.parse(
      await this.graph
        .api(await this.items(list))
        .filter(fieldEquals('Key', key))
        .expand('fields')
        .top(2)
        .get(),
    );
    return page.value[0] ?? null;
  }

  /** Every item matching an optional filter, following @odata.nextLink. */
  async all(list: ListName, filter?: string): Promise<Item[]> {
    let request = this.graph
      .api(await this.items(list))
      .expand('fields')
      .top(999);
    if (filter) request = request.filter(filter);
    let page = ItemPage.parse(await request.get());
    const out = [...page.value];
    while (page['@odata.nextLink']) {
      page = ItemPage.parse(await this.graph.api(page['@odata.nextLink']).get());
      out.push(...page.value);
    }
    return out;
  }

  /** What changed in each list since its deltaLink (every item, the first time): see ./listDelta.ts. */
  async changes(cursors: ReadonlyArray<{ list: ListName; deltaLink: string | null }>): Promise<ListChanges[]> {
    const at = async (c: (typeof cursors)[number]) => ({
      firstUrl: `${await this.items(c.list)}/delta?$expand=fields&$top=999`,
      deltaLink: c.deltaLink,
    });
    return readDeltas(this.graph, await Promise.all(cursors.map(at)));
  }

  /** Creates the item under its key; `created` is false when the key was already taken (a retry, or someone else first). */
  async createOnce(
    list: ListName,
    key: string,
    fields: Record<string, unknown>,
  ): Promise<{ item: Item; created: boolean }> {
    try {
      const item = Item.parse(
        await this.graph.api(await this.items(list)).post({ fields: { Title: key, Key: key, ...fields } }),
      );
      return { item, created: true };
    } catch (err) {
      if (mayBeKeyClash(err)) {
        const existing = await this.findByKey(list, key);
        if (existing) return { item: existing, created: false };
      }
      throw err;
    }
  }

  /** Creates the item, or returns the one already under its key (a create is idempotent by key). */
  async create(list: ListName, key: string, fields: Record<string, unknown>): Promise<Item> {
    return (await this.createOnce(list, key, fields)).item;
  }

  async patch(
    list: ListName,
    itemId: string,
    fields: Record<string, unknown>,
    etag?: string,
  ): Promise<{ fields: Record<string, unknown>; etag: string }> {
    const request = this.graph.api(`${await this.items(list)}/${itemId}/fields`);
    if (etag) request.header('If-Match', etag);
    const body = z.record(z.string(), z.unknown()).parse(await request.patch(fields));
    return { fields: body, etag: str(body['@odata.etag']) };
  }

  async upsert(list: ListName, key: string, fields: Record<string, unknown>): Promise<Item> {
    const existing = await this.findByKey(list, key);
    if (!existing) return this.create(list, key, fields);
    const { fields: updated } = await this.patch(list, existing.id, fields);
    return { ...existing, fields: updated };
  }

  /** Deletes the item; with `etag`, only if nobody changed it since (a 412 otherwise). Gone already is fine. */
  async remove(list: ListName, itemId: string, etag?: string): Promise<void> {
    const request = this.graph.api(`${await this.items(list)}/${itemId}`);
    if (etag) request.header('If-Match', etag);
    try {
      await request.delete();
    } catch (err) {
      if (!(err instanceof GraphError && err.statusCode === 404)) throw err;
    }
  }

  // ---- participants ----

  async upsertParticipant(p: Participant): Promise<Participant> {
    return toParticipant((await this.upsert('Participants', p.userId, participantFields(p))).fields);
  }

  async participant(userId: string): Promise<Participant | null> {
    const item = await this.findByKey('Participants', userId);
    return item ? toParticipant(item.fields) : null;
  }

  async participants(): Promise<Participant[]> {
    return (await this.all('Participants')).map((i) => toParticipant(i.fields));
  }

  // ---- pairs ----

  async createPair(p: Pair): Promise<Pair> {
    return toPair((await this.create('Pairs', p.id, pairFields(p))).fields);
  }

  async pair(id: string): Promise<Pair | null> {
    const item = await this.findByKey('Pairs', id);
    return item ? toPair(item.fields) : null;
  }

  async pairsOf(userId: string): Promise<Pair[]> {
    return (await this.all('Pairs', `${fieldEquals('MemberA', userId)} or ${fieldEquals('MemberB', userId)}`)).map(
      (i) => toPair(i.fields),
    );
  }

  async allPairs(): Promise<Pair[]> {
    return (await this.all('Pairs')).map((i) => toPair(i.fields));
  }

  async updatePair(
    id: string,
    change: Partial<Pick<Pair, 'cadence' | 'durationMinutes' | 'status' | 'endedOn'>>,
  ): Promise<Pair | null> {
    const item = await this.findByKey('Pairs', id);
    if (!item) return null;
    const { fields: updated } = await this.patch('Pairs', item.id, pairChangeFields(change));
    return toPair({ ...item.fields, ...updated });
  }

  // ---- sessions ----

  /** Records a session under its deterministic id (pair + occurrence): creates it or brings it up to date. */
  async recordSession(s: Session, agenda?: unknown): Promise<StoredSession> {
    return toSession((await this.upsert('Sessions', s.id, sessionFields(s, agenda))).fields);
  }

  async session(id: string): Promise<StoredSession | null> {
    const item = await this.findByKey('Sessions', id);
    return item ? toSession(item.fields) : null;
  }

  async sessionByICalUId(iCalUId: string): Promise<StoredSession | null> {
    const [item] = await this.all('Sessions', fieldEquals('ICalUId', iCalUId));
    return item ? toSession(item.fields) : null;
  }

  async sessionsOfPair(pairId: string): Promise<StoredSession[]> {
    return (await this.all('Sessions', fieldEquals('PairId', pairId)))
      .map((i) => toSession(i.fields))
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  /** Every session (no agenda, no note text), or those starting in [from, to): a filter on the indexed Start column, paged. */
  async allSessions(range?: TimeRange): Promise<Session[]> {
    return (await this.all('Sessions', range && rangeFilter('Start', range))).map((i) =>
      withoutAgenda(toSession(i.fields)),
    );
  }

  // ---- notes ----

  static noteKey(sessionId: string, authorId: string): string {
    return `${sessionId}|${authorId}`;
  }

  async note(sessionId: string, authorId: string): Promise<{ note: SharedLearningNote; etag: string } | null> {
    const item = await this.findByKey('Notes', ProgramStore.noteKey(sessionId, authorId));
    return item ? { note: toNote(item.fields), etag: etagOf(item) } : null;
  }

  async notesOfSession(sessionId: string): Promise<SharedLearningNote[]> {
    return (await this.all('Notes', fieldEquals('SessionId', sessionId))).map((i) => toNote(i.fields));
  }

  /**
   * Saves the author's own note. With `etag`, only if nobody changed it since
   * (412 becomes NoteConflictError with the current note); without, only if it
   * does not exist yet. Who created it first is decided by the unique Key and
   * the words stored under it, never by timestamps (SharePoint keeps whole seconds).
   */
  async saveNote(note: SharedLearningNote, etag: string | null): Promise<{ note: SharedLearningNote; etag: string }> {
    const key = ProgramStore.noteKey(note.sessionId, note.authorId);
    const existing = await this.findByKey('Notes', key);
    if (!existing) {
      const { item, created } = await this.createOnce('Notes', key, noteFields({ ...note, version: 1 }));
      const saved = { note: toNote(item.fields), etag: etagOf(item) };
      // Another window's first save took the key: unless it is this very save landing twice, this one lost.
      if (!created && !sameNoteWords(saved.note, note)) throw new NoteConflictError(saved);
      return saved;
    }
    const current = { note: toNote(existing.fields), etag: etagOf(existing) };
    if (!etag) throw new NoteConflictError(current);
    try {
      const next = { ...note, createdAt: current.note.createdAt, version: current.note.version + 1 };
      const { fields, etag: newEtag } = await this.patch('Notes', existing.id, noteFields(next), etag);
      return { note: toNote({ ...existing.fields, ...fields }), etag: newEtag };
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 412) {
        const latest = await this.note(note.sessionId, note.authorId);
        throw new NoteConflictError(latest ?? current);
      }
      throw err;
    }
  }

  // ---- touchpoints ----

  async addTouchpoint(t: Touchpoint): Promise<Touchpoint> {
    return toTouchpoint((await this.create('Touchpoints', t.id, touchpointFields(t))).fields);
  }

  async touchpointsOfPair(pairId: string): Promise<Touchpoint[]> {
    return (await this.all('Touchpoints', fieldEquals('PairId', pairId))).map((i) => toTouchpoint(i.fields));
  }

  /** Every touchpoint, or those dated in [from, to) (the indexed Date column). */
  async allTouchpoints(range?: TimeRange): Promise<Touchpoint[]> {
    return (await this.all('Touchpoints', range && rangeFilter('Date', range))).map((i) => toTouchpoint(i.fields));
  }

  // ---- bot conversation references ----

  /** Where the bot was installed (personal or group chat), so it can post there later. */
  async saveConversationReference(conversationId: string, reference: unknown): Promise<void> {
    await this.upsert('ConversationReferences', conversationId, { ReferenceJson: JSON.stringify(reference) });
  }

  async conversationReference(conversationId: string): Promise<unknown | null> {
    const item = await this.findByKey('ConversationReferences', conversationId);
    return item ? json(z.unknown(), item.fields['ReferenceJson'], null) : null;
  }

  // ---- agenda templates ----

  async agendaTemplates(): Promise<unknown | null> {
    const item = await this.findByKey('AgendaTemplates', 'current');
    return item ? json(z.unknown(), item.fields['TemplatesJson'], null) : null;
  }

  async saveAgendaTemplates(templates: unknown): Promise<void> {
    await this.upsert('AgendaTemplates', 'current', { TemplatesJson: JSON.stringify(templates) });
  }

  async schemaVersion(): Promise<number | null> {
    const item = await this.findByKey('ProgramMeta', 'schemaVersion');
    return item ? Number(item.fields['Value']) : null;
  }
}

export { CareerStage };
