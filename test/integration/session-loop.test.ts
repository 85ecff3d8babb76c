// The session loop over HTTP and the bot against the dev tenant: marking a
// session held through the after-session card (as Teams delivers its
// Action.Execute) and through the tab's API both move the dashboard; either
// person's "held" wins, a disagreement reaches the owner, the learned line
// passes the PHI guard, and a pair's history lists every session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalsOf } from '../../server/graph/growthStore.js';
import { openGoalsCardItems } from '../../server/program/growth/goalCard.js';
import { sessionLoopCard } from '../../server/program/operations/cards.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import type { TestApp } from '../support/app.js';
import { pressAsTeams } from '../support/channel.js';
import { startAppWithDemoProgram } from '../support/demoProgram.js';

let app: TestApp;
let owner: string;
let pair: Pair;
let department: string;
let upn: [string, string];
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Weeks are whole (Monday to Monday): a `to` a week ahead keeps this week in.
const period = `?from=${day(Date.now() - 20 * dayMs)}&to=${day(Date.now() + 8 * dayMs)}`;

/** A session of the pair that started `hoursAgo` (booked straight in the store: the API books only ahead). */
async function pastSession(occurrence: string, hoursAgo: number, status: Session['status'] = 'scheduled') {
  const start = Date.now() - hoursAgo * hourMs;
  const session: Session = {
    id: `${pair.id}~${occurrence}`,
    pairId: pair.id,
    occurrence,
    eventId: null,
    iCalUId: null,
    organizerId: pair.members[0].userId,
    direction: 'reverse',
    focusAreas: ['technology-adoption'],
    start: new Date(start).toISOString(),
    end: new Date(start + 30 * 60_000).toISOString(),
    status,
    joinUrl: null,
  } as Session;
  await app.app.services.store.recordSession(session);
  return session;
}

async function heldOnDashboard(): Promise<number> {
  const r = await app.request(`/api/program/dashboard${period}`, { as: owner });
  expect(r.status).toBe(200);
  const d = (r.body.dashboards as Array<{ department: string; sessions: { held: { value: number | null } } }>).find(
    (x) => x.department === department,
  )!;
  expect(d.sessions.held.value, 'the department has enough people for its figures').not.toBeNull();
  return d.sessions.held.value!;
}

const loopCard = (sessionId: string, goalItems?: Array<Record<string, unknown>>) =>
  sessionLoopCard({
    sessionId,
    partnerName: 'Partner',
    start: new Date().toISOString(),
    zone: 'UTC',
    openSessionUrl: 'https://teams.microsoft.com/l/entity/x/pairs',
    goalItems,
  });

/** Presses the card's Send as Teams would, and posts the resulting invoke to the bot as `userId`. */
async function answerCard(userId: string, sessionId: string, inputs: Record<string, string>) {
  return press(userId, loopCard(sessionId), 'Send', inputs);
}

/** Presses `button` on a card the bot sent, as Teams would, as `userId`; the invoke's answer. */
async function press(
  userId: string,
  card: Record<string, unknown>,
  button: string,
  inputs: Record<string, string> = {},
) {
  const r = await pressAsTeams(app, userId, card, button, inputs);
  expect(r.status).toBe(200);
  return String(r.body.value);
}

beforeAll(async () => {
  const started = await startAppWithDemoProgram();
  app = started.app;
  owner = started.owner;
  const full = (await app.app.services.store.allPairs()).filter(
    (p) => p.members[0].department === p.members[1].department,
  );
  pair = full[0]!;
  department = pair.members[0].department;
  upn = pair.members.map((m) => app.users.find((u) => u.id === m.userId)!.userPrincipalName) as [string, string];
}, 90_000);
afterAll(() => app?.close());

