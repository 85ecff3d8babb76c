// The tab opened in a Teams meeting finds its session through the server:
// by the meeting chat's thread id (what Teams gives a tab), the join URL or the
// iCalUId, for both people of the pair; another pair's meeting reveals nothing;
// a meeting that is not a session is offered for linking. Over HTTP against the dev tenant.
import { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../server/auth/caller.js';
import { recognizeMeeting, threadIdInJoinUrl } from '../../server/program/meetingRecognition.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { createTestPair } from '../support/pairs.js';

let t: TestApp;
let a: DemoUser;
let b: DemoUser;
let outsider: DemoUser;
const pairId = 'pair-meeting-recognition';
const enc = encodeURIComponent;

type Booked = { id: string; joinUrl: string; iCalUId: string; organizerId: string };
let booked: Booked;
let threadId: string;

const recognize = (as: DemoUser, query: Record<string, string>) =>
  t.request(`/api/meetings/session?${new URLSearchParams(query).toString()}`, { as: as.userPrincipalName });

/** The meeting chat's thread id, as Graph gives it to the organizer (and Teams gives the tab as `chat.id`). */
async function threadOf(organizerId: string, joinUrl: string): Promise<string> {
  const organizer = t.users.find((u) => u.id === organizerId)!;
  const token = await t.devTenant.tokenFor(organizer.userPrincipalName, 'https://graph.microsoft.com/.default');
  const filter = enc(`JoinWebUrl eq '${joinUrl}'`);
  const found = await fetch(`${t.devTenantUrl}/v1.0/me/onlineMeetings?$filter=${filter}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(found.status).toBe(200);
  return ((await found.json()) as { value: Array<{ chatInfo: { threadId: string } }> }).value[0]!.chatInfo.threadId;
}

/** A plain Teams meeting (not a session) organized by `organizer`, today and an hour long. */
async function plainTeamsMeeting(organizer: DemoUser, attendees: DemoUser[]) {
  const start = new Date(Date.now() + 3_600_000);
  start.setUTCMinutes(0, 0, 0);
  const created = await t.devTenant.graph('POST', `/users/${organizer.id}/events`, {
    subject: 'Weekly catch-up',
    start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: new Date(start.getTime() + 45 * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    attendees: attendees.map((u) => ({ type: 'required', emailAddress: { address: u.userPrincipalName } })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  });
  expect(created.status).toBe(201);
  const joinUrl = created.body.onlineMeeting.joinUrl as string;
  return { eventId: created.body.id as string, joinUrl, threadId: await threadOf(organizer.id, joinUrl) };
}

describe('recognizing the Teams meeting a tab is opened in', () => {
  beforeAll(async () => {
    t = await startTestApp();
    const people = t.users.filter((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'));
    const zone = people.find((u) => people.filter((v) => v.timeZone === u.timeZone).length >= 2)!.timeZone;
    [a, b] = people.filter((u) => u.timeZone === zone) as [DemoUser, DemoUser];
    outsider = people.find((u) => u.id !== a.id && u.id !== b.id)!;
    await createTestPair(t, pairId, [a, b]);
    // The pair's session: a Teams meeting of theirs made a session (what booking records too: its join URL, iCalUId).
    const m = await plainTeamsMeeting(a, [b]);
    const linked = await t.request('/api/sessions/link', {
      as: a.userPrincipalName,
      body: { eventId: m.eventId, pairId, direction: 'reverse', focusAreas: ['technology-adoption'] },
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    booked = linked.body.session as Booked;
    expect(booked.joinUrl).toBe(m.joinUrl);
    threadId = m.threadId;
  }, 120_000);
  afterAll(() => t?.close());

  it("finds the pair's session by its meeting chat thread id (chat.id), for both people", async () => {
    expect(threadId).toMatch(/^19:meeting_.+@thread\.v2$/);
    for (const person of [a, b]) {
      const res = await recognize(person, { chatId: threadId });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.recognizedBy).toBe('chatId');
      expect(res.body.match.session.id).toBe(booked.id);
      expect(res.body.match.pair.id).toBe(pairId);
    }
  });

  it("finds the pair's session by its join URL and by its iCalUId", async () => {
    const byUrl = await recognize(b, { joinUrl: booked.joinUrl });
    expect(byUrl.body).toMatchObject({ recognizedBy: 'joinUrl', match: { session: { id: booked.id } } });
    const byICal = await recognize(a, { iCalUId: booked.iCalUId });
    expect(byICal.body).toMatchObject({ recognizedBy: 'iCalUId', match: { session: { id: booked.id } } });
  });

  it("reveals nothing of another pair's meeting, by any key", async () => {
    const queries: Record<string, string>[] = [
      { chatId: threadId },
      { joinUrl: booked.joinUrl },
      { iCalUId: booked.iCalUId },
    ];
    for (const query of queries) {
      const res = await recognize(outsider, query);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ recognizedBy: null, meeting: null, match: null });
      expect(JSON.stringify(res.body)).not.toContain(pairId);
    }
  });

  it("reveals nothing of another pair's session to someone invited to its meeting, and does not offer to link it", async () => {
    const m = await plainTeamsMeeting(a, [b, outsider]);
    const linked = await t.request('/api/sessions/link', {
      as: a.userPrincipalName,
      body: { eventId: m.eventId, pairId, direction: 'both', focusAreas: ['leadership'] },
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const res = await recognize(outsider, { chatId: m.threadId });
    expect(res.body).toEqual({ recognizedBy: null, meeting: null, match: null });
  });

  it('offers a Teams meeting that is not a session for linking, and finds it by thread id once linked', async () => {
    const m = await plainTeamsMeeting(b, [a]);
    const before = await recognize(a, { chatId: m.threadId });
    expect(before.status).toBe(200);
    expect(before.body.match).toBeNull();
    expect(before.body.meeting).toMatchObject({ subject: 'Weekly catch-up', isOrganizer: false });

    const linked = await t.request('/api/sessions/link', {
      as: a.userPrincipalName,
      body: { eventId: before.body.meeting.eventId, pairId, direction: 'reverse', focusAreas: ['technology-adoption'] },
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const after = await recognize(a, { chatId: m.threadId });
    expect(after.body).toMatchObject({ recognizedBy: 'chatId', match: { session: { id: linked.body.session.id } } });
  });

  it('says a meeting with nothing to do with the caller is nothing, without an error', async () => {
    const res = await recognize(a, { chatId: '19:meeting_bm90LWEtbWVldGluZw@thread.v2' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ recognizedBy: null, meeting: null, match: null });
  });

  it.each([
    [{}, 'query.chatId'],
    [{ chatId: 'not a thread' }, 'query.chatId'],
    [{ chatId: '19:abc@unq.gbl.spaces' }, 'query.chatId'],
    [{ joinUrl: 'http://teams.microsoft.com/l/meetup-join/x' }, 'query.joinUrl'],
    [{ iCalUId: 'x'.repeat(600) }, 'query.iCalUId'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const res = await recognize(a, query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it('refuses a caller without a token', async () => {
    const res = await t.request(`/api/meetings/session?chatId=${enc(threadId)}`, { token: 'nope' });
    expect(res.status).toBe(401);
  });
});

describe('the thread id of a join URL', () => {
  it('reads the thread a classic Teams join URL names', () => {
    expect(
      threadIdInJoinUrl('https://teams.microsoft.com/l/meetup-join/19%3ameeting_Zm9v%40thread.v2/0?context=%7b%7d'),
    ).toBe('19:meeting_Zm9v@thread.v2');
  });

  it.each([
    'https://teams.microsoft.com/meet/2345678?p=abc',
    'not a url',
    'https://example.com/l/meetup-join/%E0%A4%A',
  ])('finds none in %s', (url) => expect(threadIdInJoinUrl(url)).toBeNull());

  it('asks Graph (as the caller) for the thread of a join URL that names none', async () => {
    const shortUrl = 'https://teams.microsoft.com/meet/2345678?p=abc';
    const thread = '19:meeting_c2hvcnQ@thread.v2';
    const caller = { userId: '00000000-0000-0000-0000-00000000000a' } as Caller;
    const pair = { id: 'p1', members: [{ userId: caller.userId }, { userId: 'x' }] } as unknown as Pair;
    const session = { id: 's1', pairId: 'p1', status: 'scheduled', start: new Date().toISOString(), joinUrl: shortUrl };
    const asked: string[] = [];
    const delegated = Client.init({
      authProvider: (done) => done(null, 'token'),
      fetchOptions: {},
      // Graph's answer to onlineMeetings?$filter=JoinWebUrl eq '…' (https://learn.microsoft.com/graph/api/onlinemeeting-get)
      customHosts: new Set(['graph.microsoft.com']),
    });
    delegated.api = ((path: string) => {
      asked.push(path);
      return {
        filter: (f: string) => ({
          get: async () => ({ value: f.includes(enc(shortUrl)) ? [{ chatInfo: { threadId: thread } }] : [] }),
        }),
      };
    }) as unknown as Client['api'];
    const ports = {
      store: {
        pairsOf: async () => [pair],
        sessionsOfPair: async () => [session as unknown as Session & { agenda: unknown }],
        sessionByICalUId: async () => null,
      },
      graph: { client: null },
      delegatedGraph: () => delegated,
      now: () => Date.now(),
    } as unknown as Parameters<typeof recognizeMeeting>[0];
    const found = await recognizeMeeting(ports, caller, { chatId: thread });
    expect(found.recognizedBy).toBe('chatId');
    expect(found.match?.session.id).toBe('s1');
    expect(asked).toEqual(['/me/onlineMeetings']);
  });
});
