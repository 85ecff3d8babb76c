// The program store's generic record access in memory, with SharePoint's rules
// that the outbox relies on (a unique Key, eTags that change on every write,
// 412 on a stale If-Match, whole-second dateTime values), and a count of the
// Graph requests the real store would have made for each call.
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { ProgramStore, StoredItem } from '../../server/graph/programStore.js';

interface Row {
  id: string;
  version: number;
  fields: Record<string, unknown>;
}

type Condition = { column: string; op: 'eq' | 'le' | 'lt' | 'ge'; value: string };

/** The `$filter`s the store is given: `fields/X op 'literal'` joined by `and` (literals URL-encoded, as ./odata.ts writes them). */
function parseFilter(filter: string): Condition[] {
  return decodeURIComponent(filter)
    .split(' and ')
    .map((clause) => {
      const m = /^fields\/(\w+) (eq|le|lt|ge) '(.*)'$/.exec(clause.trim());
      if (!m) throw new Error(`unsupported filter clause: ${clause}`);
      return { column: m[1]!, op: m[2] as Condition['op'], value: m[3]!.replace(/''/g, "'") };
    });
}

const matches = (row: Row, c: Condition): boolean => {
  const v = String(row.fields[c.column] ?? '');
  if (c.op === 'eq') return v === c.value;
  if (c.op === 'le') return v <= c.value;
  if (c.op === 'lt') return v < c.value;
  return v >= c.value;
};

const whole = (v: unknown): unknown =>
  typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) ? v.replace(/\.\d{3}Z$/, 'Z') : v;

export class MemoryProgramStore {
  requests = 0;
  private readonly lists = new Map<string, Map<string, Row>>();
  private readonly byKey = new Map<string, Map<string, string>>();
  /** An index on the State column (what the outbox filters on first), as SharePoint's column index. */
  private readonly byState = new Map<string, Map<string, Set<string>>>();
  private nextId = 1;

  private list(name: string): Map<string, Row> {
    let l = this.lists.get(name);
    if (!l) {
      l = new Map();
      this.lists.set(name, l);
      this.byKey.set(name, new Map());
    }
    return l;
  }

  private item(row: Row): StoredItem {
    return { id: row.id, eTag: `"${row.id},${row.version}"`, fields: { ...row.fields } };
  }

  async findByKey(list: string, key: string): Promise<StoredItem | null> {
    this.requests += 1;
    this.list(list);
    const id = this.byKey.get(list)!.get(key);
    return id ? this.item(this.list(list).get(id)!) : null;
  }

  private indexState(list: string, row: Row, before: unknown): void {
    let index = this.byState.get(list);
    if (!index) this.byState.set(list, (index = new Map()));
    if (before !== undefined) index.get(String(before))?.delete(row.id);
    const state = row.fields['State'];
    if (state === undefined) return;
    let ids = index.get(String(state));
    if (!ids) index.set(String(state), (ids = new Set()));
    ids.add(row.id);
  }

  async all(list: string, filter?: string): Promise<StoredItem[]> {
    const conditions = filter ? parseFilter(filter) : [];
    const rows = this.list(list);
    const first = conditions[0];
    const candidates =
      first?.column === 'State' && first.op === 'eq'
        ? [...(this.byState.get(list)?.get(first.value) ?? [])].map((id) => rows.get(id)!)
        : [...rows.values()];
    const out = candidates.filter((r) => conditions.every((c) => matches(r, c)));
    this.requests += Math.max(1, Math.ceil(out.length / 999));
    return out.map((r) => this.item(r));
  }

  async createOnce(
    list: string,
    key: string,
    fields: Record<string, unknown>,
  ): Promise<{ item: StoredItem; created: boolean }> {
    this.requests += 1;
    const rows = this.list(list);
    const existing = this.byKey.get(list)!.get(key);
    if (existing) return { item: this.item(rows.get(existing)!), created: false };
    const row: Row = { id: String(this.nextId++), version: 1, fields: { Title: key, Key: key } };
    for (const [k, v] of Object.entries(fields)) row.fields[k] = whole(v);
    rows.set(row.id, row);
    this.byKey.get(list)!.set(key, row.id);
    this.indexState(list, row, undefined);
    return { item: this.item(row), created: true };
  }

  async create(list: string, key: string, fields: Record<string, unknown>): Promise<StoredItem> {
    return (await this.createOnce(list, key, fields)).item;
  }

  async patch(
    list: string,
    itemId: string,
    fields: Record<string, unknown>,
    etag?: string,
  ): Promise<{ fields: Record<string, unknown>; etag: string }> {
    this.requests += 1;
    const row = this.list(list).get(itemId);
    if (!row) throw new GraphError(404, 'itemNotFound');
    if (etag && etag !== `"${row.id},${row.version}"`) throw new GraphError(412, 'preconditionFailed');
    const stateBefore = row.fields['State'];
    for (const [k, v] of Object.entries(fields)) row.fields[k] = whole(v);
    this.indexState(list, row, stateBefore);
    row.version += 1;
    const item = this.item(row);
    return { fields: { ...item.fields, '@odata.etag': item.eTag }, etag: item.eTag! };
  }

  async upsert(list: string, key: string, fields: Record<string, unknown>): Promise<StoredItem> {
    const existing = await this.findByKey(list, key);
    if (!existing) return this.create(list, key, fields);
    await this.patch(list, existing.id, fields);
    return (await this.findByKey(list, key))!;
  }

  async remove(list: string, itemId: string): Promise<void> {
    this.requests += 1;
    const row = this.list(list).get(itemId);
    if (!row) return;
    this.list(list).delete(itemId);
    this.byKey.get(list)!.delete(String(row.fields['Key']));
  }

  async conversationReference(conversationId: string): Promise<unknown | null> {
    const item = await this.findByKey('ConversationReferences', conversationId);
    return item ? JSON.parse(String(item.fields['ReferenceJson'])) : null;
  }

  async saveConversationReference(conversationId: string, reference: unknown): Promise<void> {
    await this.upsert('ConversationReferences', conversationId, { ReferenceJson: JSON.stringify(reference) });
  }

  asProgramStore(): ProgramStore {
    return this as unknown as ProgramStore;
  }
}
