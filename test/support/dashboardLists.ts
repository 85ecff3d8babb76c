// The program's lists as the dev tenant's Graph holds them, for the dashboard tests: a list's items path,
// and pairs that started 100 days ago and never met (each at risk).
import { expect } from 'vitest';
import { pairFields } from '../../server/graph/programRecords.js';
import type { Pair } from '../../src/core/schemas.js';
import type { TestApp } from '../support/app.js';

/** The Graph path of a program list's items (`/sites/{site}/lists/{list}/items`). */
export async function programListItems(app: TestApp, displayName: string): Promise<string> {
  const { hostname, path } = app.config.programSite;
  const site = (await app.devTenant.graph('GET', `/sites/${hostname}:${path}`)).body.id as string;
  const lists = (await app.devTenant.graph('GET', `/sites/${site}/lists`)).body.value as Array<{
    id: string;
    displayName: string;
  }>;
  return `/sites/${site}/lists/${lists.find((l) => l.displayName === displayName)!.id}/items`;
}

/** Adds `count` quiet pairs in `department` (ids `pair-quiet-000`…); answers the Pairs items path and the last item id. */
export async function addQuietPairs(app: TestApp, department: string, count: number) {
  const items = await programListItems(app, 'Pairs');
  const startedOn = new Date(Date.now() - 100 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const person = (n: number) => ({
    userId: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    displayName: `Quiet Person ${n}`,
    mail: `quiet${n}@contoso.test`,
    department,
    careerStage: 'early' as const,
    timeZone: 'America/Chicago',
  });
  let lastItem = '';
  for (let i = 0; i < count; i++) {
    const pair: Pair = {
      id: `pair-quiet-${String(i).padStart(3, '0')}`,
      members: [person(2 * i), person(2 * i + 1)],
      cadence: 'weekly',
      durationMinutes: 30,
      status: 'active',
      startedOn,
      endedOn: null,
    };
    const created = await app.devTenant.graph('POST', items, {
      fields: { Title: pair.id, Key: pair.id, ...pairFields(pair) },
    });
    expect(created.status).toBe(201);
    lastItem = created.body.id as string;
  }
  return { items, lastItem };
}
