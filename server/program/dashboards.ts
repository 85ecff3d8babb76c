// Department and program dashboards: aggregates only, over whole weeks of the
// organization's zone, from this instance's mirror of the program lists (kept
// current with Graph's delta query: ./dashboardMirror.ts).
// Leads see their own department; the program owner sees every department and
// the at-risk pairs by name. Notes are never read.
import type { Client } from '@microsoft/microsoft-graph-client';
import { errorCodes } from '../../src/core/api.js';
import { snapPeriodToWeeks, type DepartmentDashboard } from '../../src/core/dashboard/index.js';
import { hasRole, type Caller } from '../auth/caller.js';
import type { ProgramStore } from '../graph/programStore.js';
import { dashboardFiguresFor } from './dashboardFigures.js';
import { dashboardMirrorFor, type DashboardMirror } from './dashboardMirror.js';
import { departmentOf } from './directory.js';
import { ApiProblem } from './problem.js';

export interface DashboardPorts {
  store: ProgramStore;
  graph: Client;
  orgTimeZone: string;
  now: () => number;
}

export interface Period {
  from: number;
  to: number;
}

async function dashboards(
  ports: DashboardPorts,
  departments: string[] | undefined,
  period: Period,
  forOwner: boolean,
): Promise<DepartmentDashboard[]> {
  const weeks = snapPeriodToWeeks(period, ports.orgTimeZone);
  const mirror = await dashboardMirrorFor(ports.store).current();
  const figures = dashboardFiguresFor(mirror).figures(
    { from: new Date(weeks.from).toISOString(), to: new Date(weeks.to).toISOString(), timeZone: ports.orgTimeZone },
    ports.now(),
    { ...(departments ? { departments } : {}), listAtRiskPairs: forOwner },
  );
  return forOwner ? withAtRiskNames(figures, mirror) : figures;
}

/**
 * Each department's answer with the names added, kept while the answer object
 * stands: ./dashboardFigures.ts hands out the same object until one of the
 * department's pairs changes (a renamed member changes the pair), so a warm
 * view names only the departments that changed.
 */
const named = new WeakMap<DepartmentDashboard, DepartmentDashboard>();

/** The owner's at-risk pairs with both people's names, so the tab can offer to schedule each. */
function withAtRiskNames(dashboards: DepartmentDashboard[], mirror: DashboardMirror): DepartmentDashboard[] {
  return dashboards.map((d) => {
    let answer = named.get(d);
    if (!answer) {
      const pairs = d.pairsAtRisk.pairs.map((p) => ({
        ...p,
        members: (mirror.pair(p.pairId)?.members ?? []).map((m) => ({ userId: m.userId, displayName: m.displayName })),
      }));
      named.set(d, (answer = { ...d, pairsAtRisk: { ...d.pairsAtRisk, pairs } }));
    }
    return answer;
  });
}

/** Whether the caller may see the department's figures: its lead (per the directory) or the program owner. */
export async function requireDashboardAccess(ports: DashboardPorts, caller: Caller, department: string): Promise<void> {
  if (hasRole(caller, 'ProgramOwner')) return;
  if (!hasRole(caller, 'DepartmentLead'))
    throw new ApiProblem(errorCodes.forbidden, 'dashboards are for department leads and the program owner');
  if ((await departmentOf(ports.graph, caller.userId)) !== department)
    throw new ApiProblem(errorCodes.forbidden, 'you lead another department');
}

/** One department's figures (the program owner also sees its at-risk pairs). */
export const departmentDashboard = (ports: DashboardPorts, caller: Caller, department: string, period: Period) =>
  dashboards(ports, [department], period, hasRole(caller, 'ProgramOwner'));

/** Every department side by side. */
export const programDashboard = (ports: DashboardPorts, period: Period) => dashboards(ports, undefined, period, true);
