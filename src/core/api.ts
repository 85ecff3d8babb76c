// The REST contract between the server (server/api) and the tab / task pane
// (src/client). Request bodies are parsed with these schemas on the server;
// responses are parsed with them in the client.
import { z } from 'zod';
import {
  ActionItem,
  Cadence,
  CareerStage,
  Direction,
  FocusArea,
  Pair,
  Participant,
  Role,
  Session,
  SessionDuration,
  SessionStatus,
  SharedLearningNote,
  TouchpointKind,
  UserId,
  noteLimits,
} from './schemas.js';
import { GraphItemId } from './ids.js';
import { MeetingOnCalendar, MeetingSession } from './meetings.js';

const isoInstant = z.iso.datetime({ offset: true });

// A date a caller books, moves, searches or logs at: this century only. Outside it
// nothing is plannable, and the edges reach Microsoft 365 and the lists as
// nonsense (a booking at 9999-12-31T23:00Z made a meeting and an occurrence in
// year 10000, past what a 4-digit ISO year holds; a touchpoint dated year 0001).
const plannableFrom = Date.UTC(2000, 0, 1);
const plannableUntil = Date.UTC(2100, 0, 1);
const plannableInstant = isoInstant.refine((s) => {
  const at = Date.parse(s);
  return at >= plannableFrom && at < plannableUntil;
}, 'must be from 2000 up to 2100');

/** Every error body the API returns: a stable code and a human message. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For validation errors: the offending field, as a dotted path. */
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** Stable error codes the UI reacts to. */
export const errorCodes = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  invalidRequest: 'invalid_request',
  conflict: 'conflict',
  preconditionFailed: 'precondition_failed',
  phiUnconfirmed: 'phi_unconfirmed',
  noCommonTime: 'no_common_time',
  throttled: 'throttled',
  upstreamUnavailable: 'upstream_unavailable',
  internalError: 'internal_error',
} as const;

/** The stable `code` of every error body the API answers with; server and client share it. */
export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

// ---- pairs ---------------------------------------------------------------

export const DirectionBalance = z.object({
  reverse: z.number().int(),
  traditional: z.number().int(),
  both: z.number().int(),
});
export type DirectionBalance = z.infer<typeof DirectionBalance>;

export const PairSummary = z.object({
  pair: Pair,
  /** The other person, from the caller's point of view (member[1] for the program owner). */
  partner: Participant,
  balance: DirectionBalance,
  nextSession: Session.nullable(),
  lastSession: Session.nullable(),
  openActionItems: z.array(ActionItem.extend({ authorId: UserId, sessionId: z.string() })),
});
export type PairSummary = z.infer<typeof PairSummary>;

export const CreatePairRequest = z.object({
  members: z
    .array(z.object({ userId: UserId, careerStage: CareerStage }))
    .length(2, 'a pair is exactly two people')
    .refine((m) => m[0]?.userId !== m[1]?.userId, 'a pair needs two different people'),
  cadence: Cadence,
  durationMinutes: SessionDuration,
});
export type CreatePairRequest = z.infer<typeof CreatePairRequest>;

export const CreatePairResponse = z.object({
  pair: Pair,
  /** e.g. "Ana Ruiz reports to Raj Patel": allowed, but the owner should know. */
  warnings: z.array(z.string()),
});

