// The Bot Framework channel service as a bot sees it: the issuer of the tokens
// that come with each activity (its own OpenID metadata and keys, apart from
// the tenant's), a token endpoint only the channel's own client may call (tests
// and benchmarks act as Teams through it), and the Bot Connector endpoint the
// bot sends its replies and proactive messages to (kept in the dev tenant's
// store with their cards, to be read back by the Teams simulation and counted).
// Installing the bot (Graph installedApps) makes the channel tell the bot, as
// Teams does, with a conversationUpdate to the messaging endpoint registered
// for it (the Azure Bot resource's setting; PUT /botframework/bots/{id}).
// Like Teams, the Connector refuses a conversation the bot is not in (the app
// not installed for that person or in that chat): 403 BotNotInConversationRoster.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { Installation } from './graph/teamsApps.js';
import { OAuthError, oauthErrorBody } from './identity/oauthErrors.js';
import { loadOrCreateKey, type SigningKey } from './identity/signingKey.js';
import type { DevTenantStore } from './store.js';

/** The channel service's own client: what stands in for Teams when it calls a bot. */
export const channelClient = { id: 'dev-botframework-channel', secret: 'dev-botframework-channel-secret' } as const;

export const channelPath = '/botframework';
/** Where the Bot Connector answers (an activity's `serviceUrl` in the dev tenant). */
export const connectorPath = `${channelPath}/connector/`;

export interface ChannelOptions {
  dataDir: string;
  /** Bots registered with the channel (their Microsoft App IDs): the only audiences it issues tokens for. */
  botIds: readonly string[];
  /** Checks the bot's own token on Connector calls (audience https://api.botframework.com). */
  verifyBotToken: (token: string) => Promise<unknown>;
  now: () => Date;
  /** Where sent activities and bot endpoints are kept (they outlive a restart, like the tenant's data). */
  store: DevTenantStore;
  tenantId: string;
}

const sentCollection = 'botActivities';
const endpointCollection = 'botEndpoints';
const pendingCollection = 'botPendingInstalls';
/** Where Graph's installedApps keeps installations (./graph/teamsApps.ts). */
const installationsCollection = 'teamsAppInstallations';

/**
 * Teams' answer when the bot posts to, or creates, a conversation it is not part of (the app is not installed
 * there). https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
 * ("Status codes from bot conversational APIs": 403 BotNotInConversationRoster); the body as observed in
 * github.com/MicrosoftDocs/bot-docs/issues/1527.
 */
const notInRoster = {
  error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
};

/** The personal conversation of the bot and a person, as the dev tenant names it. */
export const personalConversationId = (botId: string, userId: string): string => `a:dev-${botId}-${userId}`;

const ChannelTokenRequest = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  audience: z.string().min(1),
  service_url: z.url(),
});

/** What the bot sent to a conversation through the Connector. */
export interface SentActivity {
  id: string;
  conversationId: string;
  replyToId: string | null;
  activity: Record<string, unknown>;
  /** When the Connector accepted it (ISO). */
  receivedAt: string;
}

export class BotFrameworkChannel {
  private sequence = 0;

  private constructor(
    private readonly options: ChannelOptions,
    private readonly key: SigningKey,
  ) {}

  static async create(options: ChannelOptions): Promise<BotFrameworkChannel> {
    return new BotFrameworkChannel(options, await loadOrCreateKey(options.dataDir, 'channel-signing-key.json'));
  }

  /** Set once the https listener knows its port, like the tenant issuer. */
  issuerBase = '';
  /** The http base of the dev tenant: activities' serviceUrl is its Connector path. */
  serviceBase = '';

  get serviceUrl(): string {
    return `${this.serviceBase}${connectorPath}`;
  }

  get issuer(): string {
    return `${this.issuerBase}${channelPath}`;
  }

