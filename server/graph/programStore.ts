// The program's data in the tenant: SharePoint lists on the program site,
// reached through Graph (provisioning and access by key: ./listStore.ts).
// Notes use the list item's eTag for optimistic concurrency.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  CareerStage,
  type Pair,
  type Participant,
  type Session,
  type SharedLearningNote,
  type Touchpoint,
} from '../../src/core/schemas.js';
import { etagOf, ProgramListStore } from './listStore.js';
import { fieldEquals, filterLiteral } from './odata.js';
import {
  json,
  noteFields,
  pairChangeFields,
  pairFields,
  participantFields,
  sameNoteWords,
  sessionFields,
  toNote,
  toPair,
  toParticipant,
  toSession,
  touchpointFields,
  toTouchpoint,
  withoutAgenda,
  type StoredSession,
} from './programRecords.js';

// Where they were first defined: importers keep these paths.
export { etagOf, type ProgramSite, type StoredItem } from './listStore.js';

/** The one `$filter` value encoder (./odata.ts), under the name directory.ts imports. */
export const odataString = filterLiteral;

export class NoteConflictError extends Error {
  constructor(readonly current: { note: SharedLearningNote; etag: string }) {
    super('the note changed since it was loaded');
    this.name = 'NoteConflictError';
  }
}

/** A half-open interval of instants, [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

const rangeFilter = (column: string, r: TimeRange) =>
  `fields/${column} ge ${filterLiteral(r.from.toISOString())} and fields/${column} lt ${filterLiteral(r.to.toISOString())}`;

/**
 * The program's records, typed: participants, pairs, sessions, notes,
 * touchpoints, conversation references, agenda templates. Provisioning and
 * the generic access by key (findByKey, all, changes, createOnce, create,
 * patch, upsert, remove) are ProgramListStore's (./listStore.ts).
 */
export class ProgramStore extends ProgramListStore {
  // ---- participants ----

  async upsertParticipant(p: Participant): Promise<Participant> {
    return toParticipant((await this.upsert('Participants', p.userId, participantFields(p))).fields);
  }

  async participant(userId: string): Promise<Participant | null> {
    const item = await this.findByKey('Participants', userId);
    return item ? toParticipant(item.fields) : null;
  }

  async participants(): Promise<Participant[]> {
    return (await this.all('Participants')).map((i) => toParticipant(i.fields));
  }

  // ---- pairs ----

  async createPair(p: Pair): Promise<Pair> {
    return toPair((await this.create('Pairs', p.id, pairFields(p))).fields);
  }

  async pair(id: string): Promise<Pair | null> {
    const item = await this.findByKey('Pairs', id);
    return item ? toPair(item.fields) : null;
  }

  async pairsOf(userId: string): Promise<Pair[]> {
    return (await this.all('Pairs', `${fieldEquals('MemberA', userId)} or ${fieldEquals('MemberB', userId)}`)).map(
      (i) => toPair(i.fields),
    );
  }

  async allPairs(): Promise<Pair[]> {
    return (await this.all('Pairs')).map((i) => toPair(i.fields));
  }

  async updatePair(
    id: string,
    change: Partial<Pick<Pair, 'cadence' | 'durationMinutes' | 'status' | 'endedOn'>>,
  ): Promise<Pair | null> {
    const item = await this.findByKey('Pairs', id);
    if (!item) return null;
    const { fields: updated } = await this.patch('Pairs', item.id, pairChangeFields(change));
    return toPair({ ...item.fields, ...updated });
  }

  // ---- sessions ----

  /** Records a session under its deterministic id (pair + occurrence): creates it or brings it up to date. */
  async recordSession(s: Session, agenda?: unknown): Promise<StoredSession> {
    return toSession((await this.upsert('Sessions', s.id, sessionFields(s, agenda))).fields);
  }

  async session(id: string): Promise<StoredSession | null> {
    const item = await this.findByKey('Sessions', id);
    return item ? toSession(item.fields) : null;
  }

  async sessionByICalUId(iCalUId: string): Promise<StoredSession | null> {
    const [item] = await this.all('Sessions', fieldEquals('ICalUId', iCalUId));
    return item ? toSession(item.fields) : null;
  }

