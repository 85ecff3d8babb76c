// The outcomes for the dashboard's scope: the whole program (the owner, no
// department chosen) or one department.
import { OutcomesResponse } from '../../../core/growth/api.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

const query = (department: string | null, format?: 'csv') => {
  const params = new URLSearchParams();
  if (department !== null) params.set('department', department);
  if (format) params.set('format', format);
  const text = params.toString();
  return `/api/outcomes${text ? `?${text}` : ''}`;
};

export function useOutcomes(department: string | null, allowed: boolean) {
  const { api } = useTabRuntime();
  const outcomes = useResource(
    () => (allowed ? api.json(OutcomesResponse, 'GET', query(department)) : Promise.resolve({ outcomes: [] })),
    [api, department, allowed],
  );
  const downloadCsv = async () => {
    const blob = await (await api.send('GET', query(department, 'csv'))).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `reciprocal-outcomes-${department ?? 'program'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return { outcomes, downloadCsv };
}
