// Department and program dashboards: aggregates only, over whole weeks of the
// organization's zone, from this instance's mirror of the program lists (kept
// current with Graph's delta query: ./dashboardMirror.ts).
// Leads see their own department; the program owner sees every department and
// the at-risk pairs by name, a page at a time (./dashboard/atRiskPages.ts).
// Notes are never read.
import type { Client } from '@microsoft/microsoft-graph-client';
import { errorCodes } from '../../src/core/api.js';
import type { AtRiskPage, PagedDashboardResponse } from '../../src/core/dashboard/answers.js';
import { snapPeriodToWeeks, type DepartmentDashboard } from '../../src/core/dashboard/index.js';
import { hasRole, type Caller } from '../auth/caller.js';
import type { ProgramStore } from '../graph/programStore.js';
import { departmentAtRisk, firstPages, programAtRisk, programAtRiskPage } from './dashboard/atRiskLists.js';
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

async function figures(
  ports: DashboardPorts,
  departments: string[] | undefined,
  period: Period,
  forOwner: boolean,
): Promise<{ dashboards: DepartmentDashboard[]; mirror: DashboardMirror }> {
  const weeks = snapPeriodToWeeks(period, ports.orgTimeZone);
  const mirror = await dashboardMirrorFor(ports.store).current();
  const dashboards = dashboardFiguresFor(mirror).figures(
    { from: new Date(weeks.from).toISOString(), to: new Date(weeks.to).toISOString(), timeZone: ports.orgTimeZone },
    ports.now(),
    { ...(departments ? { departments } : {}), listAtRiskPairs: forOwner },
  );
  return { dashboards, mirror };
}

const notForParticipants = () =>
  new ApiProblem(errorCodes.forbidden, 'dashboards are for department leads and the program owner');

/** Whether the caller may see the department's figures: its lead (per the directory) or the program owner. */
export async function requireDashboardAccess(ports: DashboardPorts, caller: Caller, department: string): Promise<void> {
  if (hasRole(caller, 'ProgramOwner')) return;
  if (!hasRole(caller, 'DepartmentLead')) throw notForParticipants();
  if ((await departmentOf(ports.graph, caller.userId)) !== department)
    throw new ApiProblem(errorCodes.forbidden, `you lead another department, not ${JSON.stringify(department)}`);
}

/** One department's figures (the program owner also sees the first page of its at-risk pairs). */
export async function departmentDashboard(
  ports: DashboardPorts,
  caller: Caller,
  department: string,
  period: Period,
): Promise<PagedDashboardResponse> {
  const { dashboards, mirror } = await figures(ports, [department], period, hasRole(caller, 'ProgramOwner'));
  return { dashboards: firstPages(dashboards, mirror) };
}

/** Every department side by side, and the program's at-risk pairs (each pair once). */
export async function programDashboard(ports: DashboardPorts, period: Period): Promise<PagedDashboardResponse> {
  const { dashboards, mirror } = await figures(ports, undefined, period, true);
  return { dashboards: firstPages(dashboards, mirror), pairsAtRisk: programAtRisk(dashboards, mirror) };
}

/**
 * The dashboard a person opens first: every department for the program owner, their own department for a lead
 * (per the directory). The tab asks for it as it opens, before it knows who is signed in.
 */
export async function ownDashboard(
  ports: DashboardPorts,
  caller: Caller,
  period: Period,
): Promise<{ answer: PagedDashboardResponse; scope: string }> {
  if (hasRole(caller, 'ProgramOwner')) return { answer: await programDashboard(ports, period), scope: 'program' };
  if (!hasRole(caller, 'DepartmentLead')) throw notForParticipants();
  const department = await departmentOf(ports.graph, caller.userId);
  if (!department) throw new ApiProblem(errorCodes.forbidden, 'the directory names no department for you');
  return { answer: await departmentDashboard(ports, caller, department, period), scope: department };
}

/**
 * A page of at-risk pairs after `cursor`: a department's (its lead sees the count without names), or, for the
 * program owner, the whole program's when no department is named.
 */
export async function atRiskPairs(
  ports: DashboardPorts,
  caller: Caller,
  query: { department?: string | undefined; period: Period; cursor?: string | undefined },
): Promise<AtRiskPage> {
  const { department, period, cursor } = query;
  if (department === undefined) {
    if (!hasRole(caller, 'ProgramOwner'))
      throw new ApiProblem(errorCodes.forbidden, "the whole program's at-risk pairs are for the program owner", {
        field: 'query.department',
      });
    const { dashboards, mirror } = await figures(ports, undefined, period, true);
    return { department: null, ...programAtRiskPage(dashboards, mirror, cursor) };
  }
  await requireDashboardAccess(ports, caller, department);
  const { dashboards, mirror } = await figures(ports, [department], period, hasRole(caller, 'ProgramOwner'));
  return { department, ...departmentAtRisk(dashboards[0]!, mirror, cursor) };
}