  async sessionsOfPair(pairId: string): Promise<StoredSession[]> {
    return (await this.all('Sessions', fieldEquals('PairId', pairId)))
      .map((i) => toSession(i.fields))
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  /** Every session (no agenda, no note text), or those starting in [from, to): a filter on the indexed Start column, paged. */
  async allSessions(range?: TimeRange): Promise<Session[]> {
    return (await this.all('Sessions', range && rangeFilter('Start', range))).map((i) =>
      withoutAgenda(toSession(i.fields)),
    );
  }

  // ---- notes ----

  static noteKey(sessionId: string, authorId: string): string {
    return `${sessionId}|${authorId}`;
  }

  async note(sessionId: string, authorId: string): Promise<{ note: SharedLearningNote; etag: string } | null> {
    const item = await this.findByKey('Notes', ProgramStore.noteKey(sessionId, authorId));
    return item ? { note: toNote(item.fields), etag: etagOf(item) } : null;
  }

  async notesOfSession(sessionId: string): Promise<SharedLearningNote[]> {
    return (await this.all('Notes', fieldEquals('SessionId', sessionId))).map((i) => toNote(i.fields));
  }

  /**
   * Saves the author's own note. With `etag`, only if nobody changed it since
   * (412 becomes NoteConflictError with the current note); without, only if it
   * does not exist yet. Who created it first is decided by the unique Key and
   * the words stored under it, never by timestamps (SharePoint keeps whole seconds).
   */
  async saveNote(note: SharedLearningNote, etag: string | null): Promise<{ note: SharedLearningNote; etag: string }> {
    const key = ProgramStore.noteKey(note.sessionId, note.authorId);
    const existing = await this.findByKey('Notes', key);
    if (!existing) {
      const { item, created } = await this.createOnce('Notes', key, noteFields({ ...note, version: 1 }));
      const saved = { note: toNote(item.fields), etag: etagOf(item) };
      // Another window's first save took the key: unless it is this very save landing twice, this one lost.
      if (!created && !sameNoteWords(saved.note, note)) throw new NoteConflictError(saved);
      return saved;
    }
    const current = { note: toNote(existing.fields), etag: etagOf(existing) };
    if (!etag) throw new NoteConflictError(current);
    try {
      const next = { ...note, createdAt: current.note.createdAt, version: current.note.version + 1 };
      const { fields, etag: newEtag } = await this.patch('Notes', existing.id, noteFields(next), etag);
      return { note: toNote({ ...existing.fields, ...fields }), etag: newEtag };
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 412) {
        const latest = await this.note(note.sessionId, note.authorId);
        throw new NoteConflictError(latest ?? current);
      }
      throw err;
    }
  }

  // ---- touchpoints ----

  async addTouchpoint(t: Touchpoint): Promise<Touchpoint> {
    return toTouchpoint((await this.create('Touchpoints', t.id, touchpointFields(t))).fields);
  }

  async touchpointsOfPair(pairId: string): Promise<Touchpoint[]> {
    return (await this.all('Touchpoints', fieldEquals('PairId', pairId))).map((i) => toTouchpoint(i.fields));
  }

  /** Every touchpoint, or those dated in [from, to) (the indexed Date column). */
  async allTouchpoints(range?: TimeRange): Promise<Touchpoint[]> {
    return (await this.all('Touchpoints', range && rangeFilter('Date', range))).map((i) => toTouchpoint(i.fields));
  }

  // ---- bot conversation references ----

  /** Where the bot was installed (personal or group chat), so it can post there later. */
  async saveConversationReference(conversationId: string, reference: unknown): Promise<void> {
    await this.upsert('ConversationReferences', conversationId, { ReferenceJson: JSON.stringify(reference) });
  }

  async conversationReference(conversationId: string): Promise<unknown | null> {
    const item = await this.findByKey('ConversationReferences', conversationId);
    return item ? json(z.unknown(), item.fields['ReferenceJson'], null) : null;
  }

  // ---- agenda templates ----

  async agendaTemplates(): Promise<unknown | null> {
    const item = await this.findByKey('AgendaTemplates', 'current');
    return item ? json(z.unknown(), item.fields['TemplatesJson'], null) : null;
  }

  async saveAgendaTemplates(templates: unknown): Promise<void> {
    await this.upsert('AgendaTemplates', 'current', { TemplatesJson: JSON.stringify(templates) });
  }

  async schemaVersion(): Promise<number | null> {
    const item = await this.findByKey('ProgramMeta', 'schemaVersion');
    return item ? Number(item.fields['Value']) : null;
  }
}

export { CareerStage };
