// Teams app installations for a user or a chat (installedApps), so a bot can
// reach people proactively: installing the org-catalog app whose bot is ours
// makes Teams send that bot a `conversationUpdate` with `membersAdded` (the
// bot among them) for the new personal or group conversation, which is where
// the bot learns its conversation reference.
// https://learn.microsoft.com/graph/api/userteamwork-post-installedapps (201 Created, no body)
// https://learn.microsoft.com/graph/api/chat-post-installedapps (201 Created, no body)
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
//   ("Proactively install your app using Graph": Teams then sends conversationUpdate to the bot)
import { z } from 'zod';
import { GraphError } from '../graphErrors.js';
import type { DevTenantStore } from '../store.js';
import type { GraphRequest, GraphResponse, GraphRoute } from './dispatch.js';
import { parsePayload } from './payload.js';

/** The org-catalog id of the one app the dev tenant's catalog holds (TEAMS_APP_ID in embedded mode). */
export const devCatalogAppId = '6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';

export type Installation = { scope: 'personal'; userId: string } | { scope: 'groupChat'; chatId: string };

export interface TeamsAppOptions {
  store: DevTenantStore;
  /** The catalog id of the app whose bot the channel serves. */
  catalogAppId: string;
  /** Called after an installation is recorded: Teams tells the app's bot (the channel delivers the activity). */
  onInstalled: (installation: Installation) => void;
}

const Install = z.object({
  'teamsApp@odata.bind': z
    .string()
    .regex(
      /\/appCatalogs\/teamsApps\/[^/]+$/,
      'must bind a catalog app, e.g. https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}',
    ),
});

const collection = 'teamsAppInstallations';

function install(o: TeamsAppOptions, req: GraphRequest, installation: Installation): GraphResponse {
  const body = parsePayload(Install, req.body);
  const appId = decodeURIComponent(body['teamsApp@odata.bind'].split('/').pop()!);
  if (appId !== o.catalogAppId)
    // Graph's answer for an app id absent from the catalog (the manifest id instead of the catalog id, say).
    throw new GraphError(404, 'NotFound', `The teamsApp ${appId} was not found in the app catalog.`);
  const id = installation.scope === 'personal' ? `user:${installation.userId}` : `chat:${installation.chatId}`;
  // Installing an app that is already installed fails with 409 Conflict (the call is not idempotent); the caller
  // then knows the bot is there and waits for, or already has, the conversationUpdate.
  if (o.store.document(collection, `${id}:${appId}`))
    throw new GraphError(409, 'Conflict', 'The app is already installed in this scope.');
  o.store.putDocument(collection, `${id}:${appId}`, { id: `${id}:${appId}`, teamsAppId: appId, ...installation });
  o.onInstalled(installation);
  return { status: 201 };
}

export function teamsAppRoutes(o: TeamsAppOptions): GraphRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/users\/(?<user>[^/]+)\/teamwork\/installedApps$/,
      kind: 'teamsApps.installForUser',
      handle: (req) => {
        const user = o.store.findUser(req.params['user']!);
        if (!user) throw new GraphError(404, 'NotFound', `User '${req.params['user']}' was not found.`);
        return install(o, req, { scope: 'personal', userId: user.id });
      },
    },
    {
      method: 'POST',
      pattern: /^\/chats\/(?<chat>[^/]+)\/installedApps$/,
      kind: 'teamsApps.installInChat',
      handle: (req) => {
        const chatId = req.params['chat']!;
        if (!o.store.chat(chatId)) throw new GraphError(404, 'NotFound', `Chat '${chatId}' was not found.`);
        return install(o, req, { scope: 'groupChat', chatId });
      },
    },
  ];
}
