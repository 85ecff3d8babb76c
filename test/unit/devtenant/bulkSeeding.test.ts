// Seeding in bulk runs in one transaction with a larger SQLite page cache for
// its duration only: a failure part-way saves nobody and leaves the store as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSyntheticPeople, syntheticUsers } from '../../../devtenant/seed.js';
import { DevTenantStore } from '../../../devtenant/store.js';

let dir: string;
let store: DevTenantStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-bulk-seed-'));
  store = new DevTenantStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const cacheSize = () => store.db.pragma('cache_size', { simple: true });

describe('seeding synthetic mailboxes in bulk', () => {
  it('gives the store its own page cache size back afterwards', () => {
    const before = cacheSize();
    let during: unknown;
    store.insertPeopleWithCalendars(syntheticUsers(3, 7), () => ((during = cacheSize()), []));
    expect(during).not.toBe(before);
    expect(cacheSize()).toBe(before);
  });

  it('saves nobody when a calendar fails part-way, and restores the cache size', () => {
    const before = cacheSize();
    let made = 0;
    const failing = () => {
      if (++made === 2) throw new Error('calendar generation failed');
      return [];
    };
    expect(() => store.insertPeopleWithCalendars(syntheticUsers(3, 7), failing)).toThrow(/calendar generation failed/);
    expect(store.userCount()).toBe(0);
    expect(cacheSize()).toBe(before);
  });

  const icalIndexes = () =>
    store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'events_ical'").all();
  const icalLookupPlan = () =>
    JSON.stringify(store.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM events WHERE ical_uid = ?').all('x'));

  it('builds the iCalUId index after a large batch, and it answers lookups', () => {
    addSyntheticPeople(store, 1000, new Date('2026-03-02T00:00:00Z'), 1, 3);
    expect(icalIndexes()).toHaveLength(1);
    expect(icalLookupPlan()).toContain('events_ical');
    const someEvent = store.db.prepare('SELECT id, ical_uid AS ical FROM events LIMIT 1').get() as {
      id: string;
      ical: string;
    };
    expect(store.db.prepare('SELECT id FROM events WHERE ical_uid = ?').pluck().get(someEvent.ical)).toBe(someEvent.id);
  });

  it('keeps the iCalUId index when a large batch fails part-way', () => {
    let made = 0;
    const failing = () => {
      if (++made === 500) throw new Error('calendar generation failed');
      return [];
    };
    expect(() => store.insertPeopleWithCalendars(syntheticUsers(1000, 7), failing)).toThrow(/failed/);
    expect(icalIndexes()).toHaveLength(1);
  });
});
