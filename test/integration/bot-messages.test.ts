// What a person types to the bot: the manifest's commands and free text each
// get a card back through the Bot Connector, never silence. The published
// personal message is sent as Teams would (channel token, our tenant).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botCommands } from '../../server/bot/commands.js';
import { typedWords } from '../../server/bot/messages.js';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { embeddedDefaults } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { botSentActivities, devConnectorUrl, sendAsChannel } from '../support/channel.js';

const contracts = path.resolve(__dirname, '../../../shared/contracts/teams');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const published = JSON.parse(readFileSync(path.join(contracts, 'teams.message.personal.json'), 'utf8')) as any;

let app: TestApp;
let member: { id: string; displayName: string };
let partnerName: string;
let unpaired: { id: string };
let conversations = 0;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { status: string; members: Array<{ userId: string; displayName: string }> };
  }>;
  const active = pairs.find((p) => p.pair.status === 'active')!.pair;
  member = { id: active.members[0]!.userId, displayName: active.members[0]!.displayName };
  partnerName = active.members[1]!.displayName;
  const paired = new Set(pairs.flatMap((p) => p.pair.members.map((m) => m.userId)));
  unpaired = app.users.find((u) => !paired.has(u.id))!;
}, 60_000);
afterAll(() => app?.close());

/** Sends `text` as `from` in a fresh personal conversation; returns the activities the bot sent back. */
async function say(text: string, from: string | null = member.id, entities = published.entities) {
  const conversationId = `a:messages-${++conversations}`;
  const r = await sendAsChannel(
    { appUrl: app.url, devTenantUrl: app.devTenantUrl },
    {
      ...published,
      text,
      entities,
      serviceUrl: devConnectorUrl(app.devTenantUrl),
      from: { ...published.from, aadObjectId: from ?? undefined },
      recipient: { id: `28:${embeddedDefaults.botId}`, name: 'Reciprocal' },
      conversation: { ...published.conversation, id: conversationId, tenantId: embeddedDefaults.tenantId },
      channelData: { tenant: { id: embeddedDefaults.tenantId } },
    },
  );
  expect(r.status).toBeLessThan(300);
  return (await botSentActivities(app.devTenantUrl, conversationId)).map((s) => s.activity);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cardOf = (activities: Array<Record<string, any>>) => {
  expect(activities).toHaveLength(1);
  const [attachment] = activities[0]!['attachments'];
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment.content as Record<string, unknown>;
};

describe('the bot answers what a person types', () => {
  it('answers "help" with what the bot does and a button per command', async () => {
    const card = cardOf(await say('help'));
    const json = JSON.stringify(card);
    for (const c of botCommands) expect(json).toContain(c.description);
    const actions = card['actions'] as Array<{ type: string; data: { msteams: { type: string; value: string } } }>;
    expect(actions.map((a) => a.data.msteams)).toEqual(botCommands.map((c) => ({ type: 'imBack', value: c.title })));
  });

  it('answers "pairs" with the caller\'s pairs, each opening the tab, times in the client\'s zone', async () => {
    const card = cardOf(await say('  PAIRS '));
    const json = JSON.stringify(card);
    expect(json).toContain(partnerName);
    expect(json).toContain('https://teams.microsoft.com/l/entity/');
    expect(json).toMatch(/America\/Los_Angeles|No session booked yet/);
  });

  it('strips the @mention Teams puts in a group chat message', async () => {
    expect(typedWords('<at>Reciprocal</at> pairs')).toBe('pairs');
    expect(JSON.stringify(cardOf(await say('<at>Reciprocal</at> pairs')))).toContain(partnerName);
  });

  it("answers a partner's name with that pair", async () => {
    const first = partnerName.split(' ')[0]!;
    expect(JSON.stringify(cardOf(await say(`when do I meet ${first}?`)))).toContain(partnerName);
  });

  it('answers free text it does not understand with the commands, not silence', async () => {
    const json = JSON.stringify(cardOf(await say('what is the weather')));
    expect(json).toContain('pairs');
    expect(json).toContain('help');
  });

  it('tells someone without a pair where to start', async () => {
    expect(JSON.stringify(cardOf(await say('pairs', unpaired.id)))).toContain('not in an active pair');
  });

  it('falls back to UTC, labelled, for a zone it does not know, and answers hostile text inertly', async () => {
    const card = JSON.stringify(
      cardOf(await say('pairs', member.id, [{ type: 'clientInfo', timezone: 'Mars/Olympus_Mons' }])),
    );
    expect(card).not.toContain('Mars');
    const hostile = JSON.stringify(cardOf(await say('${jndi:ldap://x} [click](javascript:alert(1)) <script>')));
    expect(hostile).not.toContain('javascript:alert');
  });

  it('answers a message without a Microsoft Entra user in words, with no data', async () => {
    const [reply] = await say('pairs', null);
    expect(reply!['text']).toMatch(/work account/);
    expect(reply!['attachments'] ?? []).toEqual([]);
  });
});
