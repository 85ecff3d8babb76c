// The Adaptive Cards the bot sends first: session loop, reminder, nudge,
// partner left / pair ended, digests and the meeting chat's "write your note".
// The bot sends them, so Action.Execute reaches it (verbs in
// server/bot/operationsCards.ts); links into the tab are Action.OpenUrl deep links.
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
import { DateTime } from 'luxon';
import { neutralizeTemplates } from '../../../src/core/notes/model.js';
import { learnedLineMaxChars } from '../../../src/core/sessions/index.js';

export type Card = Record<string, unknown>;

/** The verb of the session-loop card's button (server/bot/operationsCards.ts). */
export const sessionLoopVerb = 'sessionLoop';

/** Adaptive Card TextBlocks render a Markdown subset: names and agenda lines are escaped. */
export const cardText = (text: string): string =>
  neutralizeTemplates(text)
    .replace(/([\\`*_[\]()#>!|~])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
const heading = (value: string) => text(value, { weight: 'Bolder', size: 'Medium' });
const openUrl = (title: string, url: string) => ({ type: 'Action.OpenUrl', title, url });

export const card = (body: unknown[], actions: unknown[] = []): Card => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  actions,
});

/** A session's time as its recipient reads it, in their own zone. */
export const whenFor = (startIso: string, zone: string): string =>
  DateTime.fromISO(startIso, { zone }).toFormat("cccc d LLLL 'at' HH:mm (ZZZZ)");

export interface LoopCardInput {
  sessionId: string;
  partnerName: string;
  start: string;
  zone: string;
  openSessionUrl: string;
  /** The recipient's open goals with one-tap progress (server/program/growth/goalCard.ts); none: nothing shown. */
  goalItems?: ReadonlyArray<Record<string, unknown>>;
}

/** After the session: did it happen, how useful, one line learned; one Action.Execute answers it. */
export function sessionLoopCard(c: LoopCardInput): Card {
  return card(
    [
      heading(`How did your session with ${cardText(c.partnerName)} go?`),
      text(whenFor(c.start, c.zone), { isSubtle: true, spacing: 'None' }),
      {
        type: 'Input.ChoiceSet',
        id: 'outcome',
        label: 'Did it happen?',
        isRequired: true,
        errorMessage: 'Say whether you met.',
        style: 'expanded',
        choices: [
          { title: 'We met', value: 'held' },
          { title: 'It did not happen', value: 'no-show' },
          { title: 'We moved it', value: 'moved' },
        ],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'usefulness',
        label: 'How useful was it? (1 = not at all, 5 = very)',
        style: 'compact',
        choices: [1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) })),
      },
      {
        type: 'Input.Text',
        id: 'learned',
        label: 'One line: what did you learn? (no patient details)',
        maxLength: learnedLineMaxChars,
      },
      ...(c.goalItems ?? []),
    ],
    [
      { type: 'Action.Execute', title: 'Send', verb: sessionLoopVerb, data: { sessionId: c.sessionId } },
      openUrl('Open session', c.openSessionUrl),
    ],
  );
}

export interface ReminderCardInput {
  partnerName: string;
  start: string;
  zone: string;
  agendaLines: string[];
  openActionItems: string[];
  joinUrl: string | null;
  moveUrl: string;
  openSessionUrl: string;
}

/** Before the session: when, the agenda, open action items; Join and Move. */
export function reminderCard(c: ReminderCardInput): Card {
  const list = (title: string, lines: string[]) =>
    lines.length
      ? [
          text(title, { weight: 'Bolder', separator: true }),
          ...lines.map((l) => text(`• ${cardText(l)}`, { spacing: 'Small' })),
        ]
      : [];
  return card(
    [
      heading(`Session with ${cardText(c.partnerName)}`),
      text(whenFor(c.start, c.zone), { spacing: 'None' }),
      ...list('Agenda', c.agendaLines),
      ...list('Open action items', c.openActionItems),
    ],
    [
      ...(c.joinUrl ? [openUrl('Join', c.joinUrl)] : []),
      openUrl('Move', c.moveUrl),
      openUrl('Open session', c.openSessionUrl),
    ],
  );
}

/** No session for a while: "Find a time" opens the pair's scheduling page. */
export const nudgeCard = (partnerName: string, quietDays: number, findTimeUrl: string): Card =>
  card(
    [
      heading(`Time to meet ${cardText(partnerName)} again?`),
      text(`Your pair has had no session for ${quietDays} days. Pick a time that suits you both.`),
    ],
    [openUrl('Find a time', findTimeUrl)],
  );

/** The other person left the program: the pair is over, its history stays readable. */
export const partnerLeftCard = (partnerName: string, historyUrl: string): Card =>
  card(
    [
      heading(`${cardText(partnerName)} has left the program`),
      text(
        'Your pair has ended and its future sessions are cancelled. Your notes and the pair’s history stay yours to read.',
      ),
    ],
    [openUrl('See the history', historyUrl)],
  );

/** The program owner ended the pair. */
export const pairEndedCard = (partnerName: string, cancelled: number, historyUrl: string): Card =>
  card(
    [
      heading(`Your pair with ${cardText(partnerName)} has ended`),
      text(
        cancelled > 0
          ? `${cancelled} upcoming session${cancelled === 1 ? ' was' : 's were'} cancelled; both calendars got the cancellation.`
          : 'There were no upcoming sessions to cancel.',
      ),
      text('Your notes and the pair’s history stay yours to read.'),
    ],
    [openUrl('See the history', historyUrl)],
  );

/** In the meeting chat when the meeting ends: write your note in the side panel or details tab. */
export const meetingNoteCard = (links: { detailsTabUrl: string; openSessionUrl: string }): Card =>
  card(
    [
      heading('Write your note while it is fresh'),
      text('What did each of you teach and learn? Your note stays between the two of you.'),
    ],
    [openUrl('Open the meeting’s notes', links.detailsTabUrl), openUrl('Open session', links.openSessionUrl)],
  );

/** Lines of figures: a digest is read, not explored. */
export const factsCard = (
  title: string,
  sections: Array<{ title: string; facts: Array<[string, string]> }>,
  url: string,
) =>
  card(
    [
      heading(cardText(title)),
      ...sections.flatMap((s) => [
        text(cardText(s.title), { weight: 'Bolder', separator: true }),
        s.facts.length
          ? { type: 'FactSet', facts: s.facts.map(([t, v]) => ({ title: cardText(t), value: cardText(v) })) }
          : text('Nothing this week.', { isSubtle: true }),
      ]),
    ],
    [openUrl('Open the dashboard', url)],
  );
