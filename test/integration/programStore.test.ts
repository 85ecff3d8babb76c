// The program store against the dev tenant over HTTP: provisioning is
// idempotent and versioned (a v1 site gains v2's columns), keys are
// deterministic (a repeated create never duplicates), and OData string
// literals survive quotes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../server/graph/client.js';
import { programSchemaAt, schemaVersion } from '../../server/graph/programLists.js';
import { ProgramStore, odataString } from '../../server/graph/programStore.js';
import { createLogger } from '../../server/logging.js';
import { programSite } from '../../devtenant/seed.js';
import type { Participant, Session, Touchpoint } from '../../src/core/schemas.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';

let tenant: TestDevTenant;
let siteId: string;

beforeAll(async () => {
  tenant = await startTestDevTenant();
  siteId = (await tenant.graph('GET', `/sites/${programSite.hostname}:${programSite.path}`)).body.id;
}, 30_000);
afterAll(() => tenant?.close());

function storeAt(version?: number): ProgramStore {
  const graph = createGraphClient({
    baseUrl: `${tenant.httpsUrl}/v1.0`,
    getAccessToken: () => tenant.appToken(),
    logger: createLogger('silent'),
    trustedCaPem: readFileSync(tenant.tlsCertificatePath, 'utf8'),
  });
  return version === undefined
    ? new ProgramStore(graph.client, programSite)
    : new ProgramStore(graph.client, programSite, programSchemaAt(version));
}

async function lists(): Promise<Array<{ id: string; displayName: string; columns: Array<{ name: string }> }>> {
  return (await tenant.graph('GET', `/sites/${siteId}/lists?$expand=columns`)).body.value;
}

const person = (userId: string, displayName: string): Participant => ({
  userId,
  displayName,
  mail: 'siobhan.obrien@example.org',
  department: "Women's & Children's",
  careerStage: 'mid',
  timeZone: 'Europe/Dublin',
});

describe('provisioning', () => {
  it('creates the v1 lists once, then migrates them to the current version by adding the new columns', async () => {
    const v1 = programSchemaAt(1);
    await storeAt(1).provision();
    await storeAt(1).provision();
    const afterV1 = await lists();
    for (const def of Object.values(v1.lists))
      expect(afterV1.filter((l) => l.displayName === def.displayName)).toHaveLength(1);
    const sessionsV1 = afterV1.find((l) => l.displayName === 'Sessions')!;
    expect(sessionsV1.columns.map((c) => c.name)).not.toContain('AgendaJson');
    expect(await storeAt(1).schemaVersion()).toBe(1);

    expect(schemaVersion).toBeGreaterThan(1);
    const current = storeAt();
    await current.provision();
    await storeAt().provision();
    const afterV2 = await lists();
    expect(afterV2.map((l) => l.id).sort()).toEqual(afterV1.map((l) => l.id).sort());
    expect(afterV2.find((l) => l.displayName === 'Sessions')!.columns.map((c) => c.name)).toContain('AgendaJson');
    expect(await current.schemaVersion()).toBe(schemaVersion);
    const meta = await tenant.graph(
      'GET',
      `/sites/${siteId}/lists/${afterV2.find((l) => l.displayName === 'ProgramMeta')!.id}/items?$expand=fields`,
    );
    expect(meta.body.value).toHaveLength(1);
  });

  it('declares Key unique and indexed on every list, so the tenant itself refuses a duplicate', async () => {
    const all = await lists();
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const list of all) {
      const key = (list.columns as Array<{ name: string; indexed?: boolean; enforceUniqueValues?: boolean }>).find(
        (c) => c.name === 'Key',
      );
      expect(key, list.displayName).toMatchObject({ indexed: true, enforceUniqueValues: true });
    }
  });
});

describe('deterministic keys and OData quoting', () => {
  it('stores and finds a person whose name and department carry quotes, and a repeated upsert leaves one item', async () => {
    const store = storeAt();
    const id = '0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await store.upsertParticipant(person(id, "Siobhan O'Brien"));
    await storeAt().upsertParticipant(person(id, "Siobhan O'Brien-Walsh"));
    expect(await store.participant(id)).toEqual(person(id, "Siobhan O'Brien-Walsh"));
    const list = (await lists()).find((l) => l.displayName === 'Participants')!;
    const found = await tenant.graph(
      'GET',
      `/sites/${siteId}/lists/${list.id}/items?$expand=fields&$filter=${encodeURIComponent(`fields/Department eq ${odataString("Women's & Children's")}`)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.value.filter((i: { fields: { UserId: string } }) => i.fields.UserId === id)).toHaveLength(1);
  });

  it('doubles single quotes in string literals', () => {
    expect(odataString("O'Brien's")).toBe("'O''Brien''s'");
    expect(odataString("''")).toBe("''''''");
  });

  it('answers unknown keys with null rather than an error', async () => {
    expect(await storeAt().participant('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await storeAt().pair("pair-o'brien")).toBeNull();
  });
});

describe('dashboard reads', () => {
  it('reads sessions and touchpoints inside [from, to) through the indexed date columns, with no agenda', async () => {
    const store = storeAt();
    const base = Date.parse('2026-03-02T15:00:00.000Z');
    const day = 24 * 3_600_000;
    const organizerId = '0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    for (let i = 0; i < 5; i++) {
      const start = new Date(base + i * day);
      const s: Session = {
        id: `pair-range~${i}`,
        pairId: 'pair-range',
        occurrence: String(i),
        eventId: null,
        iCalUId: null,
        organizerId,
        direction: 'reverse',
        focusAreas: ['technology-adoption'],
        start: start.toISOString(),
        end: new Date(start.getTime() + 30 * 60_000).toISOString(),
        status: 'held',
        joinUrl: null,
      };
      await store.recordSession(s, { sections: [] });
      const t: Touchpoint = {
        id: `pair-range~tp~${i}`,
        pairId: 'pair-range',
        loggedBy: organizerId,
        kind: 'other',
        date: start.toISOString(),
        minutes: 15,
        focusAreas: [],
      };
      await store.addTouchpoint(t);
    }
    const range = { from: new Date(base + day), to: new Date(base + 3 * day) };
    const sessions = (await store.allSessions(range)).filter((s) => s.pairId === 'pair-range');
    expect(sessions.map((s) => s.occurrence).sort()).toEqual(['1', '2']);
    for (const s of sessions) expect(s).not.toHaveProperty('agenda');
    const touchpoints = (await store.allTouchpoints(range)).filter((t) => t.pairId === 'pair-range');
    expect(touchpoints.map((t) => t.id).sort()).toEqual(['pair-range~tp~1', 'pair-range~tp~2']);
    expect((await store.allSessions()).filter((s) => s.pairId === 'pair-range')).toHaveLength(5);
  });
});
