// What the bot answers and what the dev tenant issues, against the payloads
// Microsoft publishes: dialog (task module) responses wrap the card as an
// attachment; channel tokens and Entra v1.0/v2.0 access tokens carry the
// published claim sets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleDialog } from '../../server/bot/dialogs.js';
import { channelTokenProblem } from '../../server/bot/channelAuth.js';
import { channelToken } from '../support/channel.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';
import { shapeDifferences } from './shape.js';

const shared = path.resolve(__dirname, '../../../shared/contracts');
const published = (name: string): any => JSON.parse(readFileSync(path.join(shared, name), 'utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

const pair = {
  id: 'p1',
  members: [
    { userId: 'u1', displayName: 'Ana' },
    { userId: 'u2', displayName: 'Raj' },
  ],
} as never;

/** The envelope only: each card's body is its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withoutBody = (attachment: any) => ({ ...attachment, content: { ...attachment.content, body: [] } });

describe('dialog responses (task/continue)', () => {
  const dialog = scheduleDialog([pair], 'u1');

  it('wrap the card as a bot attachment, as the published bot card is', () => {
    const attachment = published('teams/teams.dialog.card.botAttachment.json');
    expect(shapeDifferences(withoutBody(attachment), withoutBody(dialog.task.value.card))).toEqual([]);
    expect(dialog.task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('have the published composeExtension/fetchTask continue shape, with title, height and width', () => {
    const withAttachment = published('teams/teams.composeExtension.fetchTask.response.continue.cardAttachment.json');
    withAttachment.task.value.card = withoutBody(withAttachment.task.value.card);
    const ours = {
      task: { ...dialog.task, value: { ...dialog.task.value, card: withoutBody(dialog.task.value.card) } },
    };
    expect(shapeDifferences(withAttachment, ours)).toEqual([]);
    const titled = published('teams/teams.composeExtension.fetchTask.response.continue.card.json');
    expect(Object.keys(dialog.task.value).sort()).toEqual(Object.keys(titled.task.value).sort());
  });
});

describe('tokens the dev tenant issues', () => {
  let dt: TestDevTenant;
  beforeAll(async () => {
    dt = await startTestDevTenant();
  });
  afterAll(() => dt?.close());

  const user = () => dt.users[0]!.userPrincipalName;
  // Present only when they apply: idp for guests, email when the account has one.
  const situational = new Set(['idp', 'email']);

  it('v1.0 (the default registration) carries every published v1.0 claim', async () => {
    const ours = claimsOf(await dt.tokenFor(user()));
    const missing = Object.keys(published('identity/entra.accessToken.v1.payload.json')).filter(
      (k) => !situational.has(k) && !(k in ours),
    );
    expect(missing).toEqual([]);
  });

  it('v2.0 (accessTokenAcceptedVersion 2) carries every published v2.0 claim and no v1.0-only one', async () => {
    await fetch(`${dt.url}/_admin/app-registration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessTokenAcceptedVersion: 2 }),
    });
    const ours = claimsOf(await dt.tokenFor(user()));
    const v2 = Object.keys(published('identity/entra.accessToken.v2.payload.json'));
    expect(v2.filter((k) => !(k in ours))).toEqual([]);
    expect(['appid', 'appidacr', 'unique_name', 'upn', 'acr', 'amr'].filter((k) => k in ours)).toEqual([]);
  });

  it('channel tokens carry the published connector-to-bot claims plus serviceurl, and pass the bot checks', async () => {
    const ours = claimsOf(await channelToken(dt.url, 'https://smba.trafficmanager.net/amer/'));
    expect(Object.keys(ours).sort()).toEqual(
      [...Object.keys(published('botframework/botframework.jwt.connectorToBot.payload.json')), 'serviceurl'].sort(),
    );
    expect(channelTokenProblem(ours, { issuer: String(ours['iss']), ownAppIds: ['a', 'b'] })).toBeNull();
  });
});

describe('the channel-only checks', () => {
  const rules = { issuer: 'https://api.botframework.com', ownAppIds: ['app-id', 'bot-id'] };
  const channel = {
    iss: 'https://api.botframework.com',
    aud: 'bot-id',
    serviceurl: 'https://smba.trafficmanager.net/amer/',
  };
  it.each([
    ['the tenant as issuer', { iss: 'https://sts.windows.net/t/' }],
    ["a person's scope", { scp: 'access_as_user' }],
    ['our app as azp', { azp: 'app-id' }],
    ['the bot as appid', { appid: 'bot-id' }],
    ['no serviceurl', { serviceurl: undefined }],
  ])('refuse a token with %s', (_name, change) => {
    expect(channelTokenProblem({ ...channel, ...change }, rules)).not.toBeNull();
  });
  it('accept the channel service token', () => {
    expect(channelTokenProblem(channel, rules)).toBeNull();
  });
});
