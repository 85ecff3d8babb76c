import { describe, expect, it } from 'vitest';
import {
  areasFittingDirection,
  buildAgenda,
  defaultAgendaTemplates,
  focusAreaProblem,
  focusAreasFor,
  type AgendaInput,
} from '../../../src/core/agenda/index.js';
import { focusAreaLabels, type Direction, type FocusArea } from '../../../src/core/schemas.js';

const ana = { displayName: 'Ana Ruiz', careerStage: 'early' as const };
const raj = { displayName: 'Raj Patel', careerStage: 'seasoned' as const };
const agendaFor = (direction: Direction, focusAreas: FocusArea[]) =>
  buildAgenda({
    people: [raj, ana],
    direction,
    focusAreas,
    durationMinutes: 45,
    carriedOverActionItems: [],
    templates: defaultAgendaTemplates,
  } satisfies AgendaInput);
const segments = (direction: Direction, focusAreas: FocusArea[]) =>
  agendaFor(direction, focusAreas).sections.filter((s) => s.kind === 'segment');

describe('focus areas offered for a direction', () => {
  it('offers reverse topics for reverse, traditional topics for traditional and all for both ways', () => {
    expect(focusAreasFor('reverse')).toContain('technology-adoption');
    expect(focusAreasFor('reverse')).not.toContain('clinical-expertise');
    expect(focusAreasFor('traditional')).toContain('clinical-expertise');
    expect(focusAreasFor('traditional')).not.toContain('technology-adoption');
    expect(focusAreasFor('both')).toHaveLength(8);
  });
  const problems: Array<[Direction, FocusArea[], string | null]> = [
    ['reverse', [], 'none-chosen'],
    ['reverse', ['technology-adoption'], null],
    ['reverse', ['clinical-expertise'], 'does-not-fit'],
    ['traditional', ['leadership', 'work-life-balance'], 'does-not-fit'],
    ['both', ['technology-adoption'], 'missing-way'],
    ['both', ['leadership'], 'missing-way'],
    ['both', ['technology-adoption', 'clinical-expertise'], null],
  ];
  it.each(problems)('%s with %j: %s', (direction, areas, kind) => {
    expect(focusAreaProblem(direction, areas)?.kind ?? null).toBe(kind);
  });
  it('keeps only the fitting choices when the direction changes', () => {
    expect(areasFittingDirection('reverse', ['technology-adoption', 'clinical-expertise'])).toEqual([
      'technology-adoption',
    ]);
  });
});

describe('the agenda never contradicts the direction nor drops a topic', () => {
  it('gives a clinical topic chosen with reverse its own segment led by the seasoned person', () => {
    const [first, second] = segments('reverse', ['clinical-expertise']);
    expect(first!.guide).toBe('Ana Ruiz');
    expect(first!.title).not.toContain(focusAreaLabels['clinical-expertise']);
    expect(first!.items.join(' ')).not.toMatch(/experience taught you/);
    expect(second!.guide).toBe('Raj Patel');
    expect(second!.title).toContain(focusAreaLabels['clinical-expertise']);
  });
  it('keeps Clinical expertise on the agenda when chosen with Technology adoption under reverse', () => {
    const all = segments('reverse', ['technology-adoption', 'clinical-expertise']);
    const titles = all.map((s) => s.title).join(' | ');
    expect(titles).toContain(focusAreaLabels['technology-adoption']);
    expect(titles).toContain(focusAreaLabels['clinical-expertise']);
    expect(all.find((s) => s.title.includes('Technology'))!.guide).toBe('Ana Ruiz');
    expect(all.find((s) => s.title.includes('Clinical'))!.guide).toBe('Raj Patel');
  });
  it('does not repeat one way’s topics under the other way’s guide when both ways has topics for one way only', () => {
    const all = segments('both', ['technology-adoption']);
    expect(all.map((s) => s.guide)).toEqual(['Ana Ruiz', 'Raj Patel']);
    expect(all[1]!.title).not.toContain('Technology');
    expect(all[1]!.items).not.toEqual(defaultAgendaTemplates.focusPrompts['technology-adoption']);
  });
  it('still adds up to the session length with an extra segment', () => {
    const agenda = agendaFor('reverse', ['technology-adoption', 'clinical-expertise']);
    expect(agenda.sections.reduce((n, s) => n + s.minutes, 0)).toBe(45);
  });
});
