// Message-extension dialogs (task/continue): the PHI check on a message's
// text, and the form that starts scheduling a session.
import type { PhiFinding } from '../../src/core/notes/phi.js';
import { neutralizeTemplates } from '../../src/core/notes/model.js';
import { focusAreaLabels, type Pair } from '../../src/core/schemas.js';
import { adaptiveCard, cardText, partnerOf } from './cards.js';
import { commandIds } from './commands.js';

/**
 * A dialog opened by a bot: the card goes in as an attachment, not bare (the bare card is for tabs).
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/task-modules/invoking-task-modules
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/task-modules/task-modules-bots
 */
export function taskDialog(title: string, card: Record<string, unknown>) {
  const attachment = { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
  return { task: { type: 'continue', value: { title, height: 500, width: 'medium', card: attachment } } };
}

/** Shows what looks like PHI in a message and asks the author to edit it out or confirm it. */
export function phiDialog(commandId: string, text: string, findings: readonly PhiFinding[]) {
  const title = commandId === commandIds.saveAsLearningNote ? 'Save as learning note' : 'Add to next agenda';
  return taskDialog(
    title,
    adaptiveCard(
      [
        {
          type: 'TextBlock',
          text: 'This text looks like it holds patient identifiers. Notes are about professional learning: edit them out, or confirm each is not about a patient.',
          wrap: true,
          weight: 'Bolder',
        },
        ...findings.map((f) => ({
          type: 'TextBlock',
          text: cardText(`${f.kind}: "${f.text}"`),
          wrap: true,
          color: 'Attention',
        })),
        { type: 'Input.Text', id: 'text', isMultiline: true, value: neutralizeTemplates(text), label: 'Text to save' },
        {
          type: 'Input.Toggle',
          id: 'confirmed',
          title: 'I confirm none of the flagged text identifies a patient',
          value: 'false',
        },
      ],
      [{ type: 'Action.Submit', title: 'Save', data: { commandId } }],
    ),
  );
}

const directionChoices = [
  { title: 'Reverse (newer guides experienced)', value: 'reverse' },
  { title: 'Traditional (experienced guides newer)', value: 'traditional' },
  { title: 'Both ways', value: 'both' },
];

/** Which pair, how long, which direction and focus areas; the tab then finds the times. */
export function scheduleDialog(pairs: readonly Pair[], viewer: string) {
  return taskDialog(
    'Schedule a session',
    adaptiveCard(
      [
        {
          type: 'Input.ChoiceSet',
          id: 'pairId',
          label: 'Pair',
          isRequired: true,
          choices: pairs.map((p) => ({ title: cardText(partnerOf(p, viewer)?.displayName ?? p.id), value: p.id })),
        },
        {
          type: 'Input.ChoiceSet',
          id: 'durationMinutes',
          label: 'Duration',
          value: '45',
          choices: ['30', '45', '60'].map((v) => ({ title: `${v} minutes`, value: v })),
        },
        { type: 'Input.ChoiceSet', id: 'direction', label: 'Direction', value: 'both', choices: directionChoices },
        {
          type: 'Input.ChoiceSet',
          id: 'focusAreas',
          label: 'Focus areas',
          isMultiSelect: true,
          choices: Object.entries(focusAreaLabels).map(([value, title]) => ({ title, value })),
        },
      ],
      [{ type: 'Action.Submit', title: 'Find times in the tab', data: { commandId: commandIds.schedule } }],
    ),
  );
}