describe('the after-session card updates goals in one tap', () => {
  it("lists the person's open goals with progress buttons, and a tap records the progress", async () => {
    const made = await app.request('/api/me/goals', {
      as: upn[0],
      body: { kind: 'learn', focusArea: 'technology-adoption', title: 'Build a saved filter for prior authorizations' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const goals = await goalsOf(app.app.services.store, pair.members[0].userId);
    const card = loopCard('any-session', openGoalsCardItems(goals));
    expect(JSON.stringify(card)).toContain('Build a saved filter for prior authorizations');
    const said = await press(pair.members[0].userId, card, 'Mark under way');
    expect(said).toMatch(/under way/);
    const after = (await goalsOf(app.app.services.store, pair.members[0].userId)).find(
      (g) => g.id === made.body.goal.id,
    );
    expect(after?.progress).toBe('under-way');
    // The partner pressing the same button changes nothing of someone else's goal.
    await press(pair.members[1].userId, loopCard('any-session', openGoalsCardItems([after!])), 'Mark achieved');
    const still = (await goalsOf(app.app.services.store, pair.members[0].userId)).find(
      (g) => g.id === made.body.goal.id,
    );
    expect(still?.progress).toBe('under-way');
  });
});

describe('marking a session held moves the dashboard', () => {
  it('through the after-session card the bot sends', async () => {
    const session = await pastSession('loopcard', 3);
    const before = await heldOnDashboard();
    const said = await answerCard(pair.members[0].userId, session.id, {
      outcome: 'held',
      usefulness: '4',
      learned: 'How the discharge dashboard filters by payer',
    });
    expect(said).toMatch(/recorded that you met/);
    expect((await app.app.services.store.session(session.id))!.status).toBe('held');
    expect(await heldOnDashboard()).toBe(before + 1);
  });

  it("through the tab's session loop API", async () => {
    const session = await pastSession('looptab', 5);
    const before = await heldOnDashboard();
    const r = await app.request(`/api/sessions/${session.id}/loop`, {
      as: upn[1],
      method: 'PUT',
      body: { outcome: 'held', usefulness: 5, learned: 'Shortcuts in the care-plan editor' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.session.status).toBe('held');
    expect(r.body.loop.mine).toMatchObject({ outcome: 'held', usefulness: 5 });
    expect(await heldOnDashboard()).toBe(before + 1);
  });
});

describe('two answers', () => {
  it('keeps the session held when the partner says no-show, and shows the owner both answers', async () => {
    const session = await pastSession('loopdisagree', 7);
    await app.request(`/api/sessions/${session.id}/loop`, { as: upn[0], method: 'PUT', body: { outcome: 'held' } });
    const r = await app.request(`/api/sessions/${session.id}/loop`, {
      as: upn[1],
      method: 'PUT',
      body: { outcome: 'no-show' },
    });
    expect(r.body.session.status).toBe('held');
    expect(r.body.loop).toMatchObject({ partnerOutcome: 'held', disagreement: true });
    const attention = await app.request('/api/session-loop/attention', { as: owner });
    expect(attention.status).toBe(200);
    const found = attention.body.disagreements.find((d: { sessionId: string }) => d.sessionId === session.id);
    expect(found.answers.map((a: { outcome: string }) => a.outcome).sort()).toEqual(['held', 'no-show']);
    expect(JSON.stringify(attention.body)).not.toContain('learned');
    expect((await app.request('/api/session-loop/attention', { as: upn[0] })).status).toBe(403);
  });

  it('marks a session no-show when the only answer is no-show, and "moved" leaves it scheduled', async () => {
    const missed = await pastSession('loopmissed', 9);
    const moved = await pastSession('loopmoved', 11);
    const a = await app.request(`/api/sessions/${missed.id}/loop`, {
      as: upn[0],
      method: 'PUT',
      body: { outcome: 'no-show' },
    });
    const b = await app.request(`/api/sessions/${moved.id}/loop`, {
      as: upn[0],
      method: 'PUT',
      body: { outcome: 'moved' },
    });
    expect([a.body.session.status, b.body.session.status]).toEqual(['no-show', 'scheduled']);
  });
});

describe('refusals', () => {
  it('refuses a learned line with a patient identifier (422 naming body.learned) and keeps the earlier answer', async () => {
    const session = await pastSession('loopphi', 13);
    await app.request(`/api/sessions/${session.id}/loop`, {
      as: upn[0],
      method: 'PUT',
      body: { outcome: 'held', learned: 'Escalation paths' },
    });
    const r = await app.request(`/api/sessions/${session.id}/loop`, {
      as: upn[0],
      method: 'PUT',
      body: { outcome: 'held', learned: 'Reviewed MRN 12345678 together' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'phi_unconfirmed', field: 'body.learned' });
    const card = await answerCard(pair.members[0].userId, session.id, { outcome: 'held', learned: 'MRN 12345678' });
    expect(card).toMatch(/^Not saved: .*patient identifier/);
    const kept = await app.request(`/api/sessions/${session.id}/loop`, { as: upn[0] });
    expect(kept.body.loop.mine.learned).toBe('Escalation paths');
  });

  it('answers bad input with a 400 naming the field', async () => {
    const session = await pastSession('loopbad', 15);
    for (const [body, field] of [
      [{ outcome: 'maybe' }, 'body.outcome'],
      [{ outcome: 'held', usefulness: 7 }, 'body.usefulness'],
      [{ outcome: 'held', learned: 'two\nlines' }, 'body.learned'],
      [{}, 'body.outcome'],
    ] as const) {
      const r = await app.request(`/api/sessions/${session.id}/loop`, { as: upn[0], method: 'PUT', body });
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
    expect(await answerCard(pair.members[0].userId, session.id, {})).toMatch(/Say whether you met/);
  });

  it("refuses a session that has not started or was cancelled (409), and another pair's session (404)", async () => {
    const ahead = await pastSession('loopahead', -48);
    const cancelled = await pastSession('loopcancelled', 20, 'cancelled');
    for (const id of [ahead.id, cancelled.id]) {
      const r = await app.request(`/api/sessions/${id}/loop`, { as: upn[0], method: 'PUT', body: { outcome: 'held' } });
      expect(r.status).toBe(409);
    }
    const stranger = app.users.find((u) => !pair.members.some((m) => m.userId === u.id) && u.roles.length === 1)!;
    const r = await app.request(`/api/sessions/${ahead.id}/loop`, {
      as: stranger.userPrincipalName,
      method: 'PUT',
      body: { outcome: 'held' },
    });
    expect(r.status).toBe(404);
  });
});

describe("a pair's history", () => {
  it('lists every session with its status and what each person said, to the pair only', async () => {
    const r = await app.request(`/api/pairs/${pair.id}/history`, { as: upn[0] });
    expect(r.status).toBe(200);
    const rows = r.body.sessions as Array<{ session: Session; myOutcome: string | null }>;
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.find((x) => x.session.occurrence === 'loopcard')).toMatchObject({
      myOutcome: 'held',
      session: { status: 'held' },
    });
    expect(rows.some((x) => x.session.status === 'scheduled' && Date.parse(x.session.start) > Date.now())).toBe(true);
    const stranger = app.users.find((u) => !pair.members.some((m) => m.userId === u.id) && u.roles.length === 1)!;
    expect((await app.request(`/api/pairs/${pair.id}/history`, { as: stranger.userPrincipalName })).status).toBe(404);
  });
});
