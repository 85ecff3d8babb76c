// The program owner's department scheduling: start a job, poll it (on any
// instance: the job is a record in the tenant, see server/program/departmentJobs.ts).
import { errorCodes, ScheduleDepartmentRequest } from '../../src/core/api.js';
import type { JobRecordStore } from '../program/departmentJobRecords.js';
import { scheduleJobsFor, type ScheduleJobs } from '../program/departmentJobs.js';
import { ApiProblem } from '../program/problem.js';
import type { PairDirectory, SchedulingPorts } from '../program/schedulingJobs.js';
import { parseInput, type RouteDeclaration } from './route.js';

// bench/scheduling.ts still imports the allocation from here; it lives in server/program/departmentPlan.ts.

/** The program store keeps the pairs and, beside them, the jobs (server/api/index.ts hands it in as `pairs`). */
export type SchedulingRoutePorts = SchedulingPorts & { pairs: PairDirectory & JobRecordStore };

export function schedulingRoutes(
  ports: SchedulingRoutePorts,
  jobs: ScheduleJobs = scheduleJobsFor(ports.pairs),
): RouteDeclaration[] {
  return [
    {
      method: 'post',
      path: '/api/program/schedule-department',
      access: 'ProgramOwner',
      summary: 'Schedule the next session for every active pair in a department (a job; poll it)',
      async handle({ body }) {
        const request = parseInput(ScheduleDepartmentRequest, body);
        const job = await jobs.start(ports, request.department, request.dryRun);
        return { status: 202, headers: { Location: `/api/program/jobs/${job.id}` }, body: job };
      },
    },
    {
      method: 'get',
      path: '/api/program/jobs/:id',
      access: 'ProgramOwner',
      summary: 'Progress and result of a department scheduling job',
      async handle({ params }) {
        const job = await jobs.get(ports, params.id!);
        if (!job) throw new ApiProblem(errorCodes.notFound, `no scheduling job ${params.id}`);
        return { body: job };
      },
    },
  ];
}
