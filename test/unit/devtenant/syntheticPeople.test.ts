// Synthetic mailboxes in bulk: one call, people already there kept, and
// seeded events stored compactly but read back as whole Graph events.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSyntheticPeople, syntheticPeople } from '../../../devtenant/seed.js';
import { DevTenantStore } from '../../../devtenant/store.js';

let dir: string;
let store: DevTenantStore;
const from = new Date('2026-03-02T12:00:00Z');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-synthetic-'));
  store = new DevTenantStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('addSyntheticPeople', () => {
  it('adds the people and the same calendars syntheticPeople describes, in one call', () => {
    const users = addSyntheticPeople(store, 12, from, 3, 4);
    const expected = syntheticPeople(12, from, 3, 4);
    expect(users.map((u) => u.id)).toEqual(expected.users.map((u) => u.id));
    expect(store.userCount()).toBe(12);
    for (const u of expected.users) {
      const mine = expected.events.filter((e) => e.owner === u.id);
      const stored = store.eventsInRange(u.id, 0, Number.MAX_SAFE_INTEGER);
      expect(stored.map((e) => [e.id, e.startMs, e.endMs])).toEqual(
        [...mine]
          .sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1))
          .map((e) => [e.id, e.startMs, e.endMs]),
      );
    }
  });

  it('keeps people already there (a second call adds nothing twice)', () => {
    addSyntheticPeople(store, 5, from, 2, 4);
    const events = store.eventsInRange(addSyntheticPeople(store, 8, from, 2, 4)[0]!.id, 0, Number.MAX_SAFE_INTEGER);
    expect(store.userCount()).toBe(8);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('reads a seeded event back whole (every Graph field), and a change to one read never leaks into the next', () => {
    const [u] = addSyntheticPeople(store, 1, from, 1, 4);
    const [first] = store.eventsInRange(u!.id, 0, Number.MAX_SAFE_INTEGER);
    const expected = syntheticPeople(1, from, 1, 4).events.find((e) => e.id === first!.id)!;
    const { changeKey: _a, ...readBack } = first!.body;
    const { changeKey: _b, ...generated } = expected.body;
    expect(readBack).toEqual(JSON.parse(JSON.stringify(generated)));
    (first!.body['categories'] as string[]).push('changed');
    (first!.body['body'] as { content: string }).content = 'changed';
    const again = store.getEvent(u!.id, first!.id)!;
    expect(again.body['categories']).toEqual([]);
    expect(again.body['body']).toEqual({ contentType: 'html', content: '' });
    expect(again.body).not.toHaveProperty('@seeded');
  });
});
