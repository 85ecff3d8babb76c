// The program owner's department scheduling: start a job, poll it.
import { errorCodes, ScheduleDepartmentRequest } from '../../src/core/api.js';
import { ApiProblem } from '../program/problem.js';
import { ScheduleJobs, type SchedulingPorts } from '../program/schedulingJobs.js';
import { parseInput, type RouteDeclaration } from './route.js';

// bench/scheduling.ts still imports the allocation from here; it lives in server/program/departmentPlan.ts.

export function schedulingRoutes(ports: SchedulingPorts, jobs = new ScheduleJobs()): RouteDeclaration[] {
  return [
    {
      method: 'post',
      path: '/api/program/schedule-department',
      access: 'ProgramOwner',
      summary: 'Schedule the next session for every active pair in a department (a job; poll it)',
      async handle({ body }) {
        const request = parseInput(ScheduleDepartmentRequest, body);
        const job = jobs.start(ports, request.department, request.dryRun);
        return { status: 202, headers: { Location: `/api/program/jobs/${job.id}` }, body: job };
      },
    },
    {
      method: 'get',
      path: '/api/program/jobs/:id',
      access: 'ProgramOwner',
      summary: 'Progress and result of a department scheduling job',
      async handle({ params }) {
        const job = jobs.get(params.id!);
        if (!job) throw new ApiProblem(errorCodes.notFound, `no scheduling job ${params.id}`);
        return { body: job };
      },
    },
  ];
}
