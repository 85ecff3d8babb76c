// Every button on every card we send must work in Teams. A card a person posts
// through Graph has no bot behind it, so the Teams simulation refuses its
// Action.Execute; such cards keep to Action.OpenUrl. A card the bot sends can
// call the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { CardActionRefused, pressCardButton } from '../support/channel.js';

let app: TestApp;
let booker: { id: string; userPrincipalName: string };
let chatCard: Record<string, unknown>;
let members: string[];

/** Books the first suggested slot of a pair; the agenda card goes to the pair's chat as the booker. */
async function bookFirstSlot(pair: { id: string }, upn: string) {
  const windowStart = new Date(Date.now() + 3 * 86_400_000);
  windowStart.setUTCHours(0, 0, 0, 0);
  const windowEnd = new Date(windowStart.getTime() + 5 * 86_400_000);
  const found = await app.request(`/api/pairs/${pair.id}/slots`, {
    as: upn,
    body: { durationMinutes: 45, windowStart: windowStart.toISOString(), windowEnd: windowEnd.toISOString() },
  });
  const start = found.body.suggestions[0].start as string;
  const booking = { start, durationMinutes: 45, direction: 'reverse', focusAreas: ['leadership'] };
  return app.request(`/api/pairs/${pair.id}/sessions`, { as: upn, body: booking });
}

/** The card in the pair's one-on-one chat, read through Graph as `upn` (creating a oneOnOne chat returns the existing one). */
async function agendaCardInPairChat(upn: string, memberIds: string[]): Promise<Record<string, unknown>> {
  // Reading a chat's messages needs delegated Chat.Read, which the app itself never asks for.
  const registration = `${app.devTenantUrl}/_admin/app-registration`;
  const current = (await (await fetch(registration)).json()) as { delegatedPermissions: string[] };
  const consent = (delegatedPermissions: string[]) =>
    fetch(registration, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...current, delegatedPermissions }),
    });
  await consent([...current.delegatedPermissions, 'Chat.Read']);
  const token = await app.devTenant.tokenFor(upn, 'https://graph.microsoft.com/.default');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const members = memberIds.map((id) => ({
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
  }));
  const chatRes = await fetch(`${app.devTenantUrl}/v1.0/chats`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ chatType: 'oneOnOne', members }),
  });
  const chat = (await chatRes.json()) as { id: string };
  const listed = await fetch(`${app.devTenantUrl}/v1.0/chats/${encodeURIComponent(chat.id)}/messages`, { headers });
  expect(listed.status).toBe(200);
  const messages = (await listed.json()) as { value: Array<{ attachments?: Array<{ content?: string }> }> };
  await consent(current.delegatedPermissions);
  const withCard = messages.value.find((m) => m.attachments?.[0]?.content);
  return JSON.parse(withCard!.attachments![0]!.content!) as Record<string, unknown>;
}

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { id: string; members: Array<{ userId: string }> };
  }>;
  const pair = pairs[2]!.pair;
  booker = app.users.find((u) => u.id === pair.members[0]!.userId)!;
  const booked = await bookFirstSlot(pair, booker.userPrincipalName);
  expect(booked.status).toBe(201);

  members = [pair.members[0]!.userId, pair.members[1]!.userId];
}, 90_000);
afterAll(() => app?.close());

describe('the Teams simulation', () => {
  const interactive = {
    type: 'AdaptiveCard',
    actions: [{ type: 'Action.Execute', title: 'Add action item', verb: 'addActionItem', data: { sessionId: 's' } }],
  };

  it('refuses an Action.Execute on a card a person posted through Graph: no bot is behind it', () => {
    expect(() => pressCardButton({ sentBy: 'graph', card: interactive }, 'Add action item')).toThrow(CardActionRefused);
  });

  it('turns an Action.Execute on a card the bot sent into the published adaptiveCard/action value', () => {
    const pressed = pressCardButton({ sentBy: 'bot', card: interactive }, 'Add action item', {
      actionItemText: 'Send the escalation checklist',
    });
    expect(pressed).toEqual({
      invokeValue: {
        action: {
          type: 'Action.Execute',
          verb: 'addActionItem',
          data: { sessionId: 's', actionItemText: 'Send the escalation checklist' },
        },
      },
    });
  });
});

describe('the agenda card posted through Graph, as the person booking', () => {
  // Last: it consents to Chat.Read for reading the chat, which changes the registration under the app.
  beforeAll(async () => {
    chatCard = await agendaCardInPairChat(booker.userPrincipalName, members);
  });

  it('has only Action.OpenUrl buttons, and no input only a bot could receive', () => {
    const actions = chatCard['actions'] as Array<{ type: string; title: string }>;
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.map((a) => a.type)).toEqual(actions.map(() => 'Action.OpenUrl'));
    expect(JSON.stringify(chatCard['body'])).not.toContain('Input.');
  });

  it('opens the session in the tab when its button is pressed', () => {
    const pressed = pressCardButton({ sentBy: 'graph', card: chatCard }, 'Open session');
    expect(pressed).toEqual({ openUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//) });
  });
});
