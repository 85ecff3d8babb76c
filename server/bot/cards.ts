// Adaptive Cards the bot sends, and the text that goes into and comes out of
// Teams: card text made inert, a chat message's visible text, the pair card.
import { escapeHtml, neutralizeTemplates } from '../../src/core/notes/model.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import { tabDeepLink } from '../program/deepLinks.js';

/** Text for Adaptive Card TextBlocks: Markdown syntax and template expressions neutralised. */
export function cardText(text: string): string {
  return neutralizeTemplates(text).replace(/([\\`*_[\]()#>!|~])/g, '\\$1');
}

/** The visible text of a Teams message body (HTML). */
export function messageText(content: string): string {
  return content
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export function adaptiveCard(body: unknown[], actions: unknown[] = []): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  };
}

/** The other member of a pair, seen from `viewer`. */
export const partnerOf = (pair: Pair, viewer: string) => pair.members.find((m) => m.userId !== viewer);

/** A search result: the pair, its next session, and deep links into the tab. */
export function pairCard(teamsAppId: string, pair: Pair, viewer: string, next: Session | null) {
  const partner = partnerOf(pair, viewer) ?? pair.members[1];
  const when = next ? new Date(next.start).toUTCString().replace(':00 GMT', ' UTC') : 'no session scheduled';
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: adaptiveCard(
      [
        { type: 'TextBlock', text: cardText(`Pair with ${partner.displayName}`), weight: 'Bolder', wrap: true },
        {
          type: 'TextBlock',
          text: cardText(`${partner.department} · ${partner.careerStage} · ${pair.cadence}`),
          isSubtle: true,
          wrap: true,
        },
        { type: 'TextBlock', text: cardText(`Next: ${when}`), wrap: true },
      ],
      [
        { type: 'Action.OpenUrl', title: 'Open pair', url: tabDeepLink(teamsAppId, `pairs/${pair.id}`) },
        ...(next
          ? [{ type: 'Action.OpenUrl', title: 'Open session', url: tabDeepLink(teamsAppId, `sessions/${next.id}`) }]
          : []),
      ],
    ),
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: escapeHtml(partner.displayName), text: escapeHtml(`${partner.department} · next: ${when}`) },
    },
  };
}
