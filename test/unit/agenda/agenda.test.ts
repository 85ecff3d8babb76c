import { describe, expect, it } from 'vitest';
import {
  agendaToAdaptiveCard,
  agendaToHtml,
  agendaToText,
  AgendaTemplates,
  buildAgenda,
  defaultAgendaTemplates,
  type AgendaInput,
} from '../../../src/core/agenda/index.js';
import type { Direction, FocusArea } from '../../../src/core/schemas.js';

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

describe('who guides', () => {
  const cases: Array<[Direction, FocusArea[], string[]]> = [
    ['reverse', ['technology-adoption'], ['Ana Ruiz guides, Raj Patel learns']],
    ['traditional', ['clinical-expertise'], ['Raj Patel guides, Ana Ruiz learns']],
    [
      'both',
      ['technology-adoption', 'ethical-reasoning'],
      ['Ana Ruiz guides, Raj Patel learns', 'Raj Patel guides, Ana Ruiz learns'],
    ],
  ];
  it.each(cases)('%s: %j', (direction, focusAreas, guides) => {
    const agenda = buildAgenda(input({ direction, focusAreas }));
    const segments = agenda.sections.filter((s) => s.kind === 'segment');
    expect(segments.map((s) => s.title.split(':')[0])).toEqual(guides);
  });
  it('names the newer person as the guide whichever order the pair is stored in', () => {
    const a = buildAgenda(input({ people: [ana, raj] }));
    const b = buildAgenda(input({ people: [raj, ana] }));
    expect(a.sections.find((s) => s.kind === 'segment')!.guide).toBe('Ana Ruiz');
    expect(b.sections.find((s) => s.kind === 'segment')!.guide).toBe('Ana Ruiz');
  });
});

describe('structure', () => {
  const durations = [30, 45, 60];
  const carried = [[], [{ text: 'Send the filter checklist', authorName: 'Ana Ruiz' }]];
  it.each(durations.flatMap((d) => carried.map((c) => [d, c.length] as const)))(
    '%i minutes with %i carried item(s): minutes add up and sections are in order',
    (durationMinutes, carriedCount) => {
      const agenda = buildAgenda(
        input({
          durationMinutes,
          direction: 'both',
          focusAreas: ['work-life-balance', 'leadership'],
          carriedOverActionItems: carried[carriedCount]!,
        }),
      );
      expect(agenda.sections.reduce((n, s) => n + s.minutes, 0)).toBe(durationMinutes);
      expect(agenda.sections.map((s) => s.kind)).toEqual([
        'check-in',
        'segment',
        'segment',
        'ethics',
        ...(carriedCount ? ['action-items'] : []),
        'close',
      ]);
    },
  );
  it('draws prompts from the chosen focus areas and reminds of the ethics and the no-patient-data rule', () => {
    const agenda = buildAgenda(input({ focusAreas: ['cultural-competence'] }));
    const segment = agenda.sections.find((s) => s.kind === 'segment')!;
    expect(segment.items).toEqual(defaultAgendaTemplates.focusPrompts['cultural-competence']);
    expect(agendaToText(agenda)).toMatch(/Reciprocity/);
    expect(agendaToText(agenda)).toMatch(/de-identified/);
  });
  it('takes templates as data: an edited template shows up, an invalid one is refused', () => {
    const edited = { ...defaultAgendaTemplates, checkIn: { title: 'Arrive', prompts: ['One word for your week?'] } };
    expect(buildAgenda(input({ templates: AgendaTemplates.parse(edited) })).sections[0]).toMatchObject({
      title: 'Arrive',
      items: ['One word for your week?'],
    });
    expect(AgendaTemplates.safeParse({ ...defaultAgendaTemplates, checkIn: { title: '', prompts: [] } }).success).toBe(
      false,
    );
  });
});

describe('renderers escape untrusted text', () => {
  const hostileName = { displayName: '<script>alert(1)</script> ${user.secret}', careerStage: 'early' as const };
  const hostileItems = [
    {
      text: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![p](https://t.example/p.png)',
      authorName: '**Raj**',
    },
  ];
  const agenda = buildAgenda(input({ people: [raj, hostileName], carriedOverActionItems: hostileItems }));

  it('HTML: no live tags or template expressions, inside the marked container', () => {
    const html = agendaToHtml(agenda);
    expect(html.startsWith('<div id="reciprocal-agenda" data-reciprocal-agenda="v1">')).toBe(true);
    expect(html.replace(/<\/?(div|h2|h3|small|ul|li)\b[^>]*>/g, '')).not.toMatch(/[<>]/);
    expect(html).not.toContain('${');
    expect(html).toContain('&lt;script&gt;');
  });

  it('Adaptive Card: Markdown syntax escaped, template expressions neutralised, both buttons present', () => {
    const card = agendaToAdaptiveCard(agenda, {
      openSessionUrl: 'https://teams.microsoft.com/l/entity/x/pairs',
      addActionItemData: { action: 'addActionItem', sessionId: 's1' },
    });
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(json).not.toMatch(/(?<!\\\\)\[click\]\(javascript/);
    expect(json).toContain('\\\\*\\\\*Raj\\\\*\\\\*');
    expect((card.actions as Array<{ title: string; type: string }>).map((a) => [a.title, a.type])).toEqual([
      ['Open session', 'Action.OpenUrl'],
      ['Add action item', 'Action.Execute'],
    ]);
  });

  it('text: keeps the words as written (plain text has nothing to execute)', () => {
    expect(agendaToText(agenda)).toContain('<img src=x onerror=alert(1)>');
  });
});
