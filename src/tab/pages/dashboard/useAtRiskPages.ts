// The at-risk pairs a dashboard lists: the first page from the dashboard's own
// answer, then more a page at a time (GET /api/program/dashboard/at-risk) as
// the owner asks. Starts over whenever the dashboard answers again.
import { useState } from 'react';
import { AtRiskPage, type AtRiskList } from '../../../core/dashboard/answers.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

export interface AtRiskScope {
  /** A department's pairs, or the whole program's (null). */
  department: string | null;
  period: { from: string; to: string };
}

interface Listed {
  first: AtRiskList;
  pairs: AtRiskList['pairs'];
  next: string | null;
  /** How many pairs were listed before the last page came: the first new one takes the focus. */
  firstNew: number | null;
  status: 'idle' | 'loading' | 'failed';
  error: unknown;
}

const fresh = (first: AtRiskList): Listed => ({
  first,
  pairs: first.pairs,
  next: first.next,
  firstNew: null,
  status: 'idle',
  error: null,
});

export function useAtRiskPages(first: AtRiskList, scope: AtRiskScope) {
  const { api } = useTabRuntime();
  const [listed, setListed] = useState<Listed>(() => fresh(first));
  // A new answer from the dashboard (another period, a reload) starts the list over.
  const current = listed.first === first ? listed : fresh(first);
  if (current !== listed) setListed(current);

  const showMore = async () => {
    if (current.next === null || current.status === 'loading') return;
    setListed({ ...current, status: 'loading' });
    const query = new URLSearchParams({ ...scope.period, cursor: current.next });
    if (scope.department !== null) query.set('department', scope.department);
    try {
      const page = await api.json(AtRiskPage, 'GET', `/api/program/dashboard/at-risk?${query.toString()}`);
      setListed((now) =>
        now.first !== first
          ? now
          : {
              ...now,
              pairs: [...now.pairs, ...page.pairs],
              next: page.next,
              firstNew: now.pairs.length,
              status: 'idle',
            },
      );
    } catch (error) {
      setListed((now) => (now.first !== first ? now : { ...now, status: 'failed', error }));
    }
  };
  return { ...current, showMore };
}
