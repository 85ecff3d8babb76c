// Booking posts the agenda card, as the person who booked, to the pair's chat
// and to the meeting's own chat (found from the join URL, as Graph documents).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
}, 60_000);
afterAll(() => app?.close());

describe('agenda posting on booking', () => {
  it('posts the agenda card to the pair chat and the meeting chat', async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
    const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
      pair: { id: string; members: Array<{ userId: string }> };
    }>;
    const pair = pairs[1]!.pair;
    const member = app.users.find((u) => u.id === pair.members[0]!.userId)!;
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(0, 0, 0, 0);
    const slots = await app.request(`/api/pairs/${pair.id}/slots`, {
      as: member.userPrincipalName,
      body: {
        durationMinutes: 30,
        windowStart: start.toISOString(),
        windowEnd: new Date(start.getTime() + 6 * 86_400_000).toISOString(),
      },
    });
    expect(slots.body.suggestions.length).toBeGreaterThan(0);
    const booked = await app.request(`/api/pairs/${pair.id}/sessions`, {
      as: member.userPrincipalName,
      body: {
        start: slots.body.suggestions[0].start,
        durationMinutes: 30,
        direction: 'both',
        focusAreas: ['technology-adoption', 'leadership'],
      },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.agendaPostedTo).toEqual(
      expect.arrayContaining([
        'the Teams meeting invitation',
        'the meeting chat',
        expect.stringMatching(/^your Teams chat with /),
      ]),
    );

    // Read the meeting chat as the partner would.
    const partner = app.users.find((u) => u.id === pair.members[1]!.userId)!;
    // Reading a chat's messages needs delegated Chat.Read, which the product does not ask for: grant it for this check.
    const registration = `${app.devTenantUrl}/_admin/app-registration`;
    const granted = (await (await fetch(registration)).json()) as { delegatedPermissions: string[] };
    await fetch(registration, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ delegatedPermissions: [...granted.delegatedPermissions, 'Chat.Read'] }),
    });
    const token = await app.devTenant.tokenFor(partner.userPrincipalName, 'https://graph.microsoft.com/.default');
    const graph = async (p: string) =>
      (
        await fetch(`${app.devTenantUrl}/v1.0${p}`, { headers: { authorization: `Bearer ${token}` } })
      ).json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const joinUrl = booked.body.sessions[0].session.joinUrl as string;
    const meetings = await graph(`/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`);
    const threadId = meetings.value[0].chatInfo.threadId as string;
    const messages = await graph(`/chats/${encodeURIComponent(threadId)}/messages`);
    const card = JSON.parse(messages.value[0].attachments[0].content) as {
      type: string;
      actions: Array<{ title: string }>;
    };
    expect(card.type).toBe('AdaptiveCard');
    expect(card.actions.map((a) => a.title)).toEqual(['Open session']);
  });
});
