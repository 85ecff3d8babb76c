// Shared-learning notes end to end: the PHI guard on the server, optimistic
// concurrency, nothing lost across throttling and restarts, hostile text kept
// as data, and note text never in a log line.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNoteHtml } from '../../src/core/notes/model.js';
import { scanForPhi } from '../../src/core/notes/phi.js';
import { noteLimits } from '../../src/core/schemas.js';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';

const logLines: string[] = [];
const logSink = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

let app: TestApp;
let author: string;
let partner: string;
let sessionId: string;

beforeAll(async () => {
  app = await startTestApp({ logDestination: logSink });
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { id: string; members: Array<{ userId: string }> };
    lastSession: { id: string } | null;
  }>;
  const withHistory = pairs.find((p) => p.lastSession)!;
  sessionId = withHistory.lastSession!.id;
  [author, partner] = withHistory.pair.members.map(
    (m) => app.users.find((u) => u.id === m.userId)!.userPrincipalName,
  ) as [string, string];
}, 60_000);
afterAll(() => app?.close());

const notePath = () => `/api/sessions/${encodeURIComponent(sessionId)}/notes/me`;
const note = (taught: string, extra: Record<string, unknown> = {}) => ({
  taught,
  learned: 'How to run the weekly readmission report.',
  actionItems: [],
  focusAreas: ['technology-adoption'],
  ...extra,
});

describe('the PHI guard on save', () => {
  it('refuses a note with an identifier until it is edited or confirmed', async () => {
    const flagged = await app.request(notePath(), {
      as: author,
      method: 'PUT',
      body: note('I showed how to look up MRN 4820193 faster.'),
    });
    expect(flagged.status).toBe(422);
    expect(flagged.body.error.code).toBe('phi_unconfirmed');
    expect(flagged.body.error.details.findings[0]).toMatchObject({ field: 'taught', kind: 'mrn', text: 'MRN 4820193' });
    const current = await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author });
    const confirmed = await app.request(notePath(), {
      as: author,
      method: 'PUT',
      headers: current.body.myNote ? { 'if-match': current.body.myNote.etag } : {},
      body: note('The clinic line (312) 555-0100 is the public front desk.', {
        phiConfirmations: [{ kind: 'phone', text: '(312) 555-0100' }],
      }),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.note.phiConfirmations).toEqual([{ kind: 'phone', text: '(312) 555-0100' }]);
  });
});

describe('size limits', () => {
  it.each([
    ['taught', { taught: 'a'.repeat(noteLimits.taughtChars + 1) }],
    ['learned', { learned: 'b'.repeat(noteLimits.learnedChars + 1) }],
    [
      'actionItems',
      {
        actionItems: Array.from({ length: noteLimits.actionItems + 1 }, (_, i) => ({
          id: `ai-${i}`,
          text: 'Follow up',
          done: false,
        })),
      },
    ],
    [
      'actionItems',
      { actionItems: [{ id: 'ai-long', text: 'c'.repeat(noteLimits.actionItemChars + 1), done: false }] },
    ],
  ])('refuses a note over the %s limit with 400 naming the field, and keeps the saved note', async (field, over) => {
    const before = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author })).body.myNote;
    const r = await app.request(notePath(), {
      as: author,
      method: 'PUT',
      headers: before ? { 'if-match': before.etag } : {},
      body: { ...note('Within limits.'), ...over },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toContain(field);
    const after = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author })).body.myNote;
    expect(after?.etag).toBe(before?.etag);
  });

  it('accepts a note exactly at the limits', async () => {
    const before = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author })).body.myNote;
    const r = await app.request(notePath(), {
      as: author,
      method: 'PUT',
      headers: before ? { 'if-match': before.etag } : {},
      body: { ...note('a'.repeat(noteLimits.taughtChars)), learned: 'b'.repeat(noteLimits.learnedChars) },
    });
    expect(r.status).toBe(200);
    expect(r.body.note.taught).toHaveLength(noteLimits.taughtChars);
  });
});

