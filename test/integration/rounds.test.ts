// Pairing rounds over HTTP: the proposal in names, never inside a reporting line; lock, drop, swap
// and re-run; publishing makes each pair and each intro once, also after a crash mid-publish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramStore } from '../../server/graph/programStore.js';
import { publishRound } from '../../server/program/rounds.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { storeOn } from '../support/operations.js';
import { portsCrashingAfterFirstIntro } from '../support/crashingStore.js';
import { optInToRounds } from '../support/roundProfiles.js';

let app: TestApp;
let store: ProgramStore;
let owner: DemoUser;
let department: string;
let people: DemoUser[];

const optIn = (u: DemoUser) => optInToRounds(app, u);
const intros = async () => (await store.all('Outbox')).filter((i) => i.fields['Kind'] === 'intro');
const asOwner = (path: string, body?: unknown, method?: string) =>
  app.request(path, { as: owner.userPrincipalName, body, ...(method ? { method } : {}) });
const managerChain = (id: string): string[] => {
  const chain: string[] = [];
  for (let m = app.users.find((u) => u.id === id)?.managerId; m && !chain.includes(m);) {
    chain.push(m);
    m = app.users.find((u) => u.id === m)?.managerId;
  }
  return chain;
};

beforeAll(async () => {
  app = await startTestApp();
  store = storeOn(app.devTenant).store;
  owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
  department = 'Transplant';
  // A department's people and its lead (the manager of all of them), all enrolled.
  people = app.users.filter((u) => u.department === department);
  for (const u of people) expect((await optIn(u)).status).toBe(200);
}, 120_000);
afterAll(() => app?.close());

describe('a pairing round', () => {
  let roundId = '';

  it('proposes pairs in names with reasons, never inside a reporting line, and says why others are left', async () => {
    const r = await asOwner('/api/rounds', {
      audience: { kind: 'department', department },
      rules: { department: 'any', allowRepeats: false },
      cadence: 'monthly',
    });
    expect(r.status).toBe(201);
    roundId = r.body.id;
    expect(r.body.pairs.length).toBeGreaterThan(1);
    for (const p of r.body.pairs) {
      expect(managerChain(p.a)).not.toContain(p.b);
      expect(managerChain(p.b)).not.toContain(p.a);
      expect(p.reasons.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
    const lead = people.find((u) => u.roles.includes('DepartmentLead'))!;
    const leadLeft = r.body.unmatched.find((u: { id: string }) => u.id === lead.id);
    if (leadLeft) expect(leadLeft.reason).toMatch(/reporting line|placed in pairs|also/);
  });

  it('refuses a malformed start or edit with a 400 naming the field', async () => {
    const bad = await asOwner('/api/rounds', {
      audience: { kind: 'department' },
      rules: { department: 'any', allowRepeats: false },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.audience.department');
    const edit = await asOwner(`/api/rounds/${roundId}`, { action: 'lock', pair: ['x', 'y'], locked: true }, 'PATCH');
    expect(edit.status).toBe(400);
    expect(edit.body.error.field).toBe('body.pair');
    expect((await asOwner('/api/rounds/not-a-round')).status).toBe(400);
  });

  it('keeps locked pairs and never re-proposes dropped ones when re-run', async () => {
    const round = (await asOwner(`/api/rounds/${roundId}`)).body;
    const [keep, drop] = round.pairs;
    await asOwner(`/api/rounds/${roundId}`, { action: 'lock', pair: [keep.a, keep.b], locked: true }, 'PATCH');
    const dropped = await asOwner(`/api/rounds/${roundId}`, { action: 'drop', pair: [drop.a, drop.b] }, 'PATCH');
    expect(dropped.body.pairs).toHaveLength(round.pairs.length - 1);
    const rerun = await asOwner(`/api/rounds/${roundId}/rerun`, {});
    expect(rerun.status).toBe(200);
    expect(rerun.body.pairs).toContainEqual(expect.objectContaining({ a: keep.a, b: keep.b, locked: true }));
    expect(rerun.body.pairs.some((p: { a: string; b: string }) => p.a === drop.a && p.b === drop.b)).toBe(false);
  });

  it('publishes each pair and each intro once, also after a crash mid-publish and a second click', async () => {
    const ports = portsCrashingAfterFirstIntro(store);
    await expect(publishRound(ports, roundId)).rejects.toThrow('instance stopped');
    expect((await asOwner(`/api/rounds/${roundId}`)).body.status).toBe('publishing');

    const published = await asOwner(`/api/rounds/${roundId}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.nextRoundOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await asOwner(`/api/rounds/${roundId}/publish`, {});
    expect(again.body.pairIds).toEqual(published.body.pairIds);

    const members = published.body.pairs.flatMap((p: { a: string; b: string }) => [p.a, p.b]);
    const sent = await intros();
    expect(sent).toHaveLength(members.length);
    expect(new Set(sent.map((i) => i.fields['Recipient']))).toEqual(new Set(members));
    for (const pairId of published.body.pairIds) expect((await store.pair(pairId))?.status).toBe('active');
    const first = published.body.pairs[0];
    const mine = await app.request('/api/pairs', { as: app.users.find((u) => u.id === first.a)!.userPrincipalName });
    expect(mine.body.map((s: { partner: { userId: string } }) => s.partner.userId)).toContain(first.b);

    const locked = await asOwner(`/api/rounds/${roundId}`, { action: 'drop', pair: [first.a, first.b] }, 'PATCH');
    expect(locked.status).toBe(409);
  });

  it('does not pair the same people again in the next round', async () => {
    const r = await asOwner('/api/rounds', {
      audience: { kind: 'department', department },
      rules: { department: 'any', allowRepeats: false },
    });
    const before = (await asOwner(`/api/rounds/${roundId}`)).body.pairs.map(
      (p: { a: string; b: string }) => `${p.a}|${p.b}`,
    );
    for (const p of r.body.pairs) expect(before).not.toContain(`${p.a}|${p.b}`);
  });
});
