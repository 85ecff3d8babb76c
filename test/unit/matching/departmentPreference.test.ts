// A person who does not welcome cross-department pairs (their profile's answer) is paired only
// inside their department, whatever the round's rule allows.
import { describe, expect, it } from 'vitest';
import { proposeRound } from '../../../src/core/matching/index.js';
import { instance, person } from './support.js';

const early = (id: string, department: string, crossDepartment?: boolean) =>
  person(id, {
    careerStage: 'early',
    department,
    canTeach: ['technology-adoption'],
    wantsToLearn: ['clinical-expertise'],
    ...(crossDepartment === undefined ? {} : { crossDepartment }),
  });
const seasoned = (id: string, department: string, crossDepartment?: boolean) =>
  person(id, {
    careerStage: 'seasoned',
    department,
    canTeach: ['clinical-expertise'],
    wantsToLearn: ['technology-adoption'],
    ...(crossDepartment === undefined ? {} : { crossDepartment }),
  });

describe('cross-department welcome', () => {
  it('never pairs across departments someone who does not welcome it, in a round that allows any', () => {
    const match = proposeRound(instance([early('ana', 'Pediatrics', false), seasoned('raj', 'Transplant')]));
    expect(match.pairs).toEqual([]);
    expect(match.unmatched.find((u) => u.id === 'ana')?.reason).toContain('1 colleague in other departments');
  });

  it('is honoured from either side of the pair', () => {
    const match = proposeRound(instance([early('ana', 'Pediatrics'), seasoned('raj', 'Transplant', false)]));
    expect(match.pairs).toEqual([]);
  });

  it('still pairs them inside their own department', () => {
    const match = proposeRound(
      instance([early('ana', 'Pediatrics', false), seasoned('raj', 'Transplant'), seasoned('mei', 'Pediatrics')]),
    );
    expect(match.pairs.map((p) => [p.a, p.b])).toEqual([['ana', 'mei']]);
  });

  it('pairs across departments when both welcome it (the default)', () => {
    expect(
      proposeRound(instance([early('ana', 'Pediatrics', true), seasoned('raj', 'Transplant')])).pairs,
    ).toHaveLength(1);
  });
});
