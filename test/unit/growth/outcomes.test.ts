import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/core/dashboard/index.js';
import {
  aggregateOutcomes,
  changePerPerson,
  outcomesToCsv,
  type OutcomeAssessment,
  type OutcomeInput,
  type OutcomePerson,
} from '../../../src/core/growth/outcomes.js';
import type { CareerStage } from '../../../src/core/schemas.js';

const person = (n: number, careerStage: CareerStage = 'seasoned', department = 'Transplant'): OutcomePerson => ({
  userId: `p${n}`,
  department,
  careerStage,
});
const at = (day: number) => `2026-0${day}-01T10:00:00Z`;
const assessment = (personId: string, day: number, tech: number): OutcomeAssessment => ({
  personId,
  takenAt: at(day),
  ratings: { 'technology-adoption': tech },
});

function input(overrides: Partial<OutcomeInput> = {}): OutcomeInput {
  return { people: [], assessments: [], goals: [], feedback: null, ...overrides };
}

const techChange = (o: ReturnType<typeof aggregateOutcomes>[number], stage: 'seasoned' | 'early' | 'mid' | 'all') =>
  o.confidenceChange.find((c) => c.focusArea === 'technology-adoption')!.byStage[stage];

describe('outcome aggregation', () => {
  it('computes the change per person (first to latest) and then averages people, not assessments', () => {
    const people = [1, 2, 3, 4, 5].map((n) => person(n));
    // p1 takes three assessments (1 -> 2 -> 5: change 4); the others one step each (change 1).
    const assessments = [
      assessment('p1', 1, 1),
      assessment('p1', 2, 2),
      assessment('p1', 3, 5),
      ...[2, 3, 4, 5].flatMap((n) => [assessment(`p${n}`, 3, 3), assessment(`p${n}`, 1, 2)]),
    ];
    const [program] = aggregateOutcomes(input({ people, assessments }));
    // Per person: (4 + 1 + 1 + 1 + 1) / 5 = 1.6; averaging every step instead would give 5 steps of 1 and 2 of 1.5.
    expect(techChange(program!, 'all')).toEqual({ value: 1.6, suppressed: false });
    expect(techChange(program!, 'seasoned')).toEqual({ value: 1.6, suppressed: false });
  });

  it('leaves people with one assessment out of the change', () => {
    const people = [1, 2, 3, 4, 5, 6].map((n) => person(n));
    const assessments = [
      ...[1, 2, 3, 4, 5].flatMap((n) => [assessment(`p${n}`, 1, 2), assessment(`p${n}`, 2, 4)]),
      assessment('p6', 1, 1),
    ];
    expect(changePerPerson(assessments).has('p6')).toBe(false);
    const [program] = aggregateOutcomes(input({ people, assessments }));
    expect(techChange(program!, 'all')).toEqual({ value: 2, suppressed: false });
    expect(program!.assessedTwice).toEqual({ value: 5, suppressed: false });
    expect(program!.people).toEqual({ value: 6, suppressed: false });
  });

  it('suppresses a change that describes 4 people and shows it for 5', () => {
    const twice = (n: number) => [assessment(`p${n}`, 1, 2), assessment(`p${n}`, 2, 3)];
    const four = aggregateOutcomes(
      input({ people: [1, 2, 3, 4].map((n) => person(n)), assessments: [1, 2, 3, 4].flatMap(twice) }),
    );
    expect(techChange(four[0]!, 'all')).toMatchObject({ value: null, suppressed: true });
    expect(four[0]!.people).toMatchObject({ suppressed: true });
    const five = aggregateOutcomes(
      input({ people: [1, 2, 3, 4, 5].map((n) => person(n)), assessments: [1, 2, 3, 4, 5].flatMap(twice) }),
    );
    expect(techChange(five[0]!, 'all')).toEqual({ value: 1, suppressed: false });
  });

  it('splits by career stage, each stage suppressed on its own', () => {
    const seasoned = [1, 2, 3, 4, 5].map((n) => person(n, 'seasoned'));
    const early = [6, 7].map((n) => person(n, 'early'));
    const assessments = [...seasoned, ...early].flatMap((p) => [
      assessment(p.userId, 1, 1),
      assessment(p.userId, 2, 3),
    ]);
    const [program] = aggregateOutcomes(input({ people: [...seasoned, ...early], assessments }));
    expect(techChange(program!, 'seasoned')).toEqual({ value: 2, suppressed: false });
    expect(techChange(program!, 'early')).toMatchObject({ suppressed: true });
    expect(techChange(program!, 'mid')).toMatchObject({ suppressed: true, reason: 'no one yet' });
  });

  it('counts goals achieved and averages usefulness, each suppressed under 5 people', () => {
    const people = [1, 2, 3, 4, 5].map((n) => person(n));
    const goals = people.map((p, i) => ({
      personId: p.userId,
      progress: i < 4 ? ('achieved' as const) : ('under-way' as const),
    }));
    const feedback = people.map((p, i) => ({ personId: p.userId, usefulness: i < 3 ? 5 : 4 }));
    const [program] = aggregateOutcomes(input({ people, goals, feedback }));
    expect(program!.goals.set).toEqual({ value: 5, suppressed: false });
    expect(program!.goals.achieved).toMatchObject({ suppressed: true });
    expect(program!.usefulness?.average).toEqual({ value: 4.6, suppressed: false });
    expect(aggregateOutcomes(input({ people }))[0]!.usefulness).toBeNull();
  });

  it('answers only the departments asked for, and the program plus each department otherwise', () => {
    const people = [person(1, 'early', 'Pediatrics'), person(2, 'early', 'Transplant')];
    expect(aggregateOutcomes(input({ people })).map((o) => o.scope)).toEqual(['program', 'Pediatrics', 'Transplant']);
    expect(aggregateOutcomes(input({ people }), ['Pediatrics']).map((o) => o.scope)).toEqual(['Pediatrics']);
  });

  it('never puts goal text or note text in any output (sentinel)', () => {
    const sentinel = 'SENTINEL-7f3a';
    const people = [1, 2, 3, 4, 5].map((n) => person(n));
    // Records as the store holds them, text and all: the aggregation must drop every word of it.
    const goals = people.map((p) => ({
      personId: p.userId,
      progress: 'achieved' as const,
      title: sentinel,
      updates: [{ text: sentinel }],
    }));
    const feedback = people.map((p) => ({ personId: p.userId, usefulness: 4, learned: sentinel }));
    const assessments = people.flatMap((p) => [
      { ...assessment(p.userId, 1, 2), note: sentinel },
      { ...assessment(p.userId, 2, 4), note: sentinel },
    ]);
    const outcomes = aggregateOutcomes(input({ people, goals, feedback, assessments }));
    expect(JSON.stringify(outcomes)).not.toContain(sentinel);
    expect(outcomesToCsv(outcomes, csvCell)).not.toContain(sentinel);
  });
});
