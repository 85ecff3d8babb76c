// Department and program dashboards (aggregates only; see server/program/dashboards.ts),
// as JSON or as a CSV download, and the owner's at-risk pairs a page at a time.
import { z } from 'zod';
import type { AtRiskList, PagedDashboardResponse } from '../../src/core/dashboard/answers.js';
import { dashboardsToCsv, periodBoundary, startOfNextWeek } from '../../src/core/dashboard/index.js';
import { dayMs } from '../../src/core/time.js';
import {
  atRiskPairs,
  departmentDashboard,
  ownDashboard,
  programDashboard,
  requireDashboardAccess,
  type DashboardPorts,
} from '../program/dashboards.js';
import { parseInput, type RouteDeclaration, type RouteResult } from './route.js';

const instantOrDate = z.iso.date().or(z.iso.datetime({ offset: true }));
const Department = z.string().min(1).max(128);

const PeriodFields = z.object({ from: instantOrDate.optional(), to: instantOrDate.optional() });

/**
 * A query with a period: dates are midnight in the organization's zone; no `to`
 * means through the current week. The use case snaps it to whole weeks.
 */
function withPeriod<S extends z.ZodObject>(ports: Pick<DashboardPorts, 'orgTimeZone' | 'now'>, query: S) {
  return PeriodFields.extend(query.shape)
    .transform((q) => {
      const asked = q as z.infer<typeof PeriodFields>;
      const zone = ports.orgTimeZone;
      const to = asked.to ? periodBoundary(asked.to, zone) : startOfNextWeek(ports.now(), zone);
      const from = asked.from ? periodBoundary(asked.from, zone) : to - 90 * dayMs;
      return { ...(q as z.infer<S>), period: { from, to } };
    })
    .refine((q) => q.period.to > q.period.from, { message: 'must be after from', path: ['to'] })
    .refine((q) => q.period.to - q.period.from <= 400 * dayMs, {
      message: 'a period is at most 400 days',
      path: ['to'],
    });
}

function respond(answer: PagedDashboardResponse, format: 'json' | 'csv', name: string): RouteResult {
  return format === 'csv'
    ? {
        body: dashboardsToCsv(answer.dashboards),
        contentType: 'text/csv; charset=utf-8',
        headers: { 'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9-]/g, '-')}.csv"` },
      }
    : { body: dashboardsJson(answer), contentType: 'application/json; charset=utf-8' };
}

/**
 * Each department's figures (and the program's at-risk list) are one object until they change (the mirror keeps
 * them), so each one's JSON is written once and reused: a warm view writes only what changed.
 */
const written = new WeakMap<object, string>();
const jsonOf = (part: object): string => {
  let json = written.get(part);
  if (json === undefined) written.set(part, (json = JSON.stringify(part)));
  return json;
};
function dashboardsJson(answer: PagedDashboardResponse): string {
  const atRisk = answer.pairsAtRisk ? `,"pairsAtRisk":${jsonOf(answer.pairsAtRisk satisfies AtRiskList)}` : '';
  return `{"dashboards":[${answer.dashboards.map(jsonOf).join(',')}]${atRisk}}`;
}

export function dashboardRoutes(ports: DashboardPorts): RouteDeclaration[] {
  const Format = z.enum(['json', 'csv']).default('json');
  const DashboardQuery = withPeriod(ports, z.object({ format: Format }));
  const AtRiskQuery = withPeriod(ports, z.object({ department: Department.optional(), cursor: z.string().optional() }));
  return [
    {
      method: 'get',
      path: '/api/departments/:id/dashboard',
      // A lead of this department or the program owner; checked against the directory.
      access: 'signed-in',
      summary: "A department's figures (aggregates only; groups under 5 suppressed)",
      async handle({ caller, params, query }) {
        const department = parseInput(Department, params.id, 'params.id');
        await requireDashboardAccess(ports, caller, department);
        const q = parseInput(DashboardQuery, query, 'query');
        const answer = await departmentDashboard(ports, caller, department, q.period);
        return respond(answer, q.format, `reciprocal-${department}`);
      },
    },
    {
      method: 'get',
      path: '/api/program/dashboard',
      access: 'ProgramOwner',
      summary: 'Every department side by side',
      async handle({ query }) {
        const q = parseInput(DashboardQuery, query, 'query');
        return respond(await programDashboard(ports, q.period), q.format, 'reciprocal-program');
      },
    },
    {
      method: 'get',
      path: '/api/me/dashboard',
      // The program owner (every department) or a lead (their own, per the directory).
      access: 'signed-in',
      summary: "The caller's own dashboard: every department for the program owner, a lead's department",
      async handle({ caller, query }) {
        const q = parseInput(DashboardQuery, query, 'query');
        const { answer, scope } = await ownDashboard(ports, caller, q.period);
        return respond(answer, q.format, `reciprocal-${scope}`);
      },
    },
    {
      method: 'get',
      path: '/api/program/dashboard/at-risk',
      // The owner: any department, or the whole program; a lead: their own department (the count, no names).
      access: 'signed-in',
      summary: 'At-risk pairs a page at a time (?department=&from=&to=&cursor=)',
      async handle({ caller, query }) {
        const q = parseInput(AtRiskQuery, query, 'query');
        return { body: await atRiskPairs(ports, caller, q) };
      },
    },
  ];
}
