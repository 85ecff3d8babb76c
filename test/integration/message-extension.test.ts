// The search invoke's answer over real HTTP, as the channel service reads it:
// the published Teams query invoke, a channel token, the demo program.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDefaults } from '../../server/config.js';
import type { TestApp } from '../support/app.js';
import { channelToken } from '../support/channel.js';
import { startAppWithDemoProgram } from '../support/demoProgram.js';

const teamsServiceUrl = 'https://smba.trafficmanager.net/amer/';
const published = JSON.parse(
  readFileSync(
    path.resolve(__dirname, '../../../shared/contracts/teams/teams.composeExtension.query.invoke.json'),
    'utf8',
  ),
) as Record<string, unknown>;

let app: TestApp;
let member: string;
let token: string;

beforeAll(async () => {
  const started = await startAppWithDemoProgram();
  app = started.app;
  member = started.pairs[0]!.pair.members[0]!.userId;
  token = await channelToken(app.devTenantUrl, teamsServiceUrl);
}, 60_000);
afterAll(() => app?.close());

const search = (text: string, extra: Record<string, unknown> = {}) =>
  fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...published,
      serviceUrl: teamsServiceUrl,
      from: { id: '29:member', aadObjectId: member },
      recipient: { id: `28:${embeddedDefaults.botId}` },
      conversation: { id: 'a:search', tenantId: embeddedDefaults.tenantId },
      channelData: { tenant: { id: embeddedDefaults.tenantId } },
      value: { commandId: 'searchPairs', parameters: [{ name: 'searchKeywords', value: text }] },
      ...extra,
    }),
  });

describe('the search invoke answer on the wire', () => {
  it('is JSON with its length and no ETag (an invoke answer is never revalidated)', async () => {
    const r = await search('');
    const text = await r.text();
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(r.headers.get('etag')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(JSON.parse(text).composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  });

  it('answers the same query alike however it is spaced or cased, and a narrower query with fewer cards', async () => {
    const all = (await (await search('')).json()) as { composeExtension: { attachments: unknown[] } };
    const first = all.composeExtension.attachments[0] as { preview: { content: { title: string } } };
    const name = first.preview.content.title;
    const exact = await (await search(name)).text();
    expect(await (await search(`  ${name.toUpperCase()} `)).text()).toBe(exact);
    const none = (await (await search('no-such-partner-anywhere')).json()) as typeof all;
    expect(none.composeExtension.attachments).toEqual([]);
  });

  it('still refuses a query invoke with an empty name, as the Agents SDK does', async () => {
    const r = await search('', { name: '' });
    expect(r.status).toBe(400);
  });
});
