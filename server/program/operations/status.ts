// The program owner's view of proactive messaging: when the scheduler last
// ran, what waits, what could not be confirmed, and the problems it reported
// (a missing permission, named once).
import type { ProgramPorts } from '../ports.js';
import { operationsProblems, type OperationsProblem } from './installs.js';
import { entriesIn } from './outbox.js';

export interface OperationsStatus {
  lastTickAt: string | null;
  queued: number;
  unconfirmed: Array<{ key: string; problem: string | null }>;
  problems: OperationsProblem[];
}

export async function operationsStatus(ports: Pick<ProgramPorts, 'store' | 'now'>): Promise<OperationsStatus> {
  const [clock, queued, unconfirmed, problems] = await Promise.all([
    ports.store.findByKey('SchedulerState', 'lastTick'),
    entriesIn(ports, 'queued'),
    entriesIn(ports, 'unconfirmed'),
    operationsProblems(ports),
  ]);
  return {
    lastTickAt: clock ? String(clock.fields['Value']) : null,
    queued: queued.length,
    unconfirmed: unconfirmed.map((e) => ({ key: e.key, problem: e.problem })),
    problems,
  };
}
