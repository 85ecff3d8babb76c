// The at-risk lists dashboards carry: a department's, or the whole program's
// (each pair once, though it counts in both its people's departments), in the
// pages of ./atRiskPages.ts, with both people named for the owner. The figures
// list each department's pairs most at risk first; ./dashboardFigures.ts hands
// out the same objects until one of their pairs changes, so what is built
// here is kept with them and a warm view names only a changed page.
import { atRiskPageSize, type AtRiskList, type PagedDepartmentDashboard } from '../../../src/core/dashboard/answers.js';
import type { AtRiskPair, DepartmentDashboard } from '../../../src/core/dashboard/index.js';
import { programAtRiskCount } from '../dashboardFigures.js';
import type { DashboardMirror } from '../dashboardMirror.js';
import { atRiskPage } from './atRiskPages.js';

/** Both people of each pair by name, so the owner's tab can offer to schedule each (only a page is named). */
const named = (pairs: AtRiskPair[], mirror: DashboardMirror): AtRiskPair[] =>
  pairs.map((p) => ({
    ...p,
    members: (mirror.pair(p.pairId)?.members ?? []).map((m) => ({ userId: m.userId, displayName: m.displayName })),
  }));

function pageOf(lists: AtRiskPair[][], mirror: DashboardMirror, cursor: string | undefined) {
  const page = atRiskPage(lists, cursor, atRiskPageSize);
  return { pairs: named(page.pairs, mirror), next: page.next };
}

/** A page of one department's at-risk pairs (none for a lead: their figures list no pair). */
export const departmentAtRisk = (
  dashboard: DepartmentDashboard,
  mirror: DashboardMirror,
  cursor: string | undefined,
): AtRiskList => ({
  count: dashboard.pairsAtRisk.count,
  ...pageOf([dashboard.pairsAtRisk.pairs], mirror, cursor),
});

const firstPaged = new WeakMap<DepartmentDashboard, PagedDepartmentDashboard>();

/** Each department's figures with only the first page of its at-risk pairs. */
export const firstPages = (dashboards: DepartmentDashboard[], mirror: DashboardMirror): PagedDepartmentDashboard[] =>
  dashboards.map((d) => {
    let answer = firstPaged.get(d);
    if (!answer) firstPaged.set(d, (answer = { ...d, pairsAtRisk: departmentAtRisk(d, mirror, undefined) }));
    return answer;
  });

/** A page of the program's at-risk pairs: the departments' lists merged (every department as the owner sees it). */
export const programAtRiskPage = (
  dashboards: DepartmentDashboard[],
  mirror: DashboardMirror,
  cursor: string | undefined,
): AtRiskList => ({
  count: { value: programAtRiskCount(dashboards), suppressed: false },
  ...pageOf(
    dashboards.map((d) => d.pairsAtRisk.pairs),
    mirror,
    cursor,
  ),
});

const programFirst = new WeakMap<DepartmentDashboard[], AtRiskList>();

/** The first page of the program's at-risk pairs. */
export function programAtRisk(dashboards: DepartmentDashboard[], mirror: DashboardMirror): AtRiskList {
  let first = programFirst.get(dashboards);
  if (!first) programFirst.set(dashboards, (first = programAtRiskPage(dashboards, mirror, undefined)));
  return first;
}
