// Action items assigned to either person of the pair: validated against the
// pair, stored with the note, carried over with their assignee; the bot's
// "Add action item" assigns the item to its author.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { addActionItem } from '../../server/program/notes.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let author: { upn: string; id: string };
let partner: { upn: string; id: string };
let outsiderId: string;
let sessionId: string;
let pairId: string;

type PairRow = {
  pair: { id: string; members: Array<{ userId: string }> };
  lastSession: { id: string } | null;
};

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as PairRow[];
  const withHistory = pairs.find((p) => p.lastSession)!;
  sessionId = withHistory.lastSession!.id;
  pairId = withHistory.pair.id;
  const person = (userId: string) => ({ id: userId, upn: app.users.find((u) => u.id === userId)!.userPrincipalName });
  [author, partner] = withHistory.pair.members.map((m) => person(m.userId)) as [typeof author, typeof author];
  const memberIds = new Set(withHistory.pair.members.map((m) => m.userId));
  outsiderId = app.users.find((u) => !memberIds.has(u.id))!.id;
}, 60_000);
afterAll(() => app?.close());

const sessionPath = (id = sessionId) => `/api/sessions/${encodeURIComponent(id)}`;
const myNote = async (as: string) => (await app.request(sessionPath(), { as })).body.myNote;
const put = async (as: string, actionItems: unknown[]) => {
  const current = await myNote(as);
  return app.request(`${sessionPath()}/notes/me`, {
    as,
    method: 'PUT',
    headers: current ? { 'if-match': current.etag } : {},
    body: { taught: 'Shortcuts in the care-plan tool.', learned: 'Framing feedback.', actionItems, focusAreas: [] },
  });
};

describe('action items assigned to either person', () => {
  it('stores an item assigned to the partner, and the partner sees it so', async () => {
    const saved = await put(author.upn, [
      { id: 'ai-one', text: 'Send the template', done: false, assigneeId: partner.id },
      { id: 'ai-two', text: 'Try the new filter', done: false, assigneeId: author.id },
    ]);
    expect(saved.status).toBe(200);
    expect(saved.body.note.actionItems.map((i: { assigneeId: string }) => i.assigneeId)).toEqual([
      partner.id,
      author.id,
    ]);
    const partnerView = (await app.request(sessionPath(), { as: partner.upn })).body;
    expect(partnerView.partnerNote.actionItems[0]).toMatchObject({ text: 'Send the template', assigneeId: partner.id });
  });

  it('assigns an item without an assignee to its author', async () => {
    const saved = await put(author.upn, [{ id: 'ai-three', text: 'Read the policy', done: false }]);
    expect(saved.status).toBe(200);
    expect(saved.body.note.actionItems[0].assigneeId).toBe(author.id);
  });

  it.each([
    ['someone outside the pair', () => outsiderId],
    ['something that is not a person id', () => 'not a user; drop table'],
  ])('refuses an item assigned to %s with a 400 naming the field, keeping the saved note', async (_what, who) => {
    const before = await myNote(author.upn);
    const r = await put(author.upn, [
      { id: 'ai-ok', text: 'Fine', done: false, assigneeId: author.id },
      { id: 'ai-bad', text: 'Not theirs', done: false, assigneeId: who() },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    expect(r.body.error.field).toBe('body.actionItems.1.assigneeId');
    expect((await myNote(author.upn)).etag).toBe(before.etag);
  });

  it('carries open items over to the next session with their assignee', async () => {
    const { store } = app.app.services;
    const sessions = (await store.sessionsOfPair(pairId))
      .filter((s) => s.status !== 'cancelled')
      .sort((a, b) => a.start.localeCompare(b.start));
    const [earlier, later] = sessions.slice(-2);
    expect(later).toBeDefined();
    const current = (await app.request(sessionPath(earlier!.id), { as: author.upn })).body.myNote;
    const saved = await app.request(`${sessionPath(earlier!.id)}/notes/me`, {
      as: author.upn,
      method: 'PUT',
      headers: current ? { 'if-match': current.etag } : {},
      body: {
        taught: '',
        learned: 'Discharge calls.',
        actionItems: [{ id: 'ai-carry', text: 'Shadow a discharge call', done: false, assigneeId: partner.id }],
        focusAreas: [],
      },
    });
    expect(saved.status).toBe(200);
    const next = (await app.request(sessionPath(later!.id), { as: partner.upn })).body;
    expect(next.carriedOverActionItems).toContainEqual(
      expect.objectContaining({ text: 'Shadow a discharge call', assigneeId: partner.id, authorId: author.id }),
    );
    // Action items are part of the notes, which stay with the pair: the program owner opening the session sees none.
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner') && u.id !== author.id && u.id !== partner.id)!;
    const asOwner = await app.request(sessionPath(later!.id), { as: owner.userPrincipalName });
    expect(asOwner.status).toBe(200);
    expect(asOwner.body.carriedOverActionItems).toEqual([]);
    expect(asOwner.body.partnerNote).toBeNull();
  });

  it("assigns the bot's added action item to the person who added it", async () => {
    const { store, now } = app.app.services;
    const added = await addActionItem({ store, now }, partner.id, sessionId, 'Book the room for next time');
    expect(added.item.assigneeId).toBe(partner.id);
    const stored = (await myNote(partner.upn)).note.actionItems;
    expect(stored).toContainEqual(
      expect.objectContaining({ text: 'Book the room for next time', assigneeId: partner.id }),
    );
  });
});
