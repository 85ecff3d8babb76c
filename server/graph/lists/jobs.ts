// The program site's lists for department scheduling jobs; spread into
// programLists (../programLists.ts). A job is a record any instance can poll
// and continue: the job item carries status, plan and the lease (who drives it,
// until when); each pair's outcome is its own item, written once under a
// deterministic key, so two drivers never lose each other's results.
import { boolean, choice, dateTime, key, longText, number, text, type ListDefinition } from '../listColumns.js';

export const jobsLists = {
  SchedulingJobs: {
    displayName: 'SchedulingJobs',
    description: 'Department scheduling jobs: status, plan and the lease of the instance driving each.',
    columns: [
      key,
      { name: 'Department', type: text(128) },
      { name: 'DryRun', type: boolean },
      { name: 'Status', type: choice('running', 'done', 'failed'), indexed: true },
      { name: 'StartedAt', type: dateTime },
      // The run's window, fixed when it starts: the occurrence key (and so the
      // transactionId) a resumed run books under must be the first driver's.
      { name: 'WindowStart', type: dateTime },
      { name: 'WindowEnd', type: dateTime },
      { name: 'FinishedAt', type: dateTime },
      { name: 'Total', type: number },
      { name: 'People', type: number },
      { name: 'FreeBusyRequests', type: number },
      { name: 'Reason', type: longText },
      { name: 'LeaseOwner', type: text(64) },
      { name: 'LeaseExpires', type: dateTime },
    ],
  },
  SchedulingJobPairs: {
    displayName: 'SchedulingJobPairs',
    description: "Each pair's outcome in a department scheduling job (booked, or why not).",
    columns: [
      key,
      { name: 'JobId', type: text(64), indexed: true },
      { name: 'PairId', type: text(64) },
      { name: 'Outcome', type: choice('scheduled', 'notScheduled') },
      { name: 'Start', type: dateTime },
      { name: 'End', type: dateTime },
      { name: 'SessionId', type: text(255) },
      { name: 'EventId', type: longText },
      { name: 'AlreadyBooked', type: boolean },
      { name: 'Reason', type: longText },
    ],
  },
} satisfies Record<string, ListDefinition>;
