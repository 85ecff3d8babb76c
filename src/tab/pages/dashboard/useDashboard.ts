// The dashboard page's data: the figures for the chosen department (or all of
// them for the program owner) over the chosen period.
import { useMemo, useState } from 'react';
import { PagedDashboardResponse } from '../../../core/dashboard/answers.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { dashboardPath, lastDays, openingPeriod, type PeriodDays } from '../../dashboardPaths.js';

export type { PeriodDays };

export function useDashboard() {
  const { api, me } = useTabRuntime();
  const isOwner = me.roles.includes('ProgramOwner');
  const isLead = me.roles.includes('DepartmentLead');
  const ownDepartment = isOwner ? null : me.department;
  const [department, setDepartment] = useState<string | null>(ownDepartment);
  const ownScope = department === ownDepartment;
  const [days, setDays] = useState<PeriodDays>(openingPeriod);
  const period = useMemo(() => lastDays(days), [days]);
  const allowed = isOwner || (isLead && department !== null);
  const figures = useResource(
    // Parsed with the paged schema, which keeps each at-risk list's cursor for the next page.
    () =>
      allowed
        ? api.json(PagedDashboardResponse, 'GET', dashboardPath(department, ownScope, period))
        : Promise.resolve<PagedDashboardResponse>({ dashboards: [] }),
    [api, department, ownScope, period, allowed],
  );
  const downloadCsv = async () => {
    const blob = await api.dashboardsCsv(department, period);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `reciprocal-${department ?? 'program'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return {
    isOwner,
    allowed,
    department,
    ownScope,
    setDepartment,
    days,
    setDays,
    period,
    figures,
    downloadCsv,
  };
}
