import { describe, expect, it } from 'vitest';
import { agendaToHtml, buildAgenda, defaultAgendaTemplates } from '../../../src/core/agenda/index.js';
import { findAgendaContainer, hasAgenda, withAgenda, withoutAgenda } from '../../../src/outlook/agendaBody.js';

const agenda = (title: string) =>
  agendaToHtml({
    ...buildAgenda({
      people: [
        { displayName: 'Ana Ruiz', careerStage: 'early' },
        { displayName: 'Raj Patel', careerStage: 'seasoned' },
      ],
      direction: 'reverse',
      focusAreas: ['technology-adoption'],
      durationMinutes: 45,
      carriedOverActionItems: [],
      templates: defaultAgendaTemplates,
    }),
    title,
  });

const organizerText = '<div><p>Hi Raj, bring the discharge checklist.</p><div class="sig">Ana</div></div>';

describe('withAgenda', () => {
  const cases: Array<{ name: string; body: string; keep: string[] }> = [
    {
      name: "a full HTML document with the organizer's text",
      body: `<html><head><meta charset="utf-8"></head><body>${organizerText}</body></html>`,
      keep: [organizerText, '<head><meta charset="utf-8"></head>'],
    },
    { name: 'a fragment with nested divs', body: organizerText, keep: [organizerText] },
    {
      name: 'text with a Teams join block',
      body: '<p>Agenda to follow</p><div><a href="https://teams.microsoft.com/l/meetup-join/x">Join the meeting now</a></div>',
      keep: ['<p>Agenda to follow</p>', 'Join the meeting now'],
    },
  ];
  for (const c of cases) {
    it(`keeps everything the organizer wrote: ${c.name}`, () => {
      const result = withAgenda(c.body, agenda('First'));
      for (const piece of c.keep) expect(result).toContain(piece);
      expect(result.indexOf(c.keep[0]!)).toBeLessThan(result.indexOf('data-reciprocal-agenda'));
      expect(hasAgenda(result)).toBe(true);
      expect(withoutAgenda(result).replace('<p>&nbsp;</p>', '')).toBe(c.body);
    });
  }

  it('puts the agenda inside <body>, not after </html>', () => {
    const result = withAgenda('<html><body><p>Hello</p></body></html>', agenda('First'));
    expect(result.endsWith('</div></body></html>')).toBe(true);
  });

  it('on re-insert replaces only our container, wherever the organizer kept writing', () => {
    const once = withAgenda(`<html><body>${organizerText}</body></html>`, agenda('First version'));
    const edited = once
      .replace('</body>', '<p>Added after the agenda</p></body>')
      .replace('<body>', '<body><p>Added before</p>');
    const twice = withAgenda(edited, agenda('Second version'));
    expect(twice).not.toContain('First version');
    expect(twice).toContain('Second version');
    expect(twice.match(/data-reciprocal-agenda/g)).toHaveLength(1);
    for (const piece of ['<p>Added before</p>', organizerText, '<p>Added after the agenda</p>'])
      expect(twice).toContain(piece);
    expect(twice.indexOf('Second version')).toBeLessThan(twice.indexOf('Added after the agenda'));
  });

  it('finds the container after Outlook rewrote it (x_ id prefix, quoting, attribute order)', () => {
    const rewritten = `<html><body><p>Mine</p><div id=x_reciprocal-agenda><h2>Old</h2><div><ul><li>one</li></ul></div></div><p>Tail</p></body></html>`;
    const container = findAgendaContainer(rewritten)!;
    expect(rewritten.slice(container.start, container.end)).toBe(
      '<div id=x_reciprocal-agenda><h2>Old</h2><div><ul><li>one</li></ul></div></div>',
    );
    const replaced = withAgenda(rewritten, agenda('New'));
    expect(replaced).toContain('<p>Mine</p>');
    expect(replaced).toContain('<p>Tail</p>');
    expect(replaced).not.toContain('Old');
  });

  it('an empty body gets just the agenda', () => {
    expect(withAgenda('', agenda('Only'))).toBe(agenda('Only'));
    expect(withAgenda('<html><body></body></html>', agenda('Only'))).toBe(
      `<html><body>${agenda('Only')}</body></html>`,
    );
  });

  it('an unclosed container (a truncated body) is replaced up to </body>', () => {
    const truncated = '<html><body><p>Keep</p><div data-reciprocal-agenda="v1"><h2>Cut off</body></html>';
    expect(withAgenda(truncated, agenda('Whole'))).toBe(`<html><body><p>Keep</p>${agenda('Whole')}</body></html>`);
  });

  it('refuses agenda HTML without the marked container (it could never be found again)', () => {
    expect(() => withAgenda('<p>x</p>', '<h2>Agenda</h2>')).toThrow(/data-reciprocal-agenda/);
  });

  it('does not mistake other divs for ours', () => {
    expect(findAgendaContainer('<div id="reciprocal-agendas-archive">x</div><div data-agenda="1">y</div>')).toBeNull();
  });
});
