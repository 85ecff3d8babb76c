// Proactive messages end to end against the dev tenant: a person the bot has
// never talked to gets the app installed through Graph, Teams (the dev
// tenant's channel) tells the bot, and the card arrives once, sent by the bot
// so its buttons reach the bot. Without the install permission the message
// waits and the owner's status names the permission. A conversation the bot
// is no longer in (the app removed) is refused by the Connector as Teams does;
// the app installs itself again and sends once. People mute kinds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programPorts } from '../../../server/api/index.js';
import { outboxEntry } from '../../../server/program/operations/outbox.js';
import { runTick, type SchedulerOptions } from '../../../server/program/operations/scheduler.js';
import { createDeliver, type ProactiveAdapter } from '../../../server/program/operations/sender.js';
import { messageKey, type DueMessage } from '../../../server/program/operations/types.js';
import { personalConversationId } from '../../../devtenant/index.js';
import { embeddedDefaults } from '../../../server/config.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { startTestDevTenant } from '../../support/devtenant.js';
import {
  CardActionRefused,
  allBotActivities,
  cardOf,
  devConnectorUrl,
  pressCardButton,
} from '../../support/channel.js';
import { dueMessage, testClock } from '../../support/operations.js';
import { documented, documentedWithout, grant } from './grants.js';

let app: TestApp;
const clock = testClock(Date.now());

beforeAll(async () => {
  const devTenant = await startTestDevTenant();
  app = await startTestApp({ devTenant });
  await app.app.scheduler?.stop();
}, 90_000);
afterAll(async () => {
  await app?.close();
  await app?.devTenant.close();
});

function tick(planned: DueMessage[]) {
  const ports = { ...programPorts(app.app.services), now: clock.now };
  const options: SchedulerOptions = {
    planners: [{ kinds: ['reminder'], plan: async () => planned }],
    instanceId: 'test',
    deliver: createDeliver({
      ports,
      adapter: app.app.bot.adapter as unknown as ProactiveAdapter,
      botAppId: app.config.bot.id,
    }),
  };
  return runTick(ports, options);
}

const interactiveCard = (text: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text }],
  actions: [{ type: 'Action.Execute', title: 'Held', verb: 'sessionHeld', data: { sessionId: 's-1' } }],
});

describe('a person the bot has never talked to', () => {
  it('gets the app installed through Graph, then the card once, from the bot', async () => {
    const person = app.users[3]!;
    const message = dueMessage({
      recipient: person.id,
      subject: 'install-then-send',
      dueAt: new Date(clock.now()).toISOString(),
      card: interactiveCard('install-then-send'),
    });
    await tick([]);
    clock.advance(1000);
    await tick([message]);
    expect(await outboxEntry(app.app.services, messageKey(message))).toMatchObject({ state: 'queued' });
    // Teams (the dev tenant's channel) tells the bot it was installed: the reference is saved.
    await expect
      .poll(() => app.app.services.store.conversationReference(`user:${person.id}`), { timeout: 10_000 })
      .not.toBeNull();
    clock.advance(61_000);
    await tick([message]);
    clock.advance(3_600_000);
    await tick([message]);
    const conversation = personalConversationId(embeddedDefaults.botId, person.id);
    const sent = (await allBotActivities(app.devTenantUrl)).filter(
      (a) => a.conversationId === conversation && JSON.stringify(cardOf(a.activity)).includes('install-then-send'),
    );
    expect(sent).toHaveLength(1);
    expect(await outboxEntry(app.app.services, messageKey(message))).toMatchObject({
      state: 'sent',
      activityId: sent[0]!.id,
    });
    // Its button reaches the bot; the same card posted by a person through Graph could not.
    const card = cardOf(sent[0]!.activity)!;
    expect(pressCardButton({ sentBy: 'bot', card }, 'Held')).toMatchObject({
      invokeValue: { action: { verb: 'sessionHeld' } },
    });
    expect(() => pressCardButton({ sentBy: 'graph', card }, 'Held')).toThrow(CardActionRefused);
  });
});

