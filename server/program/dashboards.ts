// Department and program dashboards: aggregates only, from one read of each
// program list per request. Leads see their own department; the program owner
// sees every department and the at-risk pairs by name. Notes are never read.
import type { Client } from '@microsoft/microsoft-graph-client';
import { errorCodes } from '../../src/core/api.js';
import { aggregateDepartments, type DepartmentDashboard } from '../../src/core/dashboard/index.js';
import { hasRole, type Caller } from '../auth/caller.js';
import type { ProgramStore } from '../graph/programStore.js';
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
  // One paged read of each list for the whole request.
  const [pairs, sessions, touchpoints] = await Promise.all([
    ports.store.allPairs(),
    ports.store.allSessions(),
    ports.store.allTouchpoints(),
  ]);
  return aggregateDepartments(pairs, sessions, touchpoints, {
    period: {
      from: new Date(period.from).toISOString(),
      to: new Date(period.to).toISOString(),
      timeZone: ports.orgTimeZone,
    },
    now: new Date(ports.now()).toISOString(),
    ...(departments ? { departments } : {}),
    listAtRiskPairs: forOwner,
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
