import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { onPersonTaggerReady, personTaggerReady, preparePersonTagger } from '#person-tagger';

/** After opening, the page's own requests and render come first; then the lexicon loads when the browser is idle. */
const settleMs = 3_000;

export interface PersonTaggerState {
  /** Whether bare names are checked yet; a review that depends on it runs again once it is true. */
  namesChecked: boolean;
  /** Starts loading the lexicon now: for the editor's focus, when the author is about to type. */
  prepareNameCheck: () => void;
}

/**
 * In the browser the PHI guard's name lexicon (src/core/notes/phi/personTagger.browser.ts)
 * loads when the author goes into the editor, or once the page has settled,
 * so building it (a few hundred milliseconds on a phone) never holds up the
 * page's own requests and first render.
 */
export function usePersonTagger(): PersonTaggerState {
  const namesChecked = useSyncExternalStore(onPersonTaggerReady, personTaggerReady, personTaggerReady);
  const prepareNameCheck = useCallback(() => void preparePersonTagger().catch(() => undefined), []);
  useEffect(() => {
    if (namesChecked) return;
    let idle: number | null = null;
    const settled = window.setTimeout(() => {
      // Safari (Teams on iOS and macOS) has no requestIdleCallback.
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(prepareNameCheck);
      else prepareNameCheck();
    }, settleMs);
    return () => {
      window.clearTimeout(settled);
      if (idle !== null) window.cancelIdleCallback(idle);
    };
  }, [namesChecked, prepareNameCheck]);
  return { namesChecked, prepareNameCheck };
}
