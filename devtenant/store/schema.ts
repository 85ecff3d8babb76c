// The dev tenant's tables: each row keeps the Graph-shaped JSON in `body`; the other columns exist for lookups.
// Tables are created if missing, so a data directory from an earlier run opens as it is.

/** Its own statement: bulk seeding drops and rebuilds it around half a million inserts. */
export const eventsIcalIndex = 'CREATE INDEX IF NOT EXISTS events_ical ON events(ical_uid)';

export const tenantSchema = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE, mail TEXT NOT NULL COLLATE NOCASE, department TEXT, seq INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS users_mail ON users(mail);
  CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, owner TEXT NOT NULL, ical_uid TEXT NOT NULL, transaction_id TEXT, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS events_owner_time ON events(owner, start_ms);
  ${eventsIcalIndex};
  CREATE UNIQUE INDEX IF NOT EXISTS events_owner_tx ON events(owner, transaction_id) WHERE transaction_id IS NOT NULL;
  CREATE TABLE IF NOT EXISTS sites (id TEXT PRIMARY KEY, hostname TEXT NOT NULL, path TEXT NOT NULL, body TEXT NOT NULL, UNIQUE(hostname, path));
  CREATE TABLE IF NOT EXISTS lists (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, body TEXT NOT NULL, UNIQUE(site_id, name));
  CREATE TABLE IF NOT EXISTS items (list_id TEXT NOT NULL, id INTEGER NOT NULL, fields TEXT NOT NULL, version INTEGER NOT NULL, etag_guid TEXT NOT NULL, created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (list_id, id));
  CREATE TABLE IF NOT EXISTS chats (id TEXT PRIMARY KEY, members_key TEXT, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS chats_members ON chats(members_key);
  CREATE TABLE IF NOT EXISTS chat_messages (id TEXT PRIMARY KEY, chat_id TEXT NOT NULL, created_ms INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS chat_messages_chat ON chat_messages(chat_id, created_ms);
  CREATE TABLE IF NOT EXISTS documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id));
`;

/** Empties every table above (a new table belongs here too), keeping the schema. */
export const wipeTenant =
  'DELETE FROM users; DELETE FROM events; DELETE FROM sites; DELETE FROM lists; DELETE FROM items; DELETE FROM chats; DELETE FROM chat_messages; DELETE FROM documents; DELETE FROM meta;';
