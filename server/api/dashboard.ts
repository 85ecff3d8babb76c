// Department and program dashboards: aggregates only, from one read of each
// program list per request. Leads see their own department; the program owner
// sees every department and the at-risk pairs by name. Notes are never read.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { aggregateDepartments, dashboardsToCsv, type DepartmentDashboard } from '../../src/core/dashboard/index.js';
import type { ProgramStore } from '../graph/programStore.js';
import { ApiProblem, parseInput, type Caller, type RouteDeclaration } from './route.js';

const dayMs = 24 * 3_600_000;
const Period = z
  .object({
    from: z.iso
      .date()
      .or(z.iso.datetime({ offset: true }))
      .optional(),
    to: z.iso
      .date()
      .or(z.iso.datetime({ offset: true }))
      .optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .transform((q) => {
    const to = q.to ? Date.parse(q.to) : Date.now();
    const from = q.from ? Date.parse(q.from) : to - 90 * dayMs;
    return { from, to, format: q.format };
  })
  .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] })
  .refine((q) => q.to - q.from <= 400 * dayMs, { message: 'a period is at most 400 days', path: ['to'] });

export interface DashboardDeps {
  store: ProgramStore;
  graph: Client;
  orgTimeZone: string;
  now: () => number;
}

export function dashboardRoutes(d: DashboardDeps): RouteDeclaration[] {
  async function compute(
    departments: string[] | undefined,
    period: { from: number; to: number },
    forOwner: boolean,
  ): Promise<DepartmentDashboard[]> {
    // One paged read of each list for the whole request.
    const [pairs, sessions, touchpoints] = await Promise.all([
      d.store.allPairs(),
      d.store.allSessions(),
      d.store.allTouchpoints(),
    ]);
    return aggregateDepartments(pairs, sessions, touchpoints, {
      period: {
        from: new Date(period.from).toISOString(),
        to: new Date(period.to).toISOString(),
        timeZone: d.orgTimeZone,
      },
      now: new Date(d.now()).toISOString(),
      ...(departments ? { departments } : {}),
      listAtRiskPairs: forOwner,
    });
  }

  const respond = (dashboards: DepartmentDashboard[], format: 'json' | 'csv', name: string) =>
    format === 'csv'
      ? {
          body: dashboardsToCsv(dashboards),
          contentType: 'text/csv; charset=utf-8',
          headers: { 'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9-]/g, '-')}.csv"` },
        }
      : { body: { dashboards } };

  async function departmentOf(caller: Caller): Promise<string | null> {
    const user = z
      .object({ department: z.string().nullable().optional() })
      .parse(await d.graph.api(`/users/${caller.userId}`).select(['department']).get());
    return user.department ?? null;
  }

  return [
    {
      method: 'get',
      path: '/api/departments/:id/dashboard',
      // A lead of this department or the program owner; checked below against the directory.
      access: 'signed-in',
      summary: "A department's figures (aggregates only; groups under 5 suppressed)",
      async handle({ caller, params, query }) {
        const department = parseInput(z.string().min(1).max(128), params.id, 'params.id');
        const owner = caller.roles.includes('ProgramOwner');
        if (!owner) {
          if (!caller.roles.includes('DepartmentLead'))
            throw new ApiProblem(403, 'forbidden', 'dashboards are for department leads and the program owner');
          if ((await departmentOf(caller)) !== department)
            throw new ApiProblem(403, 'forbidden', 'you lead another department');
        }
        const period = parseInput(Period, query, 'query');
        return respond(await compute([department], period, owner), period.format, `reciprocal-${department}`);
      },
    },
    {
      method: 'get',
      path: '/api/program/dashboard',
      access: 'ProgramOwner',
      summary: 'Every department side by side',
      async handle({ query }) {
        const period = parseInput(Period, query, 'query');
        return respond(await compute(undefined, period, true), period.format, 'reciprocal-program');
      },
    },
  ];
}
