// The dev tenant's SharePoint as strict as SharePoint: dateTime columns keep
// whole seconds, a unique column answers a duplicate as Graph does, and a
// filter on a column that is not indexed is refused (at any size without the
// Prefer header, and over the 5,000-item threshold even with it). Driven
// through the route handlers over a store seeded directly, to be fast.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '../../../devtenant/graphErrors.js';
import type { GraphRequest, GraphRoute } from '../../../devtenant/graph/dispatch.js';
import { sharePointRoutes } from '../../../devtenant/graph/sharepoint/index.js';
import { listViewThreshold } from '../../../devtenant/graph/sharepoint/items.js';
import { DevTenantStore } from '../../../devtenant/store.js';

const siteId = 'contoso.sharepoint.com,site-1,web-1';
let store: DevTenantStore;
let routes: GraphRoute[];

function call(method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) {
  const url = new URL(`http://dev.test/v1.0${pathAndQuery}`);
  const p = url.pathname.replace(/^\/v1\.0/, '');
  for (const route of routes) {
    const m = route.method === method ? route.pattern.exec(p) : null;
    if (!m) continue;
    const req: GraphRequest = {
      method,
      path: p,
      query: url.searchParams,
      headers,
      body,
      caller: { appId: 'app', userId: null, roles: ['Sites.Manage.All'], scopes: [] },
      params: { ...m.groups },
      baseUrl: 'http://dev.test/v1.0',
    };
    try {
      return route.handle(req) as { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    } catch (err) {
      if (err instanceof GraphError)
        return { status: err.status, body: { error: { code: err.code, message: err.message } } };
      throw err;
    }
  }
  throw new Error(`no route for ${method} ${p}`);
}

beforeAll(() => {
  store = new DevTenantStore(mkdtempSync(path.join(os.tmpdir(), 'reciprocal-sp-')));
  store.upsertSite(siteId, 'contoso.sharepoint.com', '/sites/program', {
    id: siteId,
    webUrl: 'https://contoso/sites/program',
  });
  routes = sharePointRoutes({ store, now: () => new Date('2026-03-02T10:00:00.123Z') });
  const created = call('POST', `/sites/${siteId}/lists`, {
    displayName: 'Things',
    columns: [
      { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'When', dateTime: { format: 'dateTime' }, indexed: true },
      { name: 'Colour', text: {} },
    ],
  });
  expect(created.status).toBe(201);
});

describe('dateTime columns', () => {
  it('store and return whole seconds, and compare filters at whole seconds', () => {
    const created = call('POST', `/sites/${siteId}/lists/Things/items`, {
      fields: { Key: 'a', When: '2026-03-02T10:15:30.987Z', Colour: 'red' },
    });
    expect(created.body.fields.When).toBe('2026-03-02T10:15:30Z');
    const patched = call('PATCH', `/sites/${siteId}/lists/Things/items/${created.body.id}/fields`, {
      When: '2026-03-02T10:15:31.001Z',
    });
    expect(patched.body.When).toBe('2026-03-02T10:15:31Z');
    const found = call(
      'GET',
      `/sites/${siteId}/lists/Things/items?$expand=fields&$filter=${encodeURIComponent("fields/When ge '2026-03-02T10:15:31.500Z'")}`,
    );
    expect(found.body.value.map((i: { fields: { Key: string } }) => i.fields.Key)).toEqual(['a']);
  });
});

describe('unique columns', () => {
  it('refuse a duplicate value with 409 and the message Graph gives, and keep one item', () => {
    call('POST', `/sites/${siteId}/lists/Things/items`, { fields: { Key: 'dup', Colour: 'blue' } });
    const again = call('POST', `/sites/${siteId}/lists/Things/items`, { fields: { Key: 'dup', Colour: 'green' } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/unique constraints/);
  });
});

describe('filters on a column that is not indexed', () => {
  const byColour = `/sites/${siteId}/lists/Things/items?$filter=${encodeURIComponent("fields/Colour eq 'red'")}`;
  const prefer = { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

  it('are refused without the Prefer header on a small list, and allowed with it', () => {
    const refused = call('GET', byColour);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/not indexed/);
    expect(call('GET', byColour, undefined, prefer).status).toBe(200);
  });

  it('are refused even with the Prefer header once the list is over the 5,000-item threshold', () => {
    const list = store.findList(siteId, 'Things')!;
    const insert = store.db.transaction(() => {
      for (let n = store.items(list.id).length; n <= listViewThreshold; n++)
        store.insertItem({
          listId: list.id,
          id: store.nextItemId(list.id),
          fields: { Key: `bulk-${n}`, Colour: 'grey' },
          version: 1,
          etagGuid: `guid-${n}`,
          createdMs: 0,
          modifiedMs: 0,
          createdBy: 'app',
        });
    });
    insert();
    expect(store.items(list.id).length).toBeGreaterThan(listViewThreshold);
    const refused = call('GET', byColour, undefined, prefer);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/list view threshold/);
    const indexed = call(
      'GET',
      `/sites/${siteId}/lists/Things/items?$filter=${encodeURIComponent("fields/Key eq 'a'")}`,
    );
    expect(indexed.status).toBe(200);
  });
});
