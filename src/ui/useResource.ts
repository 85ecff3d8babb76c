// Loads one thing from the API for a page and keeps it fresh on reload().
import { useCallback, useEffect, useRef, useState } from 'react';
import { answeredAlready } from '../client/api.js';

export type Resource<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'failed'; data: T | null; error: unknown };

export function useResource<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): Resource<T> & { reload: () => void; set: (data: T) => void } {
  // Data primed with the page's code is usually here before the page first renders: shown at once,
  // without a skeleton first and a second render.
  const [answered] = useState(() => answeredAlready(load));
  const [state, setState] = useState<Resource<T>>(() =>
    answered ? { status: 'ready', data: answered.value, error: null } : { status: 'loading', data: null, error: null },
  );
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const firstLoad = useRef(answered);

  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current.take();
      firstLoad.current = null;
      return;
    }
    let live = true;
    setState((previous) => ({ status: 'loading', data: previous.data, error: null }));
    loadRef.current().then(
      (data) => live && setState({ status: 'ready', data, error: null }),
      (error: unknown) => live && setState((previous) => ({ status: 'failed', data: previous.data, error })),
    );
    return () => {
      live = false;
    };
  }, [generation, ...deps]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data, error: null }), []);
  return { ...state, reload, set };
}
