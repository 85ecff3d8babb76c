// `message` activities: what a person types to the bot in its personal chat
// (or @mentions it in a group chat). The commands the manifest lists answer
// with a card; anything else gets a pointer to them, never silence.
import type { TurnContext } from '@microsoft/agents-hosting';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Pair, Session } from '../../src/core/schemas.js';
import type { BotDeps } from './agent.js';
import { adaptiveCard, cardText, partnerOf } from './cards.js';
import { botCommands, tabDeepLink } from './commands.js';
import { activePairsOf, nextScheduled } from './myPairs.js';

const callerId = (context: TurnContext) => z.string().uuid().safeParse(context.activity.from?.aadObjectId).data ?? null;

/**
 * The words a person typed. The Agents SDK already drops the @mention of the
 * bot (AgentApplication's `removeRecipientMention`, on by default); Teams
 * delivers a mention as `<at>name</at>` in `text` with a matching `mention`
 * entity, so any `<at>` left (another mention, or one without its entity) is
 * cut here too.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#work-with-mentions
 */
export function typedWords(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}

/**
 * The viewer's time zone for dates on cards: Teams sends the client's IANA
 * zone in the `clientInfo` entity of a message (the published personal
 * message in ../shared/contracts/teams carries `"timezone":
 * "America/Los_Angeles"`); without it, or with a zone luxon does not know, UTC, labelled.
 * https://learn.microsoft.com/dotnet/api/microsoft.teams.apps.schema.entities.clientinfoentity.-ctor
 */
function viewerZone(context: TurnContext): string {
  const info = (context.activity.entities ?? []).find((e) => e.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  const zone = typeof info?.timezone === 'string' ? info.timezone : 'UTC';
  return DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

const when = (session: Session, zone: string) =>
  DateTime.fromISO(session.start, { zone }).toFormat("ccc d LLL, HH:mm '(" + zone.replace(/'/g, '') + ")'");

const submitCommand = (title: string) => ({
  type: 'Action.Submit',
  title,
  // imBack: Teams posts `value` into the chat as if the person typed it (works on cards the bot sent).
  // https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions#adaptive-cards-with-messageback-action
  data: { msteams: { type: 'imBack', value: title } },
});

function helpCard(): Record<string, unknown> {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: 'Reciprocal', weight: 'Bolder', size: 'Medium' },
      {
        type: 'TextBlock',
        wrap: true,
        text: 'I help your mentorship pair meet: I find times, book the Teams meeting with an agenda, remind you before each session and ask afterwards how it went. Notes live in the Reciprocal tab.',
      },
      {
        type: 'FactSet',
        facts: botCommands.map((c) => ({ title: c.title, value: c.description })),
      },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: 'Type the name of your partner to see that pair. Never type patient details here.',
      },
    ],
    botCommands.map((c) => submitCommand(c.title)),
  );
}

function pairRow(teamsAppId: string, pair: Pair, viewer: string, next: Session | null, zone: string) {
  const partner = partnerOf(pair, viewer) ?? pair.members[1];
  return {
    type: 'Container',
    separator: true,
    selectAction: { type: 'Action.OpenUrl', url: tabDeepLink(teamsAppId, `pairs/${pair.id}`) },
    items: [
      { type: 'TextBlock', text: cardText(partner.displayName), weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: cardText(
          next ? `Next session: ${when(next, zone)}` : 'No session booked yet: open the pair to find a time.',
        ),
        isSubtle: !next,
        wrap: true,
      },
    ],
  };
}

function pairsCard(
  deps: BotDeps,
  viewer: string,
  found: Array<{ pair: Pair; next: Session | null }>,
  heading: string,
  zone: string,
) {
  if (found.length === 0)
    return adaptiveCard(
      [
        { type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true },
        {
          type: 'TextBlock',
          wrap: true,
          text: 'You are not in an active pair. The program owner pairs people in rounds; your profile in the Reciprocal tab says what you can teach and want to learn.',
        },
      ],
      [{ type: 'Action.OpenUrl', title: 'Open Reciprocal', url: tabDeepLink(deps.teamsAppId, 'profile') }],
    );
  return adaptiveCard(
    [
      { type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true },
      ...found.map(({ pair, next }) => pairRow(deps.teamsAppId, pair, viewer, next, zone)),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open Reciprocal', url: tabDeepLink(deps.teamsAppId, 'pairs') }],
  );
}

async function pairsWithNext(deps: BotDeps, viewer: string) {
  const nowIso = new Date(deps.now()).toISOString();
  const pairs = await activePairsOf(deps.store, viewer);
  return Promise.all(
    pairs.map(async (pair) => ({
      pair,
      next: nextScheduled(await deps.store.sessionsOfPair(pair.id), nowIso) ?? null,
    })),
  );
}

/** The card answering what `viewer` typed. */
export async function answerTyped(deps: BotDeps, viewer: string, words: string, zone: string) {
  const command = words.toLowerCase();
  if (command === '' || command === 'help' || command === '?') return helpCard();
  const mine = await pairsWithNext(deps, viewer);
  if (command === 'pairs') return pairsCard(deps, viewer, mine, 'Your pairs', zone);
  const named = mine.filter(({ pair }) =>
    pair.members.some(
      (m) =>
        m.userId !== viewer &&
        m.displayName
          .toLowerCase()
          .split(/\s+/)
          .some((part) => part.length > 1 && command.includes(part)),
    ),
  );
  if (named.length > 0) return pairsCard(deps, viewer, named, 'Your pair', zone);
  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        wrap: true,
        text: `I only understand a few words: ${botCommands.map((c) => c.title).join(', ')}, or your partner's name.`,
      },
    ],
    botCommands.map((c) => submitCommand(c.title)),
  );
}

export function onMessage(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const viewer = callerId(context);
    if (!viewer) {
      await context.sendActivity({
        type: 'message',
        text: 'Reciprocal answers people signed in with their work account.',
      } as never);
      return;
    }
    const card = await answerTyped(deps, viewer, typedWords(context.activity.text), viewerZone(context));
    await context.sendActivity({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    } as never);
  };
}
