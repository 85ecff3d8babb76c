// The pairing rules one by one, on rounds built by hand, and the words each pair and each
// unmatched person carries.
import { describe, expect, it } from 'vitest';
import { MatchingInput, proposeRound, type MatchingProfile } from '../../../src/core/matching/index.js';
import { instance, person } from './support.js';

/** Two people who would make an ideal pair: early and seasoned, each teaching what the other wants. */
const ana = (overrides: Partial<MatchingProfile> = {}) =>
  person('ana', {
    careerStage: 'early',
    department: 'Pediatrics',
    canTeach: ['technology-adoption'],
    wantsToLearn: ['clinical-expertise'],
    ...overrides,
  });
const raj = (overrides: Partial<MatchingProfile> = {}) =>
  person('raj', {
    careerStage: 'seasoned',
    department: 'Transplant',
    canTeach: ['clinical-expertise'],
    wantsToLearn: ['technology-adoption'],
    ...overrides,
  });

describe('reporting lines', () => {
  for (const levels of [1, 2, 3, 4]) {
    it(`never pairs someone with a manager ${levels} level(s) up, though everything else fits`, () => {
      // raj <- m1 <- m2 ... : ana reports up a chain whose top is raj.
      const middle = Array.from({ length: levels - 1 }, (_, k) =>
        person(`m${k + 1}`, { managerId: k === levels - 2 ? 'raj' : `m${k + 2}`, maxPairs: 0 }),
      );
      const round = instance([ana({ managerId: levels === 1 ? 'raj' : 'm1' }), raj(), ...middle]);
      const match = proposeRound(round);
      expect(match.pairs).toEqual([]);
      expect(match.unmatched.find((u) => u.id === 'ana')?.reason).toContain('1 colleague in their reporting line');
      // The same two outside one reporting line are paired.
      expect(proposeRound(instance([ana(), raj(), ...middle])).pairs).toHaveLength(1);
    });
  }

  it('survives a cycle in the manager data', () => {
    const match = proposeRound(instance([ana({ managerId: 'raj' }), raj({ managerId: 'ana' })]));
    expect(match.pairs).toEqual([]);
  });

  it('still pairs colleagues who share a manager (siblings are not in one line)', () => {
    const boss = person('boss', { maxPairs: 0 });
    expect(proposeRound(instance([ana({ managerId: 'boss' }), raj({ managerId: 'boss' }), boss])).pairs).toHaveLength(
      1,
    );
  });
});

describe('round rules', () => {
  it('does not repeat an earlier pair unless the round allows it', () => {
    const people = [ana(), raj()];
    const again = proposeRound(instance(people, { pastPairs: [['raj', 'ana']] }));
    expect(again.pairs).toEqual([]);
    expect(again.unmatched[0]!.reason).toContain('already paired with them in an earlier round');
    const allowed = proposeRound(
      instance(people, { pastPairs: [['raj', 'ana']], rules: { department: 'any', allowRepeats: true } }),
    );
    expect(allowed.pairs[0]!.reasons).toContain('paired before (this round allows repeats)');
  });

  it('keeps to the department rule', () => {
    const rules = (department: 'same' | 'cross') => ({ department, allowRepeats: false });
    expect(proposeRound(instance([ana(), raj()], { rules: rules('same') })).pairs).toEqual([]);
    expect(proposeRound(instance([ana(), raj()], { rules: rules('cross') })).pairs).toHaveLength(1);
    const sameDepartment = [ana({ department: 'Transplant' }), raj()];
    expect(proposeRound(instance(sameDepartment, { rules: rules('cross') })).pairs).toEqual([]);
    expect(proposeRound(instance(sameDepartment, { rules: rules('same') })).pairs).toHaveLength(1);
  });

  it('honours capacity: a seasoned mentor with room for two gets two, never three', () => {
    const early = ['e1', 'e2', 'e3'].map((id) => ana({ id }));
    expect(proposeRound(instance([raj({ maxPairs: 2 }), ...early])).pairs.map((p) => p.b)).toHaveLength(2);
    expect(proposeRound(instance([raj({ maxPairs: 1 }), ...early])).pairs).toHaveLength(1);
    expect(proposeRound(instance([raj({ maxPairs: 0 }), ...early])).unmatched.find((u) => u.id === 'raj')?.reason).toBe(
      'not taking a pair this round (maxPairs is 0)',
    );
  });

  it('pairs nobody without a two-way exchange or with two people at the same end of a career', () => {
    expect(proposeRound(instance([ana(), raj({ wantsToLearn: ['leadership'] })])).pairs).toEqual([]);
    const twoEarly = proposeRound(instance([ana(), raj({ careerStage: 'early' })]));
    expect(twoEarly.pairs).toEqual([]);
    expect(twoEarly.unmatched[0]!.reason).toBe('no colleague can be paired with them: 1 colleague also early career');
    expect(proposeRound(instance([ana({ careerStage: 'mid' }), raj({ careerStage: 'mid' })])).pairs).toHaveLength(1);
  });
});

