// One user action at a time (link a meeting, insert the agenda): whether it is
// running and what it failed with, so a form shows a spinner and the error.
import { useCallback, useState } from 'react';

export function useAction() {
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setWorking(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setWorking(false);
    }
  }, []);
  return { working, error, setError, run };
}
