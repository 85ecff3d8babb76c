// Teams chats and their messages; a one-on-one chat is found again by its members.
import type { JsonBody, TenantDatabase } from './database.js';
import { parseBody } from './database.js';

export class ChatTable {
  constructor(private readonly tenant: TenantDatabase) {}

  insertChat(id: string, membersKey: string | null, body: JsonBody): void {
    this.tenant.db
      .prepare('INSERT INTO chats (id, members_key, body) VALUES (?, ?, ?)')
      .run(id, membersKey, JSON.stringify(body));
  }

  chat(id: string): JsonBody | null {
    const r = this.tenant.db.prepare('SELECT body FROM chats WHERE id = ?').get(id) as { body: string } | undefined;
    return r ? parseBody(r.body) : null;
  }

  chatByMembers(membersKey: string): JsonBody | null {
    const r = this.tenant.db.prepare('SELECT body FROM chats WHERE members_key = ?').get(membersKey) as
      { body: string } | undefined;
    return r ? parseBody(r.body) : null;
  }

  insertChatMessage(id: string, chatId: string, createdMs: number, body: JsonBody): void {
    this.tenant.db
      .prepare('INSERT INTO chat_messages (id, chat_id, created_ms, body) VALUES (?, ?, ?, ?)')
      .run(id, chatId, createdMs, JSON.stringify(body));
  }

  chatMessages(chatId: string): JsonBody[] {
    return (
      this.tenant.db
        .prepare('SELECT body FROM chat_messages WHERE chat_id = ? ORDER BY created_ms DESC, id DESC')
        .all(chatId) as Array<{ body: string }>
    ).map((r) => parseBody(r.body));
  }
}