describe('shared working time across time zones', () => {
  const hours = (start: string, end: string, days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']) => ({
    start,
    end,
    days: days as MatchingProfile['workingHours']['days'],
  });

  it('never pairs Chicago 08:00-17:00 with Kolkata 09:00-17:00 (no hour in common)', () => {
    const match = proposeRound(
      instance([ana(), raj({ timeZone: 'Asia/Kolkata', workingHours: hours('09:00', '17:00') })]),
    );
    expect(match.pairs).toEqual([]);
    expect(match.unmatched[0]!.reason).toContain('under an hour of shared working time on 3 days a week');
  });

  it('needs an hour on at least three days: two days are not enough, three are', () => {
    const london = (days: string[]) => raj({ timeZone: 'Europe/London', workingHours: hours('09:00', '15:00', days) });
    // Chicago 08:00 is 14:00 in London in January: one hour a day in common.
    expect(proposeRound(instance([ana(), london(['monday', 'tuesday'])])).pairs).toEqual([]);
    const three = proposeRound(instance([ana(), london(['monday', 'tuesday', 'friday'])]));
    expect(three.pairs[0]!.reasons).toContain('1 h shared working time on 3 days a week');
    // 14:00 to 14:59 is not an hour.
    expect(
      proposeRound(instance([ana({ workingHours: hours('08:01', '17:00') }), london(['monday', 'tuesday', 'friday'])]))
        .pairs,
    ).toEqual([]);
  });

  it('pairs a night shift with a day shift elsewhere when their hours meet', () => {
    const night = raj({ timeZone: 'Asia/Kolkata', workingHours: hours('19:00', '07:00') });
    expect(proposeRound(instance([ana(), night])).pairs).toHaveLength(1);
  });
});

describe('reasons in words', () => {
  it('says what each teaches the other, the career stages, the shared time and the departments', () => {
    const match = proposeRound(
      instance([
        ana({ canTeach: ['technology-adoption', 'work-life-balance'] }),
        raj({ wantsToLearn: ['technology-adoption', 'work-life-balance'], timeZone: 'America/New_York' }),
      ]),
    );
    expect(match.pairs).toEqual([
      {
        a: 'ana',
        b: 'raj',
        score: match.score,
        reasons: [
          'ana teaches Technology adoption and Work-life balance, which raj wants to learn',
          'raj teaches Clinical expertise, which ana wants to learn',
          'early career with seasoned',
          '8 h shared working time on 5 days a week',
          'different departments',
        ],
      },
    ]);
    expect(match.unmatched).toEqual([]);
  });

  it('says why someone with possible partners was left out', () => {
    const match = proposeRound(instance([raj(), ana({ id: 'ann' }), ana({ id: 'ana', canTeach: ['leadership'] })]));
    expect(match.pairs.map((p) => [p.a, p.b])).toEqual([['ann', 'raj']]);
    expect(match.unmatched).toEqual([
      {
        id: 'ana',
        reason:
          'no colleague can be paired with them: 1 colleague also early career; 1 colleague without a two-way exchange (each must teach something the other wants to learn)',
      },
    ]);
  });
});

describe('MatchingInput', () => {
  it('names the field that is wrong', () => {
    const bad = MatchingInput.safeParse({
      people: [{ ...ana(), workingHours: { start: '8am', end: '17:00', days: [] } }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual([
      'people.0.workingHours.start',
      'people.0.workingHours.days',
    ]);
    const duplicate = MatchingInput.safeParse({ people: [ana(), ana()] });
    expect(duplicate.error!.issues[0]!.path).toEqual(['people', 1, 'id']);
    expect(MatchingInput.safeParse({ people: [ana({ timeZone: 'Mars/Olympus' })] }).error!.issues[0]!.path).toEqual([
      'people',
      0,
      'timeZone',
    ]);
  });
});
