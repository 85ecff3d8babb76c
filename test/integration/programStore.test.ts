// The program store against the dev tenant over HTTP: provisioning is
// idempotent and versioned (a v1 site gains v2's columns), keys are
// deterministic (a repeated create never duplicates, whatever status the
// tenant answers a clash on the unique Key with), `$filter` values are encoded
// for OData and the URL alike, dateTime columns keep whole seconds, and
// "already created" is decided by key and eTag.
import { readFileSync } from 'node:fs';
import { AuthenticationHandler, Client, HTTPMessageHandler, type Context } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../server/graph/client.js';
import { filterLiteral } from '../../server/graph/odata.js';
import { programSchemaAt, schemaVersion } from '../../server/graph/programLists.js';
import { NoteConflictError, ProgramStore } from '../../server/graph/programStore.js';
import { createLogger } from '../../server/logging.js';
import { programSite } from '../../devtenant/seed.js';
import type { Pair, Participant, Session, SharedLearningNote, Touchpoint } from '../../src/core/schemas.js';
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
      `/sites/${siteId}/lists/${list.id}/items?$expand=fields&$filter=fields/Department eq ${filterLiteral("Women's & Children's")}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.value.filter((i: { fields: { UserId: string } }) => i.fields.UserId === id)).toHaveLength(1);
  });

  it('doubles single quotes in string literals and percent-encodes everything a URL would read', () => {
    expect(decodeURIComponent(filterLiteral("O'Brien's"))).toBe("'O''Brien''s'");
    expect(decodeURIComponent(filterLiteral("''"))).toBe("''''''");
    const hostile = filterLiteral("nope%27 or x eq %27y' # & + /");
    expect(hostile).not.toMatch(/['#&+ /]|%27 /);
    expect(decodeURIComponent(hostile)).toBe("'nope%27 or x eq %27y'' # & + /'");
  });

  it("finds nothing for a key carrying a percent-encoded quote, '#' or '&' instead of another record or a 502", async () => {
    const store = storeAt();
    const pair = demoPair('pair-injected', '0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    await store.createPair(pair);
    const memberB = pair.members[1].userId;
    for (const key of [
      `nope%27 or fields/MemberB eq %27${memberB}`,
      `nope' or fields/MemberB eq '${memberB}`,
      `x%27) or startswith(fields/Key, %27pair`,
      'pair-injected#',
      'pair-injected&$top=1',
      'pair-injected%23',
    ])
      expect(await store.pair(key), key).toBeNull();
    expect(await store.pair('pair-injected')).toMatchObject({ id: 'pair-injected' });
  });

  it('answers unknown keys with null rather than an error', async () => {
    expect(await storeAt().participant('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await storeAt().pair("pair-o'brien")).toBeNull();
  });
});

const demoPair = (id: string, memberA: string): Pair => ({
  id,
  members: [person(memberA, 'Aoife Byrne'), person('9f8e7d6c-5b4a-4321-8fed-cba987654321', "Siobhan O'Brien")],
  cadence: 'biweekly',
  durationMinutes: 45,
  status: 'active',
  startedOn: '2026-01-05T09:00:00.000Z',
  endedOn: null,
});

const authorId = '0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** A note as a first save sends it; `stamp` is its creation and update time. */
const draft = (sessionId: string, taught: string, stamp = '2026-03-02T10:00:00.000Z'): SharedLearningNote => {
  const untouched = { learned: '', actionItems: [], focusAreas: [], phiConfirmations: [], version: 1 };
  return {
    sessionId,
    pairId: sessionId.split('~')[0]!,
    authorId,
    taught,
    ...untouched,
    createdAt: stamp,
    updatedAt: stamp,
  };
};

/** A store whose tenant answers a unique-Key clash with 400 instead of 409 (Graph documents neither). */
function storeWhereClashesAre400(): ProgramStore {
  const auth = new AuthenticationHandler({ getAccessToken: () => tenant.appToken() });
  const rewrite = {
    next: auth as unknown as { execute(c: Context): Promise<void> },
    async execute(context: Context) {
      await this.next.execute(context);
      if (context.response?.status === 409)
        context.response = new Response(
          JSON.stringify({
            error: {
              code: 'invalidRequest',
              message: 'One or more fields with unique constraints already has the provided value.',
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        );
    },
    setNext() {},
  };
  auth.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({
    middleware: rewrite,
    baseUrl: new URL(tenant.httpsUrl).origin,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(tenant.httpsUrl).hostname]),
    fetchOptions: {
      dispatcher: new Agent({ connect: { ca: readFileSync(tenant.tlsCertificatePath, 'utf8') } }),
    } as RequestInit,
  });
  return new ProgramStore(client, programSite);
}

describe('unique keys, whatever the clash answers', () => {
  it('reads the key back after a create refused with 400, and answers the stored record', async () => {
    const first = demoPair('pair-clash400', '0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    await storeAt().createPair(first);
    const again = await storeWhereClashesAre400().createPair({ ...first, cadence: 'monthly' });
    expect(again).toEqual(first);
    expect((await storeAt().allPairs()).filter((p) => p.id === 'pair-clash400')).toHaveLength(1);
  });

  it('turns a concurrent first save of the same note into one save and one conflict carrying it, never a silent loss', async () => {
    for (const [label, store] of [
      ['409', storeAt()],
      ['400', storeWhereClashesAre400()],
    ] as const) {
      for (let round = 0; round < 5; round++) {
        // The same instant to the millisecond: a timestamp cannot tell the two apart.
        const a = draft(`pair-race~${label}-${round}`, 'Tab A');
        const results = await Promise.allSettled([
          store.saveNote(a, null),
          store.saveNote({ ...a, taught: 'Tab B' }, null),
        ]);
        const saved = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
        expect(saved).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]).toBeInstanceOf(NoteConflictError);
        const stored = await store.note(a.sessionId, authorId);
        expect((lost[0] as NoteConflictError).current.note.taught).toBe(stored!.note.taught);
      }
    }
  });

  it('answers a repeated identical first save with the stored note (a retry that already landed)', async () => {
    const store = storeAt();
    const note = draft('pair-race~retry', 'Same words');
    const [one, two] = await Promise.all([
      store.saveNote(note, null),
      store.saveNote({ ...note, updatedAt: '2026-03-02T10:00:01.500Z' }, null),
    ]);
    expect(one.etag).toBe(two.etag);
  });
});

describe('SharePoint precision', () => {
  it('reads dateTime columns back at whole seconds, and sessions and notes still round-trip', async () => {
    const store = storeAt();
    const s: Session = {
      id: 'pair-precise~2026-03-09',
      pairId: 'pair-precise',
      occurrence: '2026-03-09',
      eventId: null,
      iCalUId: null,
      organizerId: '0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      direction: 'both',
      focusAreas: [],
      start: '2026-03-09T15:00:00.000Z',
      end: '2026-03-09T15:45:00.000Z',
      status: 'scheduled',
      joinUrl: null,
    };
    await store.recordSession(s);
    expect(await store.session(s.id)).toMatchObject({ start: s.start, end: s.end });
    const list = (await lists()).find((l) => l.displayName === 'Notes')!;
    const first = await store.saveNote(draft(s.id, 'Whole seconds', '2026-03-09T16:00:00.789Z'), null);
    expect(first.note.updatedAt).toBe('2026-03-09T16:00:00.000Z');
    const raw = await tenant.graph(
      'GET',
      `/sites/${siteId}/lists/${list.id}/items?$expand=fields&$filter=fields/Key eq ${filterLiteral(ProgramStore.noteKey(s.id, s.organizerId))}`,
    );
    expect(raw.body.value[0].fields.UpdatedAt).toBe('2026-03-09T16:00:00Z');
    const second = await store.saveNote(
      { ...first.note, taught: 'Still saves', updatedAt: '2026-03-09T16:00:00.999Z' },
      first.etag,
    );
    expect(second.note).toMatchObject({ taught: 'Still saves', version: 2 });
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