export const UpdatePairRequest = z
  .object({
    cadence: Cadence.optional(),
    durationMinutes: SessionDuration.optional(),
    status: z.enum(['active', 'paused', 'ended']).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');

// ---- slots and booking ----------------------------------------------------

/** Left out, avoidLunch is on (the engine's default, with suggestions spread over distinct days: what people would choose). */
export const SlotPreferences = z.object({
  avoidLunch: z.boolean().optional(),
  preferMornings: z.boolean().default(false),
  avoidMondayFriday: z.boolean().default(false),
});

export const SlotRequest = z.object({
  durationMinutes: SessionDuration,
  windowStart: plannableInstant,
  windowEnd: plannableInstant,
  bufferMinutes: z.number().int().min(0).max(60).default(0),
  minimumNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  treatTentativeAsBusy: z.boolean().default(true),
  preferences: SlotPreferences.default({ preferMornings: false, avoidMondayFriday: false }),
  maxSuggestions: z.number().int().min(1).max(50).default(10),
});
export type SlotRequest = z.infer<typeof SlotRequest>;

export const LocalTime = z.object({ userId: UserId, displayName: z.string(), timeZone: z.string(), local: z.string() });
export const SlotSuggestion = z.object({
  start: isoInstant,
  end: isoInstant,
  score: z.number(),
  reasons: z.array(z.string()),
  localTimes: z.array(LocalTime),
});
export type SlotSuggestion = z.infer<typeof SlotSuggestion>;

export const SlotResponse = z.object({
  suggestions: z.array(SlotSuggestion),
  /** Set when there are no suggestions: why (e.g. working hours do not overlap). */
  noCommonTimeReason: z.string().nullable(),
});
export type SlotResponse = z.infer<typeof SlotResponse>;

export const BookSessionRequest = z.object({
  start: plannableInstant,
  durationMinutes: SessionDuration,
  direction: Direction,
  focusAreas: z.array(FocusArea).min(1).max(8),
  /** Book this many occurrences at the pair's cadence (1 = just this one). */
  occurrences: z.number().int().min(1).max(26).default(1),
});
export type BookSessionRequest = z.infer<typeof BookSessionRequest>;

export const BookedSession = z.object({
  session: Session,
  /** Set when the planned time conflicted and the nearest free time that week was used. */
  movedFrom: isoInstant.nullable(),
});
export const BookSessionResponse = z.object({
  sessions: z.array(BookedSession),
  agendaText: z.string(),
  agendaPostedTo: z.array(z.string()),
});
export type BookSessionResponse = z.infer<typeof BookSessionResponse>;

export const RescheduleSessionRequest = z.object({ start: plannableInstant });
export const SessionStatusRequest = z.object({ status: SessionStatus });

// ---- sessions and notes ---------------------------------------------------

export const NoteInput = z.object({
  taught: z.string().max(noteLimits.taughtChars),
  learned: z.string().max(noteLimits.learnedChars),
  actionItems: z.array(ActionItem).max(noteLimits.actionItems),
  focusAreas: z.array(FocusArea).max(8),
  /** Flagged spans the author says are not patient identifiers. */
  phiConfirmations: z
    .array(z.object({ kind: z.string().max(32), text: z.string().max(256) }))
    .max(50)
    .default([]),
});
export type NoteInput = z.infer<typeof NoteInput>;

export const NoteWithEtag = z.object({ note: SharedLearningNote, etag: z.string() });
export type NoteWithEtag = z.infer<typeof NoteWithEtag>;

export const SessionDetail = z.object({
  session: Session,
  pair: Pair,
  agenda: z.unknown(),
  myNote: NoteWithEtag.nullable(),
  partnerNote: SharedLearningNote.nullable(),
  carriedOverActionItems: z.array(ActionItem.extend({ authorId: UserId, sessionId: z.string() })),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const TouchpointRequest = z.object({
  kind: TouchpointKind,
  date: plannableInstant,
  minutes: z.number().int().min(1).max(480),
  focusAreas: z.array(FocusArea).max(8).default([]),
});

// ---- program admin ---------------------------------------------------------

export const DirectoryPerson = z.object({
  id: UserId,
  displayName: z.string(),
  mail: z.string(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  managerId: UserId.nullable(),
});
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

export const ScheduleDepartmentRequest = z.object({
  department: z.string().min(1).max(128),
  dryRun: z.boolean().default(false),
});
export const ScheduleJob = z.object({
  id: z.string(),
  department: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  scheduled: z.number().int(),
  failed: z.array(z.object({ pairId: z.string(), reason: z.string() })),
});
export type ScheduleJob = z.infer<typeof ScheduleJob>;

export { Role };

// ---- dashboards -------------------------------------------------------------

export const Figure = z.union([
  z.object({ value: z.number(), suppressed: z.literal(false) }),
  z.object({ value: z.null(), suppressed: z.literal(true), reason: z.string() }),
]);
export type FigureValue = z.infer<typeof Figure>;
const figures = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, Figure])) as Record<K[number], typeof Figure>);

export const DepartmentDashboard = z.object({
  department: z.string(),
  period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
  people: Figure,
  activePairs: Figure,
  sessions: figures(['planned', 'held', 'cancelled', 'noShow', 'expectedByCadence', 'adherencePercent'] as const),
  directionBalance: z.object({
    sessions: figures(['reverse', 'traditional', 'both'] as const),
    minutes: figures(['reverse', 'traditional', 'both'] as const),
  }),
  focusAreaCoverage: z.record(z.string(), Figure),
  touchpointsByKind: z.record(z.string(), Figure),
  participationByCareerStage: z.record(z.string(), z.object({ people: Figure, sessionsHeld: Figure })),
  pairsAtRisk: z.object({
    count: Figure,
    pairs: z.array(
      z.object({
        pairId: z.string(),
        reason: z.enum(['no-recent-session', 'consecutive-cancellations']),
        lastHeld: z.string().nullable(),
        /** The two people, named for the program owner only (a lead's view never carries names). */
        members: z.array(z.object({ userId: z.string(), displayName: z.string() })).optional(),
      }),
    ),
  }),
  trendByWeek: z.array(z.object({ weekStart: z.string(), held: Figure, cancelled: Figure, minutes: Figure })),
});
export type DepartmentDashboardView = z.infer<typeof DepartmentDashboard>;
export const DashboardResponse = z.object({ dashboards: z.array(DepartmentDashboard) });

// ---- the meeting a tab is opened in ----------------------------------------

/**
 * A Teams meeting chat's thread id, as `app.getContext()` gives it in `chat.id`
 * (e.g. `19:meeting_…@thread.v2`).
 */
export const MeetingThreadId = GraphItemId.regex(
  /^19:[^\s/?#]+@thread\.[a-z0-9]+$/i,
  'must be a Teams chat thread id such as 19:meeting_…@thread.v2',
);

/** What the tab knows of the meeting it is opened in; at least one of them. */
export const MeetingRecognitionQuery = z
  .object({
    chatId: MeetingThreadId.optional(),
    joinUrl: z
      .url({ protocol: /^https$/ })
      .max(2048)
      .optional(),
    iCalUId: GraphItemId.optional(),
  })
  .refine((q) => q.chatId !== undefined || q.joinUrl !== undefined || q.iCalUId !== undefined, {
    message: 'give chatId, joinUrl or iCalUId',
    path: ['chatId'],
  });
export type MeetingRecognitionQuery = z.infer<typeof MeetingRecognitionQuery>;

export const meetingRecognizers = ['iCalUId', 'joinUrl', 'chatId'] as const;

export const MeetingRecognition = z.object({
  /** Which of the query's keys found the session; null when none did. */
  recognizedBy: z.enum(meetingRecognizers).nullable(),
  /** The meeting on the caller's calendar, when it was found there (what linking it to a pair needs). */
  meeting: MeetingOnCalendar.nullable(),
  /** The caller's session for this meeting, or null: none, or another pair's (which reveals nothing). */
  match: MeetingSession.nullable(),
});
export type MeetingRecognition = z.infer<typeof MeetingRecognition>;
