// Any program list, by key: provisioning (idempotent and versioned) and the
// generic record access the feature stores build on (./stores/*, ./programStore.ts).
// Writes use deterministic keys (a unique, indexed Key column) so a retry never
// duplicates; patch and remove take an eTag for optimistic concurrency (412).
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { readDeltas, type ListChanges } from './listDelta.js';
import { fieldEquals } from './odata.js';
import {
  columnDefinition,
  currentProgramSchema,
  type ListDefinition,
  type ListName,
  type ProgramSchema,
} from './programLists.js';
import { str } from './programRecords.js';
import { mayBeKeyClash } from './uniqueKeys.js';

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

export const etagOf = (item: StoredItem): string => item.eTag ?? str(item['@odata.etag']);

export interface ProgramSite {
  hostname: string;
  path: string;
}

export class ProgramListStore {
  private siteId: string | null = null;
  private readonly listIds = new Map<ListName, string>();
  private provisioning: Promise<void> | null = null;

  constructor(
    protected readonly graph: Client,
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
    // Written only when it differs: every instance provisions on its first use, and most find it current.
    const version = String(this.schema.version);
    const recorded = await this.findByKey('ProgramMeta', 'schemaVersion');
    if (!recorded) await this.create('ProgramMeta', 'schemaVersion', { Value: version });
    else if (recorded.fields['Value'] !== version) await this.patch('ProgramMeta', recorded.id, { Value: version });
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
}
