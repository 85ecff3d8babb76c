// Teams chats: create (one-on-one returns the existing chat for the same two
// people), post messages with Adaptive Card attachments, list messages.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GraphError, badRequest } from '../graphErrors.js';
import type { DevTenantStore } from '../store.js';
import type { GraphRequest, GraphResponse, GraphRoute } from './dispatch.js';
import { graphContext, page, parseTop } from './odata.js';
import { parsePayload } from './payload.js';

const Member = z.object({
  '@odata.type': z.string().optional(),
  roles: z.array(z.string()).default(['owner']),
  'user@odata.bind': z
    .string()
    .regex(/users\(?'?([^')/]+)'?\)?$/, "must bind a user, e.g. https://graph.microsoft.com/v1.0/users('{id}')"),
});
const ChatCreate = z.object({
  chatType: z.enum(['oneOnOne', 'group']),
  topic: z.string().max(250).optional(),
  members: z.array(Member).min(2).max(250),
});
const Attachment = z.object({
  id: z.string().min(1),
  contentType: z.string().min(1),
  contentUrl: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  thumbnailUrl: z.string().nullable().optional(),
});
const MessageCreate = z.object({
  body: z.object({ contentType: z.enum(['text', 'html']).default('text'), content: z.string().max(28_000) }),
  subject: z.string().nullable().optional(),
  importance: z.enum(['normal', 'high', 'urgent']).default('normal'),
  attachments: z.array(Attachment).max(10).default([]),
});
type MessageCreate = z.infer<typeof MessageCreate>;

export interface ChatOptions {
  store: DevTenantStore;
  tenantId: string;
  now: () => Date;
}

function findChat(store: DevTenantStore, req: GraphRequest): Record<string, unknown> {
  const chat = store.chat(String(req.params.chat));
  if (!chat) throw new GraphError(404, 'NotFound', `Chat '${String(req.params.chat)}' was not found.`);
  return chat;
}

function createChat({ store, tenantId, now }: ChatOptions, req: GraphRequest): GraphResponse {
  const input = parsePayload(ChatCreate, req.body);
  const memberIds = input.members.map((m) => {
    const id = /users\(?'?([^')/]+)'?\)?$/.exec(m['user@odata.bind'])![1]!;
    const user = store.findUser(id);
    if (!user) throw badRequest(`Member '${id}' was not found in the tenant.`);
    return user.id;
  });
  if (input.chatType === 'oneOnOne' && memberIds.length !== 2)
    throw badRequest('A oneOnOne chat has exactly two members.');
  const key = [...new Set(memberIds)].sort().join('|');
  if (input.chatType === 'oneOnOne') {
    const existing = store.chatByMembers(`oneOnOne:${key}`);
    if (existing) return { status: 201, body: { '@odata.context': `${graphContext}#chats/$entity`, ...existing } };
  }
  const hash = createHash('sha256')
    .update(`${key}|${input.chatType}|${store.chatByMembers(`group:${key}`) ? now().getTime() : ''}`)
    .digest('hex')
    .slice(0, 32);
  const id =
    input.chatType === 'oneOnOne' ? `19:${memberIds[0]}_${memberIds[1]}@unq.gbl.spaces` : `19:${hash}@thread.v2`;
  const stamp = now().toISOString();
  const chat = {
    id,
    topic: input.topic ?? null,
    createdDateTime: stamp,
    lastUpdatedDateTime: stamp,
    chatType: input.chatType,
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(id)}/0?tenantId=${tenantId}`,
    tenantId,
    onlineMeetingInfo: null,
    viewpoint: null,
  };
  store.insertChat(id, `${input.chatType}:${key}`, chat);
  return { status: 201, body: { '@odata.context': `${graphContext}#chats/$entity`, ...chat } };
}

/** Teams shows an Adaptive Card only when it parses and the body places it. */
function checkAttachments(input: MessageCreate): void {
  for (const a of input.attachments) {
    if (a.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
    try {
      JSON.parse(a.content ?? '');
    } catch {
      throw badRequest(`Attachment '${a.id}' content is not valid Adaptive Card JSON.`);
    }
    if (!input.body.content.includes(`<attachment id="${a.id}"></attachment>`))
      throw badRequest(
        `The message body must reference attachment '${a.id}' with <attachment id="${a.id}"></attachment>.`,
      );
  }
}

function messageResource(
  input: MessageCreate,
  ids: { id: string; chatId: string },
  created: Date,
  sender: { id: string; displayName: string | null },
): Record<string, unknown> {
  return {
    id: ids.id,
    replyToId: null,
    etag: ids.id,
    messageType: 'message',
    createdDateTime: created.toISOString(),
    lastModifiedDateTime: created.toISOString(),
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: input.subject ?? null,
    summary: null,
    chatId: ids.chatId,
    importance: input.importance,
    locale: 'en-us',
    webUrl: null,
    channelIdentity: null,
    policyViolation: null,
    eventDetail: null,
    from: {
      application: null,
      device: null,
      conversation: null,
      user: { id: sender.id, displayName: sender.displayName, userIdentityType: 'aadUser' },
    },
    body: input.body,
    attachments: input.attachments.map((a) => ({ contentUrl: null, name: null, thumbnailUrl: null, ...a })),
    mentions: [],
    reactions: [],
    messageHistory: [],
  };
}

function postMessage({ store, now }: ChatOptions, req: GraphRequest): GraphResponse {
  const chat = findChat(store, req);
  if (!req.caller.userId)
    throw new GraphError(
      403,
      'Forbidden',
      'Sending chat messages requires a delegated token (ChatMessage.Send); application permissions are only supported for migration.',
    );
  const input = parsePayload(MessageCreate, req.body);
  checkAttachments(input);
  const user = store.findUser(req.caller.userId);
  const created = now();
  const id = String(created.getTime() + Math.floor(Math.random() * 1000));
  const chatId = String(chat['id']);
  const sender = { id: user?.id ?? req.caller.userId, displayName: user?.displayName ?? null };
  const message = messageResource(input, { id, chatId }, created, sender);
  store.insertChatMessage(id, chatId, created.getTime(), message);
  return {
    status: 201,
    body: { '@odata.context': `${graphContext}#chats('${encodeURIComponent(chatId)}')/messages/$entity`, ...message },
  };
}

function listMessages({ store }: ChatOptions, req: GraphRequest): GraphResponse {
  const chatId = String(findChat(store, req)['id']);
  const top = parseTop(req.query, 20, 50);
  const path = `/chats/${encodeURIComponent(chatId)}/messages`;
  const { value, nextLink } = page(store.chatMessages(chatId), req.query, req.baseUrl, path, top);
  return {
    status: 200,
    body: {
      '@odata.context': `${graphContext}#chats('${encodeURIComponent(chatId)}')/messages`,
      '@odata.count': value.length,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value,
    },
  };
}

export function chatRoutes(o: ChatOptions): GraphRoute[] {
  const messages = /^\/chats\/(?<chat>[^/]+)\/messages$/;
  return [
    { method: 'POST', pattern: /^\/chats$/, kind: 'chats.create', handle: (req) => createChat(o, req) },
    {
      method: 'GET',
      pattern: /^\/chats\/(?<chat>[^/]+)$/,
      kind: 'chats.get',
      handle: (req) => ({
        status: 200,
        body: { '@odata.context': `${graphContext}#chats/$entity`, ...findChat(o.store, req) },
      }),
    },
    { method: 'POST', pattern: messages, kind: 'chatMessages.create', handle: (req) => postMessage(o, req) },
    { method: 'GET', pattern: messages, kind: 'chatMessages.list', handle: (req) => listMessages(o, req) },
  ];
}
