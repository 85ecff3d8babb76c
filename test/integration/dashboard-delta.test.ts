// Dashboards at scale: the dev tenant answers listItem delta as Graph documents
// it (https://learn.microsoft.com/graph/api/listitem-delta), and the app keeps
// its dashboard figures current from it, so a warm view costs a request or two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { programListItems } from '../support/dashboardLists.js';

let t: TestApp;
let itemsPath: string;
let owner: string;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoProgramFor(t.app, t.devTenant);
  owner = t.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  itemsPath = await programListItems(t, 'Touchpoints');
}, 180_000);
afterAll(() => t?.close());

type Page = { value: Array<{ id: string; fields?: Record<string, unknown>; deleted?: unknown }>; [k: string]: unknown };
const relative = (link: string) => link.slice(link.indexOf('/v1.0') + '/v1.0'.length);

async function round(start: string): Promise<{ items: Page['value']; deltaLink: string; pages: number }> {
  const items: Page['value'] = [];
  let url = start;
  for (let pages = 1; ; pages++) {
    const res = await t.devTenant.graph('GET', url);
    expect(res.status).toBe(200);
    const page = res.body as Page;
    items.push(...page.value);
    if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'] as string, pages };
    url = relative(page['@odata.nextLink'] as string);
  }
}

const touchpoint = (key: string) => ({
  fields: {
    Title: key,
    Key: key,
    PairId: 'pair-delta',
    LoggedBy: 'someone',
    Kind: 'other',
    Date: new Date().toISOString(),
    Minutes: 15,
    FocusAreas: '',
  },
});

describe('listItem delta in the dev tenant', () => {
  it('enumerates every item in pages, then answers only what changed, deletions as the deleted facet', async () => {
    const created = await Promise.all(
      ['delta-a', 'delta-b', 'delta-c'].map((k) => t.devTenant.graph('POST', itemsPath, touchpoint(k))),
    );
    const ids = created.map((c) => c.body.id as string);
    const all = (await t.devTenant.graph('GET', `${itemsPath}?$top=5000`)).body.value as unknown[];
    const first = await round(`${itemsPath}/delta?$expand=fields&$top=2`);
    expect(first.items).toHaveLength(all.length);
    expect(first.pages).toBe(Math.ceil(all.length / 2));
    expect(first.items.find((i) => i.id === ids[0])?.fields?.['Key']).toBe('delta-a');

    expect((await round(relative(first.deltaLink))).items).toEqual([]);
    await t.devTenant.graph('PATCH', `${itemsPath}/${ids[0]}/fields`, { Minutes: 45 });
    expect((await t.devTenant.graph('DELETE', `${itemsPath}/${ids[1]}`)).status).toBe(204);
    const next = await round(relative(first.deltaLink));
    expect(next.items.map((i) => i.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(next.items.find((i) => i.id === ids[0])!.fields!['Minutes']).toBe(45);
    expect(next.items.find((i) => i.id === ids[1])).toMatchObject({ deleted: { state: 'deleted' } });
  });

  it('answers token=latest with no items and a deltaLink that sees later changes', async () => {
    const latest = await round(`${itemsPath}/delta?token=latest`);
    expect(latest.items).toEqual([]);
    const made = await t.devTenant.graph('POST', itemsPath, touchpoint('delta-latest'));
    expect((await round(relative(latest.deltaLink))).items.map((i) => i.id)).toEqual([made.body.id]);
  });

  it('never gives a deleted item id out again, and refuses a token it did not mint', async () => {
    const made = await t.devTenant.graph('POST', itemsPath, touchpoint('delta-last'));
    await t.devTenant.graph('DELETE', `${itemsPath}/${made.body.id}`);
    const again = await t.devTenant.graph('POST', itemsPath, touchpoint('delta-again'));
    expect(Number(again.body.id)).toBeGreaterThan(Number(made.body.id));
    const bad = await t.devTenant.graph('GET', `${itemsPath}/delta?token=not-a-token`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalidRequest');
  });
});

describe('dashboards from the delta mirror', () => {
  const view = () => t.request('/api/program/dashboard?from=2026-01-01&to=2027-01-31', { as: owner });

  it('costs at most two Graph requests once warm, and shows a change made since', async () => {
    expect((await view()).status).toBe(200);
    const before = await view();
    const store = t.app.services.store;
    const held = (await store.all('Sessions')).find((s) => s.fields['Status'] === 'held')!;
    await store.patch('Sessions', held.id, { Status: 'no-show' });
    t.devTenant.resetStats();
    const after = await view();
    expect(after.status).toBe(200);
    expect(t.devTenant.stats().requests).toBeLessThanOrEqual(2);
    expect(after.body).not.toEqual(before.body);
    // The same figures a fresh instance computes from a full read.
    await t.restart();
    expect((await view()).body).toEqual(after.body);
  });

  it('reads every list cold in one $batch (and its nextLinks), provisioning without rewriting the schema version', async () => {
    await t.restart();
    t.devTenant.resetStats();
    expect((await view()).status).toBe(200);
    const cold = t.devTenant.stats();
    // The demo lists fit a page each: the program site, its lists, the recorded
    // schema version (read, already current, so not written), one $batch.
    expect(cold.byKind['listItems.update']).toBeUndefined();
    expect(cold.byKind['batch']).toBe(1);
    expect(cold.requests).toBe(4);
  });

  it('drops a deleted session from the figures', async () => {
    const store = t.app.services.store;
    const before = await view();
    const [item] = await store.all('Sessions');
    await store.remove('Sessions', item!.id);
    t.devTenant.resetStats();
    const after = await view();
    expect(t.devTenant.stats().requests).toBeLessThanOrEqual(2);
    await t.restart();
    expect((await view()).body).toEqual(after.body);
    expect(after.body).not.toEqual(before.body);
  });
});
