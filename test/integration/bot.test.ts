// The bot and message extension over real HTTP, fed the published Teams
// payloads, with the channel tokens the dev tenant's Bot Framework channel
// issues; the Agents SDK and our channel-only checks authenticate them.
import { readFileSync } from 'node:fs';
import { importJWK, SignJWT, type JWK } from 'jose';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { embeddedDefaults } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { channelToken, postToBot } from '../support/channel.js';

const contracts = path.resolve(__dirname, '../../../shared/contracts/teams');
const published = (name: string) => JSON.parse(readFileSync(path.join(contracts, name), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const teamsServiceUrl = 'https://smba.trafficmanager.net/amer/';

let app: TestApp;
let member: { id: string; userPrincipalName: string };

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as Array<{
    pair: { members: Array<{ userId: string }> };
  }>;
  member = app.users.find((u) => u.id === pairs[0]!.pair.members[0]!.userId)!;
}, 60_000);
afterAll(() => app?.close());

/** What the channel service sends with an activity from `serviceUrl` (Teams' by default). */
const botToken = (serviceUrl = teamsServiceUrl) => channelToken(app.devTenantUrl, serviceUrl);

/** A token from our tenant's token endpoint (never the channel's), for the refusal cases. */
async function tenantToken(form: Record<string, string>, tenantId: string = embeddedDefaults.tenantId) {
  const res = await fetch(`${app.devTenantUrl}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const appOnlyToken = (clientId: string, scope = `${embeddedDefaults.botId}/.default`, tenantId?: string) =>
  tenantToken(
    { grant_type: 'client_credentials', client_id: clientId, client_secret: embeddedDefaults.clientSecret, scope },
    tenantId,
  );

/** A token signed with the dev channel's own key, with `claims` over a good channel token's. */
async function channelSigned(claims: Record<string, unknown>, times?: { iat: number; exp: number }) {
  const good = JSON.parse(Buffer.from((await botToken()).split('.')[1]!, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  const saved = JSON.parse(readFileSync(path.join(app.devTenant.dataDir, 'channel-signing-key.json'), 'utf8')) as {
    kid: string;
    privateJwk: JWK;
  };
  const jwt = new SignJWT({ ...good, ...claims }).setProtectedHeader({ alg: 'RS256', kid: saved.kid });
  if (times) jwt.setIssuedAt(times.iat).setExpirationTime(times.exp);
  return jwt.sign(await importJWK(saved.privateJwk, 'RS256'));
}

/** A published invoke, sent by our member from our tenant. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function ours(activity: Record<string, any>, extra: Record<string, any> = {}) {
  return {
    ...activity,
    type: 'invoke',
    channelId: 'msteams',
    serviceUrl: activity.serviceUrl ?? activity.serviceURL ?? teamsServiceUrl,
    from: { ...(activity.from ?? { id: '29:test' }), aadObjectId: member.id },
    recipient: activity.recipient ?? { id: `28:${embeddedDefaults.botId}`, name: 'Reciprocal' },
    conversation: { ...(activity.conversation ?? { id: '19:conversation' }), tenantId: embeddedDefaults.tenantId },
    channelData: { ...(activity.channelData ?? {}), tenant: { id: embeddedDefaults.tenantId } },
    ...extra,
  };
}

const post = (activity: unknown, token?: string) => postToBot(app.url, activity, token);

/** As Teams sends it: with a channel token for the activity's own serviceUrl. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fromTeams = async (activity: Record<string, any>) => post(activity, await botToken(activity.serviceUrl));

/** Keys and value types of a JSON tree, down to `depth`. */
function shape(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) return depth === 0 ? 'array' : [shape(value[0], depth - 1)];
  if (value && typeof value === 'object')
    return depth === 0
      ? 'object'
      : Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, shape((value as Record<string, unknown>)[k], depth - 1)]),
        );
  return typeof value;
}

const searchInvoke = () =>
  ours(published('teams.composeExtension.query.invoke.json'), {
    value: {
      commandId: 'searchPairs',
      parameters: [{ name: 'searchKeywords', value: '' }],
      queryOptions: { skip: 0, count: 25 },
    },
  });

describe('activity authentication (Agents SDK JWT validation, then channel-only checks)', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const refused: Array<[string, () => Promise<string | undefined>]> = [
    ['no token', async () => undefined],
    [
      "a person's token whose audience is the bot",
      () => app.devTenant.tokenFor(member.userPrincipalName, `${embeddedDefaults.botId}/.default`),
    ],
    ["the tab's own user token (our API)", () => app.userToken(member.userPrincipalName)],
    ['an app-only token of our own registration for the bot', () => appOnlyToken(embeddedDefaults.clientId)],
    ["the bot's own app-only token", () => appOnlyToken(embeddedDefaults.botId)],
    [
      'a token for another audience (our API, not the bot)',
      () => appOnlyToken(embeddedDefaults.botId, `${embeddedDefaults.clientId}/.default`),
    ],
    [
      'a token from another tenant',
      () => appOnlyToken(embeddedDefaults.botId, undefined, embeddedDefaults.foreignTenantId),
    ],
    ['a forged token', async () => 'eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJhdWQiOiJ4IiwiZXhwIjoxfQ.c2ln'],
    ['an expired channel token', () => channelSigned({ nbf: now() - 7200 }, { iat: now() - 7200, exp: now() - 3600 })],
    [
      "a channel-signed token carrying a person's scope",
      () => channelSigned({ scp: 'access_as_user', oid: member.id }),
    ],
    ['a channel-signed token whose appid is our app', () => channelSigned({ appid: embeddedDefaults.clientId })],
    ['a channel-signed token from another issuer', () => channelSigned({ iss: 'https://api.botframework.com' })],
    ['a channel token for another serviceUrl', () => botToken('https://smba.trafficmanager.net/emea/')],
  ];
  it.each(refused)('refuses %s with 401 and runs no handler', async (name, token) => {
    const conversationId = `a:refused-${name.replace(/\W+/g, '-')}`;
    const install = ours(published('teams.conversationUpdate.personalMembersAdded.json'), {
      type: 'conversationUpdate',
      serviceUrl: teamsServiceUrl,
      conversation: { id: conversationId, tenantId: embeddedDefaults.tenantId },
      membersAdded: [{ id: `28:${embeddedDefaults.botId}` }],
    });
    const r = await post(install, await token());
    expect(r.status).toBe(401);
    expect(await app.app.services.store.conversationReference(conversationId)).toBeNull();
  });

  it('refuses a valid channel token carrying an activity from another tenant with 403', async () => {
    const activity = { ...searchInvoke(), channelData: { tenant: { id: embeddedDefaults.foreignTenantId } } };
    const r = await fromTeams(activity);
    expect(r.status).toBe(403);
  });

  it('refuses an activity that names no tenant with 403 and runs no handler', async () => {
    const install = ours(published('teams.conversationUpdate.personalMembersAdded.json'), {
      type: 'conversationUpdate',
      conversation: { id: 'a:no-tenant' },
      channelData: {},
      membersAdded: [{ id: `28:${embeddedDefaults.botId}` }],
    });
    const r = await fromTeams(install);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/no tenant/);
    expect(await app.app.services.store.conversationReference('a:no-tenant')).toBeNull();
  });

  it('checks the token before reading the body: no token and 600 KB of anything is a 401', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(600 * 1024) });
    expect((await post(big)).status).toBe(401);
    expect((await post('{"type": ')).status).toBe(401);
  });

  it('answers a malformed activity with 400 naming the field, not a stack trace', async () => {
    const token = await botToken();
    expect((await post('{"type": ', token)).status).toBe(400);
    const r = await post({ hello: 'world' }, token);
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('type');
    expect(JSON.stringify(r.body ?? '')).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('accepts the same invoke with a channel token, and acts as from.aadObjectId', async () => {
    const r = await fromTeams(searchInvoke());
    expect(r.status).toBe(200);
    expect(r.body.composeExtension.type).toBe('result');
  });
});

describe('install', () => {
  it('stores the conversation reference when the bot is added to a personal chat', async () => {
    const activity = published('teams.conversationUpdate.personalMembersAdded.json');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const install: Record<string, any> = {
      ...activity,
      from: { ...activity.from, aadObjectId: member.id },
      conversation: { ...activity.conversation, id: 'a:install-test', tenantId: embeddedDefaults.tenantId },
      channelData: { ...activity.channelData, tenant: { id: embeddedDefaults.tenantId } },
    };
    install.membersAdded = [{ id: install.recipient.id }];
    const r = await fromTeams(install);
    expect(r.status).toBe(200);
    expect(await app.app.services.store.conversationReference('a:install-test')).toMatchObject({
      conversation: { id: 'a:install-test' },
    });
  });
});

describe('message extension invokes', () => {
  it('answers a search with result cards in the published shape', async () => {
    const r = await fromTeams(searchInvoke());
    expect(r.status).toBe(200);
    const expected = published('teams.composeExtension.query.response.json');
    expect(shape(r.body, 2)).toEqual(shape(expected, 2));
    expect(Object.keys(r.body.composeExtension.attachments[0]).sort()).toEqual(
      Object.keys(expected.composeExtension.attachments[0]).sort(),
    );
    expect(r.body.composeExtension.attachments.length).toBeGreaterThan(0);
  });

  it('answers "Schedule a session" with a dialog in the published task/continue shape', async () => {
    const fetchTask = ours(published('teams.composeExtension.fetchTask.invoke.json'), {
      value: { commandId: 'scheduleSession', commandContext: 'compose' },
    });
    const r = await fromTeams(fetchTask);
    expect(r.status).toBe(200);
    const expected = published('teams.composeExtension.fetchTask.response.continue.cardAttachment.json');
    expect(shape(r.body, 4)).toMatchObject(shape(expected, 4) as object);
    expect(r.body.task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(r.body.task.value.card.content.type).toBe('AdaptiveCard');
  });

  it('stops "Save as learning note" on a message with a patient identifier and escapes hostile text in the dialog', async () => {
    const content =
      '<p>Patient John Smith, MRN 4820193 <script>alert(1)</script> ${user.secret} [x](javascript:alert(1))</p>';
    const fetchTask = ours(published('teams.composeExtension.fetchTask.invoke.json'), {
      value: {
        commandId: 'saveAsLearningNote',
        commandContext: 'message',
        messagePayload: { body: { contentType: 'html', content } },
      },
    });
    const before = await app.request('/api/pairs', { as: member.userPrincipalName });
    const r = await fromTeams(fetchTask);
    expect(r.status).toBe(200);
    expect(r.body.task.type).toBe('continue');
    const json = JSON.stringify(r.body.task.value.card.content);
    expect(json).toContain('MRN 4820193');
    expect(json).not.toContain('${user.secret}');
    const texts = (r.body.task.value.card.content.body as Array<{ type: string; text?: string }>)
      .filter((b) => b.type === 'TextBlock')
      .map((b) => b.text ?? '');
    expect(texts.join(' ')).not.toMatch(/(?<!\\)\[x\]\(javascript/);
    const after = await app.request('/api/pairs', { as: member.userPrincipalName });
    expect(after.body).toEqual(before.body);
  });

  it('saves a clean message as a learning note and answers in the published submitAction shape', async () => {
    const submit = ours(published('teams.composeExtension.submitAction.invoke.json'), {
      value: {
        commandId: 'saveAsLearningNote',
        commandContext: 'message',
        data: { text: 'Learned the saved-filter trick for the authorization queue.' },
      },
    });
    const r = await fromTeams(submit);
    expect(r.status).toBe(200);
    expect(r.body.composeExtension.type).toBe('message');
    expect(r.body.composeExtension.text).toMatch(/Saved to your learning note/);
  });

  it('answers "Schedule a session" submit with a result card', async () => {
    const pairs = (await app.request('/api/pairs', { as: member.userPrincipalName })).body as Array<{
      pair: { id: string };
    }>;
    const submit = ours(published('teams.composeExtension.submitAction.invoke.json'), {
      value: { commandId: 'scheduleSession', commandContext: 'compose', data: { pairId: pairs[0]!.pair.id } },
    });
    const r = await fromTeams(submit);
    expect(r.status).toBe(200);
    const expected = published('teams.composeExtension.submitAction.response.json');
    expect(shape(r.body, 2)).toEqual(shape(expected, 2));
  });

  it("adds an action item from the agenda card (Action.Execute) to the caller's note, and refuses patient identifiers", async () => {
    const pairs = (await app.request('/api/pairs', { as: member.userPrincipalName })).body as Array<{
      lastSession: { id: string } | null;
    }>;
    const sessionId = pairs.find((p) => p.lastSession)!.lastSession!.id;
    const execute = (text: string) =>
      ours(
        { type: 'invoke', name: 'adaptiveCard/action', id: 'x', serviceUrl: 'https://smba.trafficmanager.net/amer/' },
        {
          value: {
            action: {
              type: 'Action.Execute',
              verb: 'addActionItem',
              data: { action: 'addActionItem', sessionId, actionItemText: text },
            },
          },
        },
      );
    const refused = await fromTeams(execute('Call Mrs. Garcia in bed 4 about MRN 4820193'));
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(refused.body.value).toMatch(/Not added/);
    const added = await fromTeams(execute('Share the saved-filter checklist with the team'));
    expect(added.body.value).toMatch(/Added to your action items/);
    const detail = await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, {
      as: member.userPrincipalName,
    });
    expect(detail.body.myNote.note.actionItems.map((i: { text: string }) => i.text)).toContain(
      'Share the saved-filter checklist with the team',
    );
    expect(JSON.stringify(detail.body.myNote.note)).not.toContain('4820193');
  });
});
