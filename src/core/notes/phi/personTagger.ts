// Bare person names in a sentence, by compromise's lexicon: what the server
// and the tests use, loaded with the module.
import nlp from 'compromise/two';
import type { PersonSpan } from './types.js';

export function tagPeople(sentence: string): PersonSpan[] {
  const people = nlp(sentence).match('#Person+').json({ offset: true }) as {
    offset: { start: number; length: number };
  }[];
  return people.map(({ offset }) => ({ start: offset.start, length: offset.length }));
}

/** Always ready here; the browser's version (personTagger.browser.ts) loads the lexicon first. */
export const personTaggerReady = () => true;
export const preparePersonTagger = (): Promise<void> => Promise.resolve();
export const onPersonTaggerReady =
  (_listener: () => void): (() => void) =>
  () =>
    undefined;
