// The outcomes for the dashboard's scope: the whole program (the owner, no
// department chosen) or one department.
import { OutcomesResponse } from '../../../core/growth/api.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { outcomesPath } from '../../dashboardPaths.js';

/**
 * `ownScope`: the department shown is the caller's own scope, asked as plain /api/outcomes, which the tab primes
 * as it opens the page, before it knows who is signed in (src/tab/routes.ts).
 */
export function useOutcomes(department: string | null, ownScope: boolean, allowed: boolean) {
  const { api } = useTabRuntime();
  const asked = ownScope ? null : department;
  const outcomes = useResource(
    () => (allowed ? api.json(OutcomesResponse, 'GET', outcomesPath(asked)) : Promise.resolve({ outcomes: [] })),
    [api, asked, allowed],
  );
  const downloadCsv = async () => {
    const blob = await (await api.send('GET', outcomesPath(department, 'csv'))).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `reciprocal-outcomes-${department ?? 'program'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return { outcomes, downloadCsv };
}
