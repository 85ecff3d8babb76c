// Note drafts kept in the tenant per person and session, so a closed and
// reopened meeting side panel (or another device) finds what was being typed;
// only text the PHI guard passed is stored, and a saved note settles its draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let author: string;
let partner: string;
let outsider: string;
let sessionId: string;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { members: Array<{ userId: string }> };
    lastSession: { id: string } | null;
  }>;
  const withHistory = pairs.find((p) => p.lastSession)!;
  sessionId = withHistory.lastSession!.id;
  const ids = withHistory.pair.members.map((m) => m.userId);
  [author, partner] = ids.map((id) => app.users.find((u) => u.id === id)!.userPrincipalName) as [string, string];
  outsider = app.users.find((u) => !ids.includes(u.id) && !u.roles.includes('ProgramOwner'))!.userPrincipalName;
}, 60_000);
afterAll(() => app?.close());

const draftPath = () => `/api/sessions/${encodeURIComponent(sessionId)}/notes/me/draft`;
const draft = (taught: string, extra: Record<string, unknown> = {}) => ({
  note: {
    taught,
    learned: '',
    actionItems: [{ id: 'item-being-typed', text: '', done: false }],
    focusAreas: [],
    phiConfirmations: [],
  },
  baseEtag: null,
  ...extra,
});

describe('note drafts in the tenant', () => {
  it('keeps a draft per person and session, with an action item still being typed', async () => {
    const put = await app.request(draftPath(), { as: author, method: 'PUT', body: draft('Half a thought about') });
    expect(put.status).toBe(200);
    const mine = await app.request(draftPath(), { as: author });
    expect(mine.status).toBe(200);
    expect(mine.body.draft.note.taught).toBe('Half a thought about');
    expect(mine.body.draft.note.actionItems).toEqual([
      expect.objectContaining({ id: 'item-being-typed', text: '', done: false }),
    ]);
    expect(typeof mine.body.draft.savedAt).toBe('string');
    const theirs = await app.request(draftPath(), { as: partner });
    expect(theirs.body.draft).toBeNull();
  });

  it('refuses to store a draft the PHI guard flags (422 naming the field), keeping the one stored', async () => {
    const flagged = await app.request(draftPath(), {
      as: author,
      method: 'PUT',
      body: draft('Looked up MRN 4820193 together'),
    });
    expect(flagged.status).toBe(422);
    expect(flagged.body.error.details.findings[0]).toMatchObject({ field: 'taught', kind: 'mrn' });
    expect((await app.request(draftPath(), { as: author })).body.draft.note.taught).toBe('Half a thought about');
  });

  it.each([
    ['an over-long text', draft('x'.repeat(5000)), 'body.note.taught'],
    ['a bad base eTag', draft('ok', { baseEtag: 42 }), 'body.baseEtag'],
    ['no note', { baseEtag: null }, 'body.note'],
  ])('answers 400 naming the field for %s', async (_what, body, field) => {
    const r = await app.request(draftPath(), { as: author, method: 'PUT', body });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe(field);
  });

  it("answers 404 for another pair's session, revealing nothing", async () => {
    const read = await app.request(draftPath(), { as: outsider });
    const write = await app.request(draftPath(), { as: outsider, method: 'PUT', body: draft('Sneaky') });
    expect([read.status, write.status]).toEqual([404, 404]);
    expect(JSON.stringify(read.body)).not.toContain('Half a thought');
  });

  it('settles the draft when the note is saved', async () => {
    const current = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author })).body.myNote;
    const saved = await app.request(`/api/sessions/${encodeURIComponent(sessionId)}/notes/me`, {
      as: author,
      method: 'PUT',
      headers: current ? { 'if-match': current.etag } : {},
      body: { taught: 'The whole thought.', learned: '', actionItems: [], focusAreas: [] },
    });
    expect(saved.status).toBe(200);
    expect((await app.request(draftPath(), { as: author })).body.draft).toBeNull();
  });

  it('discards a draft on request', async () => {
    await app.request(draftPath(), { as: author, method: 'PUT', body: draft('To throw away') });
    const gone = await app.request(draftPath(), { as: author, method: 'DELETE' });
    expect(gone.status).toBe(204);
    expect((await app.request(draftPath(), { as: author })).body.draft).toBeNull();
  });
});
