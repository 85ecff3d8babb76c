// What the dashboard routes answer, as the tab parses it: each department's
// figures with its at-risk pairs a page at a time (the first page, and a
// cursor for the next: `GET /api/program/dashboard/at-risk`). Extends the
// contract's DepartmentDashboard, so a reader that knows only `count` and
// `pairs` reads the first page as the list it always had.
import { z } from 'zod';
import { DepartmentDashboard, Figure } from '../api.js';

/** How many at-risk pairs a page names: enough to act on, small enough that a warm view stays small. */
export const atRiskPageSize = 25;

const AtRiskEntry = DepartmentDashboard.shape.pairsAtRisk.shape.pairs.element;

/** At-risk pairs, longest without a held session first; `next` is opaque, null on the last page. */
export const AtRiskList = z.object({
  count: Figure,
  pairs: z.array(AtRiskEntry),
  next: z.string().nullable().default(null),
});
export type AtRiskList = z.infer<typeof AtRiskList>;

export const PagedDepartmentDashboard = DepartmentDashboard.extend({ pairsAtRisk: AtRiskList });
export type PagedDepartmentDashboard = z.infer<typeof PagedDepartmentDashboard>;

/** A dashboard answer; the program's also carries its at-risk pairs across departments (each pair once). */
export const PagedDashboardResponse = z.object({
  dashboards: z.array(PagedDepartmentDashboard),
  pairsAtRisk: AtRiskList.optional(),
});
export type PagedDashboardResponse = z.infer<typeof PagedDashboardResponse>;

/** One page of `GET /api/program/dashboard/at-risk`: a department's, or the whole program's (department null). */
export const AtRiskPage = AtRiskList.extend({ department: z.string().nullable() });
export type AtRiskPage = z.infer<typeof AtRiskPage>;
