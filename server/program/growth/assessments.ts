// Self-assessments: confidence per focus area, 1 to 5. Private to the person:
// only they read their own; the outcomes read them only to aggregate.
import type { SaveAssessmentRequest, SelfAssessment } from '../../../src/core/growth/model.js';
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
