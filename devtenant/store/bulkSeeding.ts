// Seeding tens of thousands of mailboxes at once: people and their calendars in one transaction, tuned for volume.
import { compactBody } from '../demo/compactEvents.js';
import type { StoredEvent } from './calendars.js';
import { eventRow, insertEventSql } from './calendars.js';
import type { TenantDatabase } from './database.js';
import type { DirectoryTable, DirectoryUser } from './directory.js';
import { insertUserSql, userRow } from './directory.js';
import { eventsIcalIndex } from './schema.js';

/** SQLite's cache_size (negative: KiB) while seeding in bulk: 256 MB. */
const bulkCacheSize = -262_144;
/** From this many people at once, the iCalUId index is built after the rows rather than row by row. */
const bulkIndexRebuildPeople = 1000;

/**
 * Adds people and their calendars in one transaction with one prepared statement per table, skipping anyone
 * already there; calendars are made one person at a time so tens of thousands of mailboxes never sit in memory.
 */
export function insertPeopleWithCalendars(
  tenant: TenantDatabase,
  directory: DirectoryTable,
  users: readonly DirectoryUser[],
  calendarOf: (user: DirectoryUser) => StoredEvent[],
): number {
  const { db } = tenant;
  const exists = db.prepare('SELECT 1 FROM users WHERE id = ?').pluck();
  const insertUser = db.prepare(insertUserSql);
  const insertEvent = db.prepare(insertEventSql);
  // Event ids are hashes, so rows land all over the id and iCalUId indexes: with SQLite's default 2 MB page
  // cache, half a million inserts mostly re-read and spill pages. A larger cache for this transaction only.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${bulkCacheSize}`);
  try {
    return db.transaction(() => {
      // Random iCalUIds make every insert a random index write; building that index once afterwards is a sort.
      // (DDL is transactional in SQLite: a failure rolls the index back with the rows.)
      const rebuildIcalIndex = users.length >= bulkIndexRebuildPeople;
      if (rebuildIcalIndex) db.exec('DROP INDEX IF EXISTS events_ical');
      let seq = directory.userCount();
      let added = 0;
      for (const u of users) {
        if (exists.get(u.id) !== undefined) continue;
        insertUser.run(...userRow(u, seq++));
        for (const e of calendarOf(u)) insertEvent.run(...eventRow(e, compactBody(e.body)));
        added++;
      }
      if (rebuildIcalIndex) db.exec(eventsIcalIndex);
      return added;
    })();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
