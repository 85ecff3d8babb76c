// The program's domain vocabulary (DOMAIN.md) as zod schemas, shared by the
// browser, the server and the tools. Every outside payload is parsed with one
// of these at the edge; the inside works with the inferred types.
import { z } from 'zod';

export const careerStages = ['early', 'mid', 'seasoned'] as const;
export const CareerStage = z.enum(careerStages);
export type CareerStage = z.infer<typeof CareerStage>;

export const directions = ['reverse', 'traditional', 'both'] as const;
export const Direction = z.enum(directions);
export type Direction = z.infer<typeof Direction>;

/** Focus areas where the newer professional usually guides. */
export const reverseFocusAreas = [
  'technology-adoption',
  'cultural-competence',
  'generational-perspectives',
  'work-life-balance',
] as const;
/** Focus areas where the experienced professional usually guides. */
export const traditionalFocusAreas = [
  'clinical-expertise',
  'ethical-reasoning',
  'leadership',
  'system-navigation',
] as const;
export const focusAreas = [...reverseFocusAreas, ...traditionalFocusAreas] as const;
export const FocusArea = z.enum(focusAreas);
export type FocusArea = z.infer<typeof FocusArea>;

export const focusAreaLabels: Record<FocusArea, string> = {
  'technology-adoption': 'Technology adoption',
  'cultural-competence': 'Cultural competence',
  'generational-perspectives': 'Generational perspectives',
  'work-life-balance': 'Work-life balance',
  'clinical-expertise': 'Clinical expertise',
  'ethical-reasoning': 'Ethical reasoning',
  leadership: 'Leadership',
  'system-navigation': 'Navigating the health system',
};

/** App roles, as the `roles` claim of an access token carries them. */
export const roles = ['Participant', 'DepartmentLead', 'ProgramOwner'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const cadences = ['weekly', 'biweekly', 'monthly'] as const;
export const Cadence = z.enum(cadences);
export type Cadence = z.infer<typeof Cadence>;

export const sessionDurations = [30, 45, 60] as const;
export const SessionDuration = z.union([z.literal(30), z.literal(45), z.literal(60)]);
export type SessionDuration = z.infer<typeof SessionDuration>;

/** An Entra object id (GUID). */
export const UserId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a user object id (GUID)');
export type UserId = z.infer<typeof UserId>;

const isoInstant = z.iso.datetime({ offset: true });

/** Someone enrolled in the program (the Participants list). */
export const Participant = z.object({
  userId: UserId,
  displayName: z.string().min(1).max(256),
  mail: z.string().max(256),
  department: z.string().min(1).max(128),
  careerStage: CareerStage,
  /** IANA time zone, e.g. America/Chicago. */
  timeZone: z.string().min(1).max(64),
});
export type Participant = z.infer<typeof Participant>;

export const pairStatuses = ['active', 'paused', 'ended'] as const;
export const PairStatus = z.enum(pairStatuses);
export type PairStatus = z.infer<typeof PairStatus>;

/** Two people who each teach and each learn; neither is "the mentor". */
export const Pair = z.object({
  id: z.string().min(1).max(64),
  /** Stored in a stable order (sorted by user id) so the key never depends on who was picked first. */
  members: z.tuple([Participant, Participant]),
  cadence: Cadence,
  durationMinutes: SessionDuration,
  status: PairStatus,
  startedOn: isoInstant,
  endedOn: isoInstant.nullable(),
});
export type Pair = z.infer<typeof Pair>;

export const sessionStatuses = ['scheduled', 'held', 'cancelled', 'no-show'] as const;
export const SessionStatus = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const Session = z.object({
  id: z.string().min(1).max(128),
  pairId: z.string().min(1).max(64),
  /** Occurrence key within the pair's series (ISO date of the planned week), part of the idempotency key. */
  occurrence: z.string().min(1).max(32),
  eventId: z.string().max(512).nullable(),
  iCalUId: z.string().max(512).nullable(),
  organizerId: UserId,
  direction: Direction,
  focusAreas: z.array(FocusArea).max(focusAreas.length),
  start: isoInstant,
  end: isoInstant,
  status: SessionStatus,
  joinUrl: z.string().max(2048).nullable(),
});
export type Session = z.infer<typeof Session>;

export const touchpointKinds = ['project-collaboration', 'case-review', 'technology-troubleshooting', 'other'] as const;
export const TouchpointKind = z.enum(touchpointKinds);
export type TouchpointKind = z.infer<typeof TouchpointKind>;

/** An informal logged interaction, no meeting. Case reviews are de-identified. */
export const Touchpoint = z.object({
  id: z.string().min(1).max(128),
  pairId: z.string().min(1).max(64),
  loggedBy: UserId,
  kind: TouchpointKind,
  date: isoInstant,
  minutes: z.number().int().min(1).max(480),
  focusAreas: z.array(FocusArea).max(focusAreas.length),
});
export type Touchpoint = z.infer<typeof Touchpoint>;

/** Size limits for note fields, stated once and enforced in browser and server. */
export const noteLimits = {
  taughtChars: 4000,
  learnedChars: 4000,
  actionItemChars: 280,
  actionItems: 20,
} as const;

export const ActionItem = z.object({
  id: z.string().min(1).max(64),
  text: z.string().trim().min(1).max(noteLimits.actionItemChars),
  done: z.boolean(),
  /** Who of the pair does it (either person); absent on items written before assignment existed: the author. */
  assigneeId: UserId.optional(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** What one person taught and learned in one session. Visible to the pair only. */
export const SharedLearningNote = z.object({
  sessionId: z.string().min(1).max(128),
  pairId: z.string().min(1).max(64),
  authorId: UserId,
  taught: z.string().max(noteLimits.taughtChars),
  learned: z.string().max(noteLimits.learnedChars),
  actionItems: z.array(ActionItem).max(noteLimits.actionItems),
  focusAreas: z.array(FocusArea).max(focusAreas.length),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  version: z.number().int().min(1),
  /** Spans the author confirmed are not patient identifiers (see notes/phi.ts). */
  phiConfirmations: z.array(z.object({ kind: z.string(), text: z.string().max(256) })).max(50),
});
export type SharedLearningNote = z.infer<typeof SharedLearningNote>;

/** The caller, as GET /api/me returns it. */
export const Me = z.object({
  id: UserId,
  displayName: z.string(),
  mail: z.string(),
  department: z.string().nullable(),
  careerStage: CareerStage.nullable(),
  timeZone: z.string().nullable(),
  roles: z.array(Role),
});
export type Me = z.infer<typeof Me>;
