// The browser's person tagger: compromise (about 280 KB of lexicon) is fetched
// after the page has rendered, not with it. Until it is here no bare name is
// flagged (the patterns for titled and cued names still run), and the server's
// own check, which has the lexicon, still refuses a note naming someone.
// Editors call preparePersonTagger once the page is idle (src/ui/note/usePersonTagger.ts)
// and review again on ready.
import type { PersonSpan } from './types.js';

let tagger: ((sentence: string) => PersonSpan[]) | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function preparePersonTagger(): Promise<void> {
  loading ??= import('./personTagger.js').then(
    (loaded) => {
      tagger = loaded.tagPeople;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      // Offline or a replaced deploy: the next editor to open tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function tagPeople(sentence: string): PersonSpan[] {
  return tagger ? tagger(sentence) : [];
}

export const personTaggerReady = () => tagger !== null;

export function onPersonTaggerReady(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
