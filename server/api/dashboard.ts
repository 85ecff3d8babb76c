// Department and program dashboards (aggregates only; see server/program/dashboards.ts),
// as JSON or as a CSV download.
import { z } from 'zod';
import {
  dashboardsToCsv,
  periodBoundary,
  startOfNextWeek,
  type DepartmentDashboard,
} from '../../src/core/dashboard/index.js';
import { dayMs } from '../../src/core/time.js';
import {
  departmentDashboard,
  programDashboard,
  requireDashboardAccess,
  type DashboardPorts,
} from '../program/dashboards.js';
import { parseInput, type RouteDeclaration, type RouteResult } from './route.js';

const instantOrDate = z.iso.date().or(z.iso.datetime({ offset: true }));

/**
 * The query's period: dates are midnight in the organization's zone; no `to`
 * means through the current week. The use case snaps it to whole weeks.
 */
const periodQuery = (ports: Pick<DashboardPorts, 'orgTimeZone' | 'now'>) =>
  z
    .object({
      from: instantOrDate.optional(),
      to: instantOrDate.optional(),
      format: z.enum(['json', 'csv']).default('json'),
    })
    .transform((q) => {
      const to = q.to ? periodBoundary(q.to, ports.orgTimeZone) : startOfNextWeek(ports.now(), ports.orgTimeZone);
      const from = q.from ? periodBoundary(q.from, ports.orgTimeZone) : to - 90 * dayMs;
      return { from, to, format: q.format };
    })
    .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] })
    .refine((q) => q.to - q.from <= 400 * dayMs, { message: 'a period is at most 400 days', path: ['to'] });

const Department = z.string().min(1).max(128);

function respond(dashboards: DepartmentDashboard[], format: 'json' | 'csv', name: string): RouteResult {
  return format === 'csv'
    ? {
        body: dashboardsToCsv(dashboards),
        contentType: 'text/csv; charset=utf-8',
        headers: { 'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9-]/g, '-')}.csv"` },
      }
    : { body: dashboardsJson(dashboards), contentType: 'application/json; charset=utf-8' };
}

/**
 * Each department's figures are one object until that department changes (the mirror keeps them), so its JSON
 * is written once and reused: the owner's answer names every at-risk pair and is the largest the API sends.
 */
const writtenDepartments = new WeakMap<DepartmentDashboard, string>();
function dashboardsJson(dashboards: DepartmentDashboard[]): string {
  const parts = dashboards.map((d) => {
    let json = writtenDepartments.get(d);
    if (json === undefined) writtenDepartments.set(d, (json = JSON.stringify(d)));
    return json;
  });
  return `{"dashboards":[${parts.join(',')}]}`;
}

export function dashboardRoutes(ports: DashboardPorts): RouteDeclaration[] {
  const Period = periodQuery(ports);
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
        const period = parseInput(Period, query, 'query');
        const dashboards = await departmentDashboard(ports, caller, department, period);
        return respond(dashboards, period.format, `reciprocal-${department}`);
      },
    },
    {
      method: 'get',
      path: '/api/program/dashboard',
      access: 'ProgramOwner',
      summary: 'Every department side by side',
      async handle({ query }) {
        const period = parseInput(Period, query, 'query');
        return respond(await programDashboard(ports, period), period.format, 'reciprocal-program');
      },
    },
  ];
}
