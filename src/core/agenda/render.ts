// The agenda three ways: Adaptive Card (Teams), HTML (meeting body), plain
// text. Names, action items and templates are untrusted: every renderer escapes.
import { escapeHtml, neutralizeTemplates } from '../notes/model.js';
import type { Agenda } from './build.js';

/** Adaptive Card TextBlocks render a Markdown subset; backslash-escape its syntax. */
export function cardText(text: string): string {
  return neutralizeTemplates(text)
    .replace(/([\\`*_[\]()#>!|~])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

export function agendaToText(agenda: Agenda): string {
  const lines = [agenda.title, `${agenda.durationMinutes} minutes`, ''];
  for (const s of agenda.sections) {
    lines.push(`${s.title} (${s.minutes} min)`);
    for (const item of s.items) lines.push(`  - ${item}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

export const agendaMarker = 'reciprocal-agenda';

/** Wrapped in a marked container so it can be found and replaced without touching the organizer's text. */
export function agendaToHtml(agenda: Agenda): string {
  const sections = agenda.sections
    .map(
      (s) =>
        `<h3>${escapeHtml(neutralizeTemplates(s.title))} <small>(${s.minutes} min)</small></h3><ul>${s.items.map((i) => `<li>${escapeHtml(neutralizeTemplates(i))}</li>`).join('')}</ul>`,
    )
    .join('');
  return `<div id="${agendaMarker}" data-reciprocal-agenda="v1"><h2>${escapeHtml(neutralizeTemplates(agenda.title))}</h2>${sections}</div>`;
}

export interface CardActions {
  openSessionUrl: string;
  /**
   * Only for a card the bot sends: the "Add action item" Universal Action and
   * its input. A card a person posts through Graph has no bot behind it, so
   * Teams cannot deliver its Action.Execute; leave this out and the card keeps
   * to Action.OpenUrl.
   * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions
   */
  addActionItemData?: Record<string, string>;
}

const actionItemInput = {
  type: 'Input.Text',
  id: 'actionItemText',
  label: 'New action item',
  placeholder: 'Something either of you will do before next time',
  maxLength: 280,
  separator: true,
};

export function agendaToAdaptiveCard(agenda: Agenda, actions: CardActions): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: cardText(agenda.title), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: `${agenda.durationMinutes} minutes`, isSubtle: true, spacing: 'None' },
      ...agenda.sections.map((s) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: `${cardText(s.title)} (${s.minutes} min)`, weight: 'Bolder', wrap: true },
          ...s.items.map((i) => ({ type: 'TextBlock', text: `• ${cardText(i)}`, wrap: true, spacing: 'Small' })),
        ],
      })),
      ...(actions.addActionItemData ? [actionItemInput] : []),
    ],
    actions: [
      { type: 'Action.OpenUrl', title: 'Open session', url: actions.openSessionUrl },
      // A Universal Action: the bot answers in the invoke itself (adaptiveCard/action).
      ...(actions.addActionItemData
        ? [
            {
              type: 'Action.Execute',
              title: 'Add action item',
              verb: 'addActionItem',
              data: { ...actions.addActionItemData },
            },
          ]
        : []),
    ],
  };
}