describe('concurrency', () => {
  it("keeps the two people's notes apart and turns a stale save into a 412 with the current note", async () => {
    const mine = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author })).body.myNote;
    const fresh = await app.request(notePath(), {
      as: author,
      method: 'PUT',
      headers: { 'if-match': mine.etag },
      body: note('First window.'),
    });
    expect(fresh.status).toBe(200);
    const stale = await app.request(notePath(), {
      as: author,
      method: 'PUT',
      headers: { 'if-match': mine.etag },
      body: note('Second window, older copy.'),
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    expect(stale.body.error.details.note.taught).toBe('First window.');
    const partnerView = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: partner })).body;
    expect(partnerView.partnerNote.taught).toBe('First window.');
    expect(partnerView.myNote.note.taught).not.toBe('First window.');
  });

  it('will not create a second note without an eTag when one exists', async () => {
    const r = await app.request(notePath(), { as: author, method: 'PUT', body: note('Blind overwrite.') });
    expect(r.status).toBe(412);
  });
});

describe('nothing lost', () => {
  it('retries saves through injected 429s and 503s, and keeps them across an app restart', async () => {
    app.devTenant.setFaults({ probability429: 0.3, probability503: 0.1, retryAfterSeconds: 0.05, randomSeed: 3 });
    try {
      let etag = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author })).body.myNote
        .etag as string;
      const first = await app.request(notePath(), {
        as: author,
        method: 'PUT',
        headers: { 'if-match': etag },
        body: note('Saved before the restart.'),
      });
      expect(first.status).toBe(200);
      etag = first.body.etag;
      await app.restart();
      const second = await app.request(notePath(), {
        as: author,
        method: 'PUT',
        headers: { 'if-match': etag },
        body: note('Saved after the restart.'),
      });
      expect(second.status).toBe(200);
      expect(second.body.note.version).toBe(first.body.note.version + 1);
    } finally {
      app.devTenant.setFaults({ probability429: 0, probability503: 0 });
    }
    const read = await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author });
    expect(read.body.myNote.note.taught).toBe('Saved after the restart.');
  });
});

describe('hostile text', () => {
  const hostile = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '[click me](javascript:alert(1)) ![pixel](https://tracker.example/p.png)',
    '${user.secret} {{7*7}}',
    "Siobhan O'Brien's team said 'yes'",
  ];
  it.each(hostile)('stores %s as data and renders it escaped', async (text) => {
    const current = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: partner })).body.myNote;
    // As the tab does: the author confirms whatever the guard flags (here, the tracker URL).
    const phiConfirmations = scanForPhi(text).map((f) => ({ kind: f.kind, text: f.text }));
    const saved = await app.request(notePath(), {
      as: partner,
      method: 'PUT',
      headers: current ? { 'if-match': current.etag } : {},
      body: note(text, { phiConfirmations }),
    });
    expect(saved.status).toBe(200);
    const read = await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: partner });
    expect(read.body.myNote.note.taught).toBe(text);
    const html = renderNoteHtml(text);
    // Only the renderer's own tags remain; everything from the author is text.
    expect(html.replace(/<\/?(p|strong|em|ul|li)>/g, '')).not.toMatch(/[<>]/);
    expect(html).not.toMatch(/href=|src=https|\$\{/);
  });
});

describe('logs', () => {
  it('never contain note text', async () => {
    const sentinel = 'SENTINEL-NOTE-9f2c lesson about the readmission report';
    const current = (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: author })).body.myNote;
    const r = await app.request(notePath(), {
      as: author,
      method: 'PUT',
      headers: { 'if-match': current.etag },
      body: note(sentinel, { actionItems: [{ id: 'ai-sentinel', text: sentinel, done: false }] }),
    });
    expect(r.status).toBe(200);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain('SENTINEL-NOTE-9f2c');
    expect(logLines.join('\n')).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/);
  });
});
