// The browser's person tagger loads compromise after the page renders: until
// then bare names go unflagged (the server still checks them), then the
// editors hear that it is ready and review again.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type BrowserTagger = typeof import('../../../src/core/notes/phi/personTagger.browser.js');
let tagger: BrowserTagger;

beforeEach(async () => {
  vi.resetModules();
  tagger = await import('../../../src/core/notes/phi/personTagger.browser.js');
});

const sentence = 'Maria missed her dialysis ride again.';

describe('the person tagger in the browser', () => {
  it('finds no bare name before the lexicon is here (loading it is for the editor to start)', async () => {
    expect(tagger.personTaggerReady()).toBe(false);
    expect(tagger.tagPeople(sentence)).toEqual([]);
    await tagger.preparePersonTagger();
    expect(tagger.personTaggerReady()).toBe(true);
  });

  it('finds the same names as the server once loaded, and tells every editor listening', async () => {
    const heard = vi.fn();
    const stop = tagger.onPersonTaggerReady(heard);
    await tagger.preparePersonTagger();
    expect(heard).toHaveBeenCalledTimes(1);
    const server = await import('../../../src/core/notes/phi/personTagger.js');
    expect(tagger.tagPeople(sentence)).toEqual(server.tagPeople(sentence));
    expect(tagger.tagPeople(sentence)).toEqual([{ start: 0, length: 5 }]);
    stop();
  });

  it('loads the lexicon once however many editors ask', async () => {
    const first = tagger.preparePersonTagger();
    expect(tagger.preparePersonTagger()).toBe(first);
    await first;
  });

  it('tries again after a failed load (offline, a replaced deploy)', async () => {
    vi.resetModules();
    vi.doMock('../../../src/core/notes/phi/personTagger.js', () => {
      throw new Error('chunk gone');
    });
    const failing: BrowserTagger = await import('../../../src/core/notes/phi/personTagger.browser.js');
    await expect(failing.preparePersonTagger()).rejects.toThrow();
    expect(failing.personTaggerReady()).toBe(false);
    vi.doUnmock('../../../src/core/notes/phi/personTagger.js');
    await failing.preparePersonTagger();
    expect(failing.personTaggerReady()).toBe(true);
  });
});

describe('the server and the tests', () => {
  it('resolve #person-tagger to the synchronous tagger: names are found on the first scan', async () => {
    const { scanForPhi } = await import('../../../src/core/notes/phi.js');
    expect(scanForPhi(sentence)).toEqual([{ kind: 'name', start: 0, end: 5, text: 'Maria' }]);
  });
});