describe('a person whose saved conversation the bot is no longer in (the app was removed)', () => {
  it('is refused by the Connector with 403 BotNotInConversationRoster; the app installs itself again and sends once', async () => {
    const person = app.users[6]!;
    const conversation = personalConversationId(embeddedDefaults.botId, person.id);
    const reference = {
      user: { id: `29:${person.id}`, aadObjectId: person.id },
      agent: { id: `28:${embeddedDefaults.botId}`, name: 'Reciprocal' },
      conversation: { id: conversation, conversationType: 'personal', tenantId: embeddedDefaults.tenantId },
      channelId: 'msteams',
      serviceUrl: devConnectorUrl(app.devTenantUrl),
    };
    await app.app.services.store.saveConversationReference(`user:${person.id}`, reference);
    const message = dueMessage({
      recipient: person.id,
      subject: 'stale-reference',
      dueAt: new Date(clock.now()).toISOString(),
      card: interactiveCard('stale-reference'),
    });
    clock.advance(1000);
    await tick([message]);
    expect(await outboxEntry(app.app.services, messageKey(message))).toMatchObject({
      state: 'queued',
      problem: expect.stringContaining('BotNotInConversationRoster'),
    });
    const sentTo = async () =>
      (await allBotActivities(app.devTenantUrl)).filter(
        (a) => a.conversationId === conversation && JSON.stringify(cardOf(a.activity)).includes('stale-reference'),
      );
    expect(await sentTo()).toEqual([]);
    // The stale reference was dropped; Teams' conversationUpdate after the install saves a fresh one.
    await expect
      .poll(() => app.app.services.store.conversationReference(`user:${person.id}`), { timeout: 10_000 })
      .toMatchObject({ serviceUrl: expect.stringContaining('/botframework/connector/') });
    clock.advance(61_000);
    await tick([message]);
    clock.advance(3_600_000);
    await tick([message]);
    expect(await sentTo()).toHaveLength(1);
    expect(await outboxEntry(app.app.services, messageKey(message))).toMatchObject({ state: 'sent' });
  });
});

describe("the dev Connector's create-conversation", () => {
  it('creates the personal conversation of a person who has the app, and refuses one who has not (403 BotNotInConversationRoster)', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: embeddedDefaults.botId,
      client_secret: embeddedDefaults.clientSecret,
      scope: 'https://api.botframework.com/.default',
    });
    const issued = await fetch(`${app.devTenantUrl}/${embeddedDefaults.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: form,
    });
    const token = ((await issued.json()) as { access_token: string }).access_token;
    const create = (userId: string) =>
      fetch(`${devConnectorUrl(app.devTenantUrl)}v3/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          bot: { id: `28:${embeddedDefaults.botId}` },
          members: [{ id: `29:${userId}`, aadObjectId: userId }],
          channelData: { tenant: { id: embeddedDefaults.tenantId } },
        }),
      });
    const installed = await create(app.users[3]!.id);
    expect(installed.status).toBe(201);
    expect(await installed.json()).toMatchObject({
      id: personalConversationId(embeddedDefaults.botId, app.users[3]!.id),
    });
    const refused = await create(app.users[7]!.id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
    });
  });
});

describe('without TeamsAppInstallation.ReadWriteSelfForUser.All', () => {
  it('keeps the message queued and names the permission in the owner status, once', async () => {
    await grant(app, documentedWithout('TeamsAppInstallation.ReadWriteSelfForUser.All'));
    try {
      const person = app.users[4]!;
      const messages = ['denied-1', 'denied-2'].map((subject) =>
        dueMessage({ recipient: person.id, subject, dueAt: new Date(clock.now()).toISOString() }),
      );
      clock.advance(1000);
      await tick(messages);
      for (const m of messages)
        expect(await outboxEntry(app.app.services, messageKey(m))).toMatchObject({
          state: 'queued',
          problem: expect.stringContaining('TeamsAppInstallation.ReadWriteSelfForUser.All'),
        });
      const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
      const status = await app.request('/api/operations/status', { as: owner.userPrincipalName });
      expect(status.status).toBe(200);
      expect(status.body.problems).toEqual([
        expect.objectContaining({ permission: 'TeamsAppInstallation.ReadWriteSelfForUser.All' }),
      ]);
      const participant = app.users.find((u) => !u.roles.includes('ProgramOwner'))!;
      expect((await app.request('/api/operations/status', { as: participant.userPrincipalName })).status).toBe(403);
    } finally {
      await grant(app, documented);
    }
  });
});

describe('GET/PUT /api/me/notifications', () => {
  it('lists every kind unmuted at first, keeps what the person mutes, and refuses an unknown kind naming the field', async () => {
    const upn = app.users[5]!.userPrincipalName;
    const first = await app.request('/api/me/notifications', { as: upn });
    expect(first.status).toBe(200);
    expect(first.body.muted).toEqual([]);
    expect(first.body.kinds).toContain('reminder');
    const put = await app.request('/api/me/notifications', {
      as: upn,
      method: 'PUT',
      body: { muted: ['nudge', 'reminder'] },
    });
    expect(put.body.muted).toEqual(['reminder', 'nudge']);
    const bad = await app.request('/api/me/notifications', { as: upn, method: 'PUT', body: { muted: ['spam'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.muted.0');
    const missing = await app.request('/api/me/notifications', { as: upn, method: 'PUT', body: {} });
    expect(missing.status).toBe(400);
    expect((await app.request('/api/me/notifications', { as: upn })).body.muted).toEqual(['reminder', 'nudge']);
  });
});
