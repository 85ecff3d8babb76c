// Over real HTTP against the dev tenant: ids are checked against their own
// grammar before any query (400, never another pair's data or a 502), "not
// yours" and "does not exist" answer the same 404 body, two windows' first
// saves of one note never lose a text silently, concurrent ticks never 5xx,
// and every field the server stores passes the PHI guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/schemas.js';
import type { TestApp } from '../support/app.js';
import { startAppWithDemoProgram } from '../support/demoProgram.js';

let app: TestApp;
let pairId: string;
let lastSessionId: string;
let members: [string, string];
let memberIds: [string, string];
let outsider: string;

const upn = (userId: string) => app.users.find((u) => u.id === userId)!.userPrincipalName;
const enc = encodeURIComponent;

beforeAll(async () => {
  const started = await startAppWithDemoProgram();
  app = started.app;
  const owner = started.owner;
  const chosen = started.pairs.find((p) => p.lastSession && !p.pair.members.some((m) => upn(m.userId) === owner))!;
  pairId = chosen.pair.id;
  lastSessionId = chosen.lastSession!.id;
  memberIds = chosen.pair.members.map((m) => m.userId) as [string, string];
  members = memberIds.map(upn) as [string, string];
  outsider = app.users.find(
    (u) => !memberIds.includes(u.id) && u.roles.length === 1 && u.roles[0] === 'Participant',
  )!.userPrincipalName;
}, 60_000);
afterAll(() => app?.close());

/** A fresh session of the chosen pair, so a first save really is the first. */
async function freshSession(occurrence: string): Promise<string> {
  const last = (await app.request(`/api/sessions/${enc(lastSessionId)}`, { as: members[0] })).body.session as Session;
  const session: Session = { ...last, id: `${pairId}~${occurrence}`, occurrence, status: 'scheduled' };
  await app.app.services.store.recordSession(session);
  return session.id;
}

const note = (taught: string, extra: Record<string, unknown> = {}) => ({
  taught,
  learned: 'How the saved filters work.',
  actionItems: [],
  focusAreas: [],
  ...extra,
});

