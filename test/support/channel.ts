// Teams as the bot sees it, for tests and benchmarks: channel tokens from the
// dev tenant's Bot Framework channel client, activities posted to the bot's
// endpoint with them, and card buttons pressed the way Teams routes them: only
// a card the bot sent can reach the bot; a card a person posted through Graph
// has no bot behind it, so Teams refuses its Action.Execute/Action.Submit.
import { channelClient, channelPath, connectorPath } from '../../devtenant/index.js';
import { embeddedDefaults } from '../../server/config.js';

/** A token the channel service would send with an activity from `serviceUrl`. */
export async function channelToken(
  devTenantUrl: string,
  serviceUrl: string,
  audience: string = embeddedDefaults.botId,
): Promise<string> {
  const res = await fetch(`${devTenantUrl}${channelPath}/v1/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: channelClient.id,
      client_secret: channelClient.secret,
      audience,
      service_url: serviceUrl,
    }),
  });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token) throw new Error(`channel token refused: ${res.status} ${body.error_description}`);
  return body.access_token;
}

/** The dev tenant's Bot Connector: the serviceUrl of activities whose replies a test reads back. */
export const devConnectorUrl = (devTenantUrl: string) => `${devTenantUrl}${connectorPath}`;

export interface BotAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** POSTs an activity (object or raw text) to the bot, with `token` or none. */
export async function postToBot(appUrl: string, activity: unknown, token?: string): Promise<BotAnswer> {
  const res = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

/** POSTs an activity as the channel does: with a channel token for the activity's own serviceUrl. */
export async function sendAsChannel(
  urls: { appUrl: string; devTenantUrl: string },
  activity: Record<string, unknown>,
): Promise<BotAnswer> {
  const serviceUrl = String(activity['serviceUrl'] ?? '');
  return postToBot(urls.appUrl, activity, await channelToken(urls.devTenantUrl, serviceUrl));
}

export interface SentByBot {
  id: string;
  replyToId: string | null;
  activity: Record<string, unknown>;
}

/** What the bot sent to a conversation through the dev tenant's Connector. */
export async function botSentActivities(devTenantUrl: string, conversationId: string): Promise<SentByBot[]> {
  const res = await fetch(
    `${devTenantUrl}${channelPath}/conversations/${encodeURIComponent(conversationId)}/activities`,
  );
  return ((await res.json()) as { value: SentByBot[] }).value;
}

/** Where a card came from: the bot (an activity it sent, or an invoke answer) or a person through Graph. */
export interface CardSource {
  sentBy: 'bot' | 'graph';
  card: Record<string, unknown>;
}

/** What Teams shows when a card's button has no bot to reach. */
export class CardActionRefused extends Error {}

/**
 * Presses the card's button titled `title`: Action.OpenUrl opens its url (no
 * bot involved); Action.Execute becomes an `adaptiveCard/action` invoke, but
 * only when the bot sent the card. Teams has no documented path from a
 * Graph-posted card to a bot, and reports say none works, so it is refused.
 */
export function pressCardButton(
  source: CardSource,
  title: string,
  inputs: Record<string, string> = {},
): { openUrl: string } | { invokeValue: Record<string, unknown> } {
  const action = allActions(source.card).find((a) => a['title'] === title);
  if (!action) throw new Error(`the card has no button "${title}"`);
  if (action['type'] === 'Action.OpenUrl') return { openUrl: String(action['url']) };
  if (source.sentBy !== 'bot')
    throw new CardActionRefused(
      `"${title}" is on a card a person posted through Graph: Teams has no bot to send it to`,
    );
  const data = { ...((action['data'] ?? {}) as Record<string, unknown>), ...inputs };
  return { invokeValue: { action: { type: action['type'], verb: action['verb'], data } } };
}

/**
 * Presses `button` on a card the bot sent, as Teams would: the `adaptiveCard/action` invoke from `userId`,
 * posted to the bot with a channel token. The bot's answer (its status and body).
 */
export async function pressAsTeams(
  app: { url: string; devTenantUrl: string },
  userId: string,
  card: Record<string, unknown>,
  button: string,
  inputs: Record<string, string> = {},
): Promise<BotAnswer> {
  const pressed = pressCardButton({ sentBy: 'bot', card }, button, inputs) as { invokeValue: unknown };
  const serviceUrl = 'https://smba.trafficmanager.net/amer/';
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `press-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:test', aadObjectId: userId },
    recipient: { id: `28:${embeddedDefaults.botId}`, name: 'Reciprocal' },
    conversation: { id: '19:pressed', tenantId: embeddedDefaults.tenantId },
    channelData: { tenant: { id: embeddedDefaults.tenantId } },
    value: pressed.invokeValue,
  };
  return postToBot(app.url, activity, await channelToken(app.devTenantUrl, serviceUrl));
}

/** The card's buttons: its own actions and those of every ActionSet in its body, at any depth. */
function allActions(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(allActions);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = Array.isArray(o['actions']) ? (o['actions'] as Array<Record<string, unknown>>) : [];
  const nested = ['body', 'items', 'columns'].flatMap((k) => allActions(o[k]));
  return [...own, ...nested];
}

export interface ChannelRecord extends SentByBot {
  conversationId: string;
  receivedAt: string;
}

/** Everything any bot sent through the dev tenant's Connector, oldest first (kept in the dev tenant's store). */
export async function allBotActivities(devTenantUrl: string): Promise<ChannelRecord[]> {
  const res = await fetch(`${devTenantUrl}${channelPath}/activities`);
  return ((await res.json()) as { value: ChannelRecord[] }).value;
}

/** The Adaptive Card an activity carries, if any. */
export const cardOf = (activity: Record<string, unknown>): Record<string, unknown> | null =>
  (
    (activity['attachments'] as Array<{ contentType: string; content: Record<string, unknown> }> | undefined) ?? []
  ).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null;
