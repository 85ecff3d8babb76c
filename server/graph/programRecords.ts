// How each program record sits in its SharePoint list: domain types to list
// item fields and back. Pure mapping, so the store keeps only the Graph I/O.
import { z } from 'zod';
import {
  ActionItem,
  Cadence,
  Direction,
  FocusArea,
  PairStatus,
  Participant,
  SessionDuration,
  SessionStatus,
  TouchpointKind,
  type Pair,
  type Session,
  type SharedLearningNote,
  type Touchpoint,
} from '../../src/core/schemas.js';

export type Fields = Record<string, unknown>;

/** A session as stored: with the agenda it was booked with (JSON), when there is one. */
export type StoredSession = Session & { agenda: unknown };

const csv = (xs: readonly string[]) => xs.join(',');
const fromCsv = (s: unknown) => (typeof s === 'string' && s ? s.split(',') : []);
const focusAreasOf = (s: unknown) => fromCsv(s).filter((x) => FocusArea.safeParse(x).success) as FocusArea[];

/** A JSON column's value, or `fallback` when it is empty or not of the expected shape. */
export const json = <T>(schema: z.ZodType<T>, s: unknown, fallback: T): T => {
  if (typeof s !== 'string' || !s) return fallback;
  try {
    return schema.parse(JSON.parse(s));
  } catch {
    return fallback;
  }
};
export const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const iso = (v: unknown) => new Date(str(v)).toISOString();

/** The session without its stored agenda: what lists, answers and dashboards carry. */
export function withoutAgenda(s: Session & { agenda?: unknown }): Session {
  const { agenda: _agenda, ...session } = s;
  return session;
}

export function toParticipant(f: Fields): Participant {
  return Participant.parse({
    userId: f['UserId'],
    displayName: f['DisplayName'],
    mail: f['Mail'] ?? '',
    department: f['Department'],
    careerStage: f['CareerStage'],
    timeZone: f['TimeZone'],
  });
}

export const participantFields = (p: Participant): Fields => ({
  UserId: p.userId,
  DisplayName: p.displayName,
  Mail: p.mail,
  Department: p.department,
  CareerStage: p.careerStage,
  TimeZone: p.timeZone,
});

export function toPair(f: Fields): Pair {
  const members = json(
    z.tuple([Participant, Participant]),
    f['MembersJson'],
    null as unknown as [Participant, Participant],
  );
  return {
    id: str(f['Key']),
    members,
    cadence: Cadence.parse(f['Cadence']),
    durationMinutes: SessionDuration.parse(Number(f['DurationMinutes'])),
    status: PairStatus.parse(f['Status']),
    startedOn: iso(f['StartedOn']),
    endedOn: f['EndedOn'] ? iso(f['EndedOn']) : null,
  };
}

export const pairFields = (p: Pair): Fields => ({
  MemberA: p.members[0].userId,
  MemberB: p.members[1].userId,
  MembersJson: JSON.stringify(p.members),
  Departments: [...new Set(p.members.map((m) => m.department))].join('|'),
  Cadence: p.cadence,
  DurationMinutes: p.durationMinutes,
  Status: p.status,
  StartedOn: p.startedOn,
  EndedOn: p.endedOn,
});

/** The fields a pair change touches (only those it names). */
export function pairChangeFields(
  change: Partial<Pick<Pair, 'cadence' | 'durationMinutes' | 'status' | 'endedOn'>>,
): Fields {
  const fields: Fields = {};
  if (change.cadence) fields['Cadence'] = change.cadence;
  if (change.durationMinutes) fields['DurationMinutes'] = change.durationMinutes;
  if (change.status) fields['Status'] = change.status;
  if (change.endedOn !== undefined) fields['EndedOn'] = change.endedOn;
  return fields;
}

export function toSession(f: Fields): StoredSession {
  return {
    id: str(f['Key']),
    pairId: str(f['PairId']),
    occurrence: str(f['Occurrence']),
    eventId: str(f['EventId']) || null,
    iCalUId: str(f['ICalUId']) || null,
    organizerId: str(f['OrganizerId']),
    direction: Direction.parse(f['Direction']),
    focusAreas: focusAreasOf(f['FocusAreas']),
    start: iso(f['Start']),
    end: iso(f['End']),
    status: SessionStatus.parse(f['Status']),
    joinUrl: str(f['JoinUrl']) || null,
    agenda: json(z.unknown(), f['AgendaJson'], null),
  };
}

export const sessionFields = (s: Session, agenda?: unknown): Fields => ({
  PairId: s.pairId,
  Occurrence: s.occurrence,
  EventId: s.eventId,
  ICalUId: s.iCalUId,
  OrganizerId: s.organizerId,
  Direction: s.direction,
  FocusAreas: csv(s.focusAreas),
  Start: iso(s.start),
  End: iso(s.end),
  Status: s.status,
  JoinUrl: s.joinUrl,
  ...(agenda !== undefined ? { AgendaJson: JSON.stringify(agenda) } : {}),
});

export function toNote(f: Fields): SharedLearningNote {
  return {
    sessionId: str(f['SessionId']),
    pairId: str(f['PairId']),
    authorId: str(f['AuthorId']),
    taught: str(f['Taught']),
    learned: str(f['Learned']),
    actionItems: json(z.array(ActionItem), f['ActionItemsJson'], []),
    focusAreas: focusAreasOf(f['FocusAreas']),
    createdAt: iso(f['CreatedAt']),
    updatedAt: iso(f['UpdatedAt']),
    version: Number(f['Version'] ?? 1),
    phiConfirmations: json(z.array(z.object({ kind: z.string(), text: z.string() })), f['PhiConfirmationsJson'], []),
  };
}

export const noteFields = (n: SharedLearningNote): Fields => ({
  SessionId: n.sessionId,
  PairId: n.pairId,
  AuthorId: n.authorId,
  Taught: n.taught,
  Learned: n.learned,
  ActionItemsJson: JSON.stringify(n.actionItems),
  FocusAreas: csv(n.focusAreas),
  CreatedAt: n.createdAt,
  UpdatedAt: n.updatedAt,
  Version: n.version,
  PhiConfirmationsJson: JSON.stringify(n.phiConfirmations),
});

export const toTouchpoint = (f: Fields): Touchpoint => ({
  id: str(f['Key']),
  pairId: str(f['PairId']),
  loggedBy: str(f['LoggedBy']),
  kind: TouchpointKind.parse(f['Kind']),
  date: iso(f['Date']),
  minutes: Number(f['Minutes']),
  focusAreas: focusAreasOf(f['FocusAreas']),
});

export const touchpointFields = (t: Touchpoint): Fields => ({
  PairId: t.pairId,
  LoggedBy: t.loggedBy,
  Kind: t.kind,
  Date: iso(t.date),
  Minutes: t.minutes,
  FocusAreas: csv(t.focusAreas),
});

/** What the author wrote (not when): two saves of the same words are one save. */
export const sameNoteWords = (a: SharedLearningNote, b: SharedLearningNote) =>
  JSON.stringify([a.taught, a.learned, a.actionItems, a.focusAreas, a.phiConfirmations]) ===
  JSON.stringify([b.taught, b.learned, b.actionItems, b.focusAreas, b.phiConfirmations]);