describe('ids from outside', () => {
  it('refuses a pair id carrying a percent-encoded quote with 400 naming the field, never answering another pair', async () => {
    const injected = `nope%27 or fields/MemberB eq %27${memberIds[1]}`;
    const r = await app.request(`/api/pairs/${enc(injected)}`, { as: members[1] });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_request', field: 'params.id' });
    expect(r.text).not.toContain(pairId);
    const probe = await app.request(`/api/pairs/${enc(`x%27) or startswith(fields/Key, %27pair`)}`, { as: members[1] });
    expect(probe.status).toBe(400);
  });

  it.each([
    ['#', (id: string) => `/api/pairs/${enc(`${id}#x`)}`],
    ['&', (id: string) => `/api/pairs/${id}&$top=1`],
    ['%23', (id: string) => `/api/pairs/${enc(`${id}%23`)}`],
    ['/', (id: string) => `/api/pairs/${enc(`${id}/x`)}`],
    ['# in a session id', () => `/api/sessions/${enc(`${lastSessionId}#`)}`],
    ['& in a session id', () => `/api/sessions/${lastSessionId}&x`],
    ["' in a session id", () => `/api/sessions/${enc(`${pairId}~x' or '1`)}`],
  ])('answers %s in an id with 400, not a 502', async (_label, path) => {
    const r = await app.request(path(pairId), { as: members[0] });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('params.id');
  });

  it('refuses a malformed action item id in the path with 400', async () => {
    const r = await app.request(`/api/sessions/${enc(lastSessionId)}/action-items/${enc("ai-x' or 1")}`, {
      as: members[0],
      method: 'PATCH',
      body: { done: true },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('params.itemId');
  });
});

describe('one 404 for "not yours" and "does not exist"', () => {
  it('gives byte-identical bodies for pairs and sessions', async () => {
    const pairs = [
      await app.request(`/api/pairs/${enc(pairId)}`, { as: outsider }),
      await app.request('/api/pairs/pair-doesnotexist', { as: outsider }),
    ];
    const sessions = [
      await app.request(`/api/sessions/${enc(lastSessionId)}`, { as: outsider }),
      await app.request(`/api/sessions/${enc(`${pairId}~1999-01-01`)}`, { as: outsider }),
      await app.request('/api/sessions/pair-doesnotexist~2026-01-05', { as: outsider }),
    ];
    for (const group of [pairs, sessions]) {
      for (const r of group) expect(r.status).toBe(404);
      expect(new Set(group.map((r) => r.text)).size).toBe(1);
    }
  });
});

describe('two windows saving a new note at once', () => {
  it('answers one 200 and one 412 carrying the saved note, over 20 rounds, and loses nothing silently', async () => {
    for (let round = 0; round < 20; round++) {
      const sessionId = await freshSession(`race-${round}`);
      const path = `/api/sessions/${enc(sessionId)}/notes/me`;
      const [a, b] = await Promise.all([
        app.request(path, { as: members[0], method: 'PUT', body: note(`Window A ${round}`) }),
        app.request(path, { as: members[0], method: 'PUT', body: note(`Window B ${round}`) }),
      ]);
      expect([a.status, b.status].sort(), `round ${round}`).toEqual([200, 412]);
      const [won, lost] = a.status === 200 ? [a, b] : [b, a];
      expect(lost.body.error.code).toBe('precondition_failed');
      expect(lost.body.error.details.note.taught).toBe(won.body.note.taught);
      const stored = (await app.request(`/api/sessions/${enc(sessionId)}`, { as: members[0] })).body.myNote;
      expect(stored.note.taught).toBe(won.body.note.taught);
    }
  }, 120_000);
});

describe('ticking action items at once', () => {
  it('answers every concurrent tick without a 5xx and keeps every tick', async () => {
    const sessionId = await freshSession('ticks');
    const items = Array.from({ length: 10 }, (_, i) => ({ id: `ai-tick${i}`, text: `Step ${i}`, done: false }));
    const saved = await app.request(`/api/sessions/${enc(sessionId)}/notes/me`, {
      as: members[0],
      method: 'PUT',
      body: note('Ticks', { actionItems: items }),
    });
    expect(saved.status).toBe(200);
    const ticks = await Promise.all(
      items.map((item, i) =>
        app.request(`/api/sessions/${enc(sessionId)}/action-items/${item.id}`, {
          as: members[i % 2],
          method: 'PATCH',
          body: { done: true },
        }),
      ),
    );
    // Each tick is merged again when another landed first; one that keeps losing answers 409, never 5xx.
    for (const t of ticks) expect([200, 409]).toContain(t.status);
    const ticked = new Set(ticks.filter((t) => t.status === 200).map((t) => t.body.item.id as string));
    const after = (await app.request(`/api/sessions/${enc(sessionId)}`, { as: members[0] })).body.myNote.note;
    for (const item of after.actionItems as Array<{ id: string; done: boolean }>)
      expect(item.done).toBe(ticked.has(item.id));
    expect(ticked.size).toBeGreaterThan(0);
  }, 60_000);
});

describe('every stored field passes the PHI guard', () => {
  const save = async (sessionId: string, body: unknown) =>
    app.request(`/api/sessions/${enc(sessionId)}/notes/me`, { as: members[1], method: 'PUT', body });
  const withItem = (id: string, text: string) => note('Fine', { actionItems: [{ id, text, done: false }] });

  it('refuses an action item whose text holds an identifier with 422 naming the field', async () => {
    const sessionId = await freshSession('phi-text');
    const r = await save(sessionId, withItem('ai-a1', 'Call MRN 4820193'));
    expect(r.status).toBe(422);
    expect(r.body.error.details.findings[0]).toMatchObject({ field: 'actionItems.0.text', kind: 'mrn' });
  });

  it('refuses an action item id that carries an identifier with 422, and one we never mint with 400', async () => {
    const sessionId = await freshSession('phi-id');
    const phi = await save(sessionId, withItem('MRN 4820193', 'Tidy up'));
    expect(phi.status).toBe(422);
    expect(phi.body.error.details.findings[0]).toMatchObject({ field: 'actionItems.0.id', kind: 'mrn' });
    const odd = await save(sessionId, withItem('my item', 'Tidy up'));
    expect(odd.status).toBe(400);
    expect(odd.body.error.field).toBe('body.actionItems.0.id');
    const uuid = await save(sessionId, withItem('12345678-1234-4abc-8def-123456789abc', 'Tidy up'));
    expect(uuid.status).toBe(200);
    expect((await app.app.services.store.note(sessionId, memberIds[1]))!.note.actionItems[0]!.id).toBe(
      '12345678-1234-4abc-8def-123456789abc',
    );
  });

  it('refuses a confirmation for text the note does not hold when it carries an identifier, and stores only live ones', async () => {
    const sessionId = await freshSession('phi-confirmation');
    const smuggled = await save(
      sessionId,
      note('Fine', { phiConfirmations: [{ kind: 'name', text: 'Patient Jane Doe MRN 4820193 DOB 03/14/1962' }] }),
    );
    expect(smuggled.status).toBe(422);
    expect(smuggled.body.error.details.findings[0].field).toBe('phiConfirmations.0.text');
    expect(await app.app.services.store.note(sessionId, memberIds[1])).toBeNull();
    const stale = await save(
      sessionId,
      note('Ring (312) 555-0100, the front desk', {
        phiConfirmations: [
          { kind: 'phone', text: '(312) 555-0100' },
          { kind: 'other', text: 'no longer in the note' },
        ],
      }),
    );
    expect(stale.status).toBe(200);
    expect(stale.body.note.phiConfirmations).toEqual([{ kind: 'phone', text: '(312) 555-0100' }]);
  });

  it('stores no free text with a touchpoint (it has none: an extra field is dropped)', async () => {
    const r = await app.request(`/api/pairs/${enc(pairId)}/touchpoints`, {
      as: members[0],
      body: { kind: 'other', date: '2026-02-02T10:00:00.000Z', minutes: 10, focusAreas: [], notes: 'MRN 4820193' },
    });
    expect(r.status).toBe(201);
    expect(JSON.stringify(await app.app.services.store.touchpointsOfPair(pairId))).not.toContain('4820193');
  });
});
