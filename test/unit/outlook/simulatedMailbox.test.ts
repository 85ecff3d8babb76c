import { describe, expect, it } from 'vitest';
import { meetingItemFrom } from '../../../src/outlook/meetingItem.js';
import {
  loadSimulatedItem,
  saveSimulatedItem,
  simulatedItemStorageKey,
  simulatedMailbox,
  type SimulatedItemState,
} from '../../../src/outlook/simulatedMailbox.js';

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const organizer: SimulatedItemState = {
  role: 'organizer',
  eventId: 'AAMkAG1=',
  subject: 'Catch-up',
  categories: ['Reciprocal session'],
  bodyHtml: '<p>Mine</p>',
};

describe('the simulated mailbox item (browser-hosted pane)', () => {
  it("behaves as the organizer's compose item and persists every body change", async () => {
    const storage = new MemoryStorage();
    saveSimulatedItem(storage, organizer);
    const item = meetingItemFrom(simulatedMailbox(loadSimulatedItem(storage)!, (s) => saveSimulatedItem(storage, s)))!;
    expect(item.role).toBe('organizer');
    expect(await item.subject()).toBe('Catch-up');
    expect(await item.eventId()).toBe('AAMkAG1=');
    expect(await item.categories()).toEqual(['Reciprocal session']);
    await item.setBodyHtml('<p>Mine</p><div data-reciprocal-agenda="v1">A</div>');
    expect(await item.bodyHtml()).toContain('data-reciprocal-agenda');
    // A reload reads the stored state back.
    const reloaded = meetingItemFrom(simulatedMailbox(loadSimulatedItem(storage)!, () => {}))!;
    expect(await reloaded.bodyHtml()).toBe('<p>Mine</p><div data-reciprocal-agenda="v1">A</div>');
  });

  it("behaves as an attendee's read item: subject as a string, no body changes", async () => {
    const item = meetingItemFrom(simulatedMailbox({ ...organizer, role: 'attendee' }, () => {}))!;
    expect(item.role).toBe('attendee');
    expect(await item.eventId()).toBe('AAMkAG1=');
    await expect(item.setBodyHtml('<p>x</p>')).rejects.toThrow('Only the organizer');
  });

  it('an organizer item without an id reads as not saved yet', async () => {
    expect(await meetingItemFrom(simulatedMailbox({ ...organizer, eventId: null }, () => {}))!.eventId()).toBeNull();
  });

  it('ignores stored state that is not a simulated item', () => {
    const storage = new MemoryStorage();
    storage.setItem(simulatedItemStorageKey, '{"role":"boss"}');
    expect(loadSimulatedItem(storage)).toBeNull();
    storage.setItem(simulatedItemStorageKey, 'not json');
    expect(loadSimulatedItem(storage)).toBeNull();
  });
});
