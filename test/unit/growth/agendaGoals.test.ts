import { describe, expect, it } from 'vitest';
import { agendaToHtml, buildAgenda, defaultAgendaTemplates, type AgendaInput } from '../../../src/core/agenda/index.js';

const ana = { displayName: 'Ana Ruiz', careerStage: 'early' as const };
const raj = { displayName: 'Raj Patel', careerStage: 'seasoned' as const };
const input = (over: Partial<AgendaInput> = {}): AgendaInput => ({
  people: [raj, ana],
  direction: 'reverse',
  focusAreas: ['technology-adoption'],
  durationMinutes: 45,
  carriedOverActionItems: [],
  templates: defaultAgendaTemplates,
  ...over,
});

describe('the agenda reviews open goals', () => {
  it('has a "Review goals" section listing each open goal with whose it is and where it stands', () => {
    const agenda = buildAgenda(
      input({
        openGoals: [
          { ownerName: 'Ana Ruiz', kind: 'teach', title: 'Show saved filters', progress: 'under-way' },
          { ownerName: 'Raj Patel', kind: 'learn', title: 'Use the discharge dashboard', progress: 'not-started' },
        ],
      }),
    );
    const goals = agenda.sections.find((s) => s.kind === 'goals');
    expect(goals?.title).toBe('Review goals');
    expect(goals?.items).toEqual([
      'Ana Ruiz (to teach): Show saved filters (under way)',
      'Raj Patel (to learn): Use the discharge dashboard (not started)',
    ]);
    expect(agenda.sections.reduce((sum, s) => sum + s.minutes, 0)).toBe(45);
  });

  it('has no goals section when nobody has an open goal', () => {
    for (const openGoals of [undefined, []])
      expect(buildAgenda(input({ openGoals })).sections.map((s) => s.kind)).not.toContain('goals');
  });

  it('escapes a goal title in the meeting body', () => {
    const agenda = buildAgenda(
      input({ openGoals: [{ ownerName: 'Ana', kind: 'learn', title: '<img src=x>', progress: 'under-way' }] }),
    );
    expect(agendaToHtml(agenda)).not.toContain('<img');
  });
});
