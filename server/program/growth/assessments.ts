// Self-assessments: confidence per focus area, 1 to 5. Private to the person:
// only they read their own; the outcomes read them only to aggregate.
import type { SaveAssessmentRequest, SelfAssessment } from '../../../src/core/growth/model.js';
import { EnrollmentStore } from '../enrollmentStore.js';
import { nowIso, type ProgramPorts } from '../ports.js';
import { assessmentsOf, saveAssessment } from '../../graph/growthStore.js';

type Ports = Pick<ProgramPorts, 'store' | 'now'>;

export const myAssessments = (ports: Ports, personId: string): Promise<SelfAssessment[]> =>
  assessmentsOf(ports.store, personId);

export const takeAssessment = (ports: Ports, personId: string, request: SaveAssessmentRequest) =>
  saveAssessment(ports.store, {
    personId,
    takenAt: nowIso(ports),
    occasion: request.occasion,
    ratings: request.ratings,
  });

/** Whether the person is enrolled (active or paused) and has not yet taken their enrollment self-assessment. */
export async function enrollmentAssessmentDue(ports: Ports, personId: string): Promise<boolean> {
  const [stored, assessments] = await Promise.all([
    new EnrollmentStore(ports.store).profile(personId),
    assessmentsOf(ports.store, personId),
  ]);
  const enrolled = stored?.profile.status === 'active' || stored?.profile.status === 'paused';
  return enrolled && !assessments.some((a) => a.occasion === 'enrollment');
}