  /** The claims Microsoft publishes for channel-to-bot tokens, plus `serviceurl`, which the bot compares with the activity's. */
  async channelToken(botId: string, serviceUrl: string, lifetimeSeconds = 3600): Promise<string> {
    const now = Math.floor(this.options.now().getTime() / 1000);
    return new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid, x5t: this.key.kid })
      .setIssuer(this.issuer)
      .setAudience(botId)
      .setNotBefore(now - 300)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(this.key.privateKey);
  }

  router(): Router {
    const r = express.Router();
    r.get(`${channelPath}/v1/.well-known/openidconfiguration`, (req, res) => {
      const origin = `${req.protocol}://${req.get('host')}`;
      res.json({
        issuer: this.issuer,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${origin}${channelPath}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    });
    // Keys carry endorsements: the channels each key may speak for.
    const keys = (_req: Request, res: Response) =>
      res.json({ keys: [{ ...this.key.publicJwk, endorsements: ['msteams'] }] });
    r.get(`${channelPath}/v1/.well-known/keys`, keys);
    // Where the Agents SDK looks for the keys of an issuer other than api.botframework.com: {authority}/discovery/v2.0/keys.
    r.get(`${channelPath}/discovery/v2.0/keys`, keys);
    r.post(`${channelPath}/v1/token`, express.urlencoded({ extended: false, limit: '16kb' }), (req, res) =>
      this.issue(req).then(
        (body) => res.json(body),
        (err: unknown) => {
          const { status, body } = oauthErrorBody(err);
          res.status(status).json(body);
        },
      ),
    );
    r.post(`${connectorPath}v3/conversations`, express.json(), (req, res) => this.createConversation(req, res));
    r.post(`${connectorPath}v3/conversations/:conversationId/activities{/:activityId}`, express.json(), (req, res) =>
      this.receive(req, res),
    );
    r.get(`${channelPath}/conversations/:conversationId/activities`, (req, res) =>
      res.json({ value: this.sentActivities().filter((s) => s.conversationId === req.params.conversationId) }),
    );
    r.get(`${channelPath}/activities`, (_req, res) => res.json({ value: this.sentActivities() }));
    r.put(`${channelPath}/bots/:botId`, express.json({ limit: '16kb' }), (req, res) => this.register(req, res));
    return r;
  }

  private async issue(req: Request): Promise<Record<string, unknown>> {
    const form = ChannelTokenRequest.safeParse(req.body);
    if (!form.success) {
      const field = form.error.issues[0]!.path.join('.');
      throw new OAuthError(400, 'invalid_request', 'AADSTS900144', `The request must contain a valid '${field}'.`);
    }
    const { client_id, client_secret, audience, service_url } = form.data;
    if (client_id !== channelClient.id || client_secret !== channelClient.secret)
      throw new OAuthError(401, 'invalid_client', 'AADSTS7000215', 'Only the channel service gets channel tokens.');
    if (!this.options.botIds.includes(audience))
      throw new OAuthError(400, 'invalid_resource', 'AADSTS500011', `No bot ${audience} is registered.`);
    return {
      token_type: 'Bearer',
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: await this.channelToken(audience, service_url),
    };
  }

  /** Whether the bot's token is good; answers 401 when it is not. */
  private async authenticated(req: Request, res: Response): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    try {
      if (!token) throw new Error('no token');
      await this.options.verifyBotToken(token);
      return true;
    } catch {
      res.status(401).json({ error: { code: 'Unauthorized', message: 'The bot token is not valid.' } });
      return false;
    }
  }

  /**
   * Whether the bot is in a conversation the dev tenant made: a person's personal chat with the bot once the app
   * is installed for them, a chat once it is installed there. Conversations it did not make (tests acting as
   * Teams with their own ids) are taken as ones the bot is in.
   */
  private inRoster(conversationId: string): boolean {
    const installed = (key: string) =>
      this.options.store.documents(installationsCollection).some((d) => String(d['id']).startsWith(`${key}:`));
    const personal = this.options.botIds
      .map((botId) => personalConversationId(botId, ''))
      .find((prefix) => conversationId.startsWith(prefix));
    if (personal) return installed(`user:${conversationId.slice(personal.length)}`);
    if (this.options.store.chat(conversationId)) return installed(`chat:${conversationId}`);
    return true;
  }

  /** The Connector's create-conversation, for a one-on-one chat with one person (`members[0]`). */
  private async createConversation(req: Request, res: Response): Promise<void> {
    if (!(await this.authenticated(req, res))) return;
    const body = z
      .object({
        bot: z.object({ id: z.string() }).optional(),
        members: z.array(z.object({ id: z.string(), aadObjectId: z.string().optional() })).length(1),
      })
      .safeParse(req.body);
    if (!body.success)
      return void res
        .status(400)
        .json({ error: { code: 'BadArgument', message: 'A one-on-one conversation names exactly one member.' } });
    const member = body.data.members[0]!;
    const userId = member.aadObjectId ?? member.id.replace(/^29:/, '');
    const botId = body.data.bot?.id.replace(/^28:/, '') ?? this.options.botIds[0]!;
    const id = personalConversationId(botId, userId);
    if (!this.inRoster(id)) return void res.status(403).json(notInRoster);
    res.status(201).json({ id, serviceUrl: this.serviceUrl, activityId: '' });
  }

  /** The Connector's send-to-conversation and reply-to-activity: the bot authenticates, the activity is kept. */
  private async receive(req: Request, res: Response): Promise<void> {
    if (!(await this.authenticated(req, res))) return;
    if (!this.inRoster(String(req.params.conversationId))) return void res.status(403).json(notInRoster);
    const activity = z.record(z.string(), z.unknown()).safeParse(req.body);
    if (!activity.success)
      return void res.status(400).json({ error: { code: 'BadArgument', message: 'The activity is not an object.' } });
    const id = randomUUID();
    const sent: SentActivity = {
      id,
      conversationId: String(req.params.conversationId),
      replyToId: req.params.activityId ? String(req.params.activityId) : null,
      activity: { ...activity.data, id },
      receivedAt: this.options.now().toISOString(),
    };
    // Ordered by arrival: a sortable prefix, then the id.
    const order = `${Date.now().toString(36).padStart(10, '0')}-${(this.sequence++).toString(36).padStart(8, '0')}-${id}`;
    this.options.store.putDocument(sentCollection, order, sent as unknown as Record<string, unknown>);
    res.status(201).json({ id });
  }

  /** Everything bots sent through the Connector, oldest first. */
  sentActivities(): SentActivity[] {
    return this.options.store.documents(sentCollection) as unknown as SentActivity[];
  }

  private register(req: Request, res: Response): void {
    const body = z.object({ messagingEndpoint: z.url() }).safeParse(req.body);
    const botId = String(req.params.botId);
    if (!this.options.botIds.includes(botId))
      return void res.status(404).json({ error: { code: 'NotFound', message: `No bot ${botId} is registered.` } });
    if (!body.success)
      return void res
        .status(400)
        .json({ error: { code: 'BadArgument', message: 'messagingEndpoint must be an http(s) URL.' } });
    this.options.store.putDocument(endpointCollection, botId, { botId, url: body.data.messagingEndpoint });
    res.json({ botId, messagingEndpoint: body.data.messagingEndpoint });
    for (const pending of this.options.store.documents(pendingCollection)) {
      this.options.store.deleteDocument(pendingCollection, String(pending['id']));
      this.announceInstall(pending['installation'] as Installation);
    }
  }

  /** The activity Teams sends a bot when it is added to a conversation (the published personal shape). */
  installActivity(botId: string, installation: Installation): Record<string, unknown> {
    const bot = { id: `28:${botId}`, name: 'Reciprocal' };
    const conversation =
      installation.scope === 'personal'
        ? {
            conversationType: 'personal',
            id: personalConversationId(botId, installation.userId),
            tenantId: this.options.tenantId,
          }
        : { conversationType: 'groupChat', isGroup: true, id: installation.chatId, tenantId: this.options.tenantId };
    const from =
      installation.scope === 'personal'
        ? { id: `29:${installation.userId}`, aadObjectId: installation.userId }
        : { id: '29:app-installation' };
    return {
      type: 'conversationUpdate',
      id: `f:${randomUUID()}`,
      timestamp: this.options.now().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from,
      recipient: bot,
      conversation,
      membersAdded: [bot, ...(installation.scope === 'personal' ? [from] : [])],
      channelData: { tenant: { id: this.options.tenantId } },
    };
  }

  /** Tells each registered bot it was installed; kept until a bot registers an endpoint if none has. */
  announceInstall(installation: Installation): void {
    const endpoints = this.options.botIds
      .map((botId) => this.options.store.document(endpointCollection, botId))
      .filter((e): e is Record<string, unknown> => e !== null);
    if (endpoints.length === 0) {
      const id = randomUUID();
      return void this.options.store.putDocument(pendingCollection, id, { id, installation });
    }
    for (const endpoint of endpoints) {
      const botId = String(endpoint['botId']);
      const activity = this.installActivity(botId, installation);
      void this.channelToken(botId, this.serviceUrl)
        .then((token) =>
          fetch(String(endpoint['url']), {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(activity),
          }),
        )
        .catch(() => undefined);
    }
  }
}
