// A pairing round as the program owner runs it: who is in it, the rules, the
// matcher's proposal with the owner's locks and drops, and, once published,
// when the next round falls due.
import { z } from 'zod';
import { RoundRules } from '../matching/profile.js';
import { CareerStage, FocusArea } from '../schemas.js';

export const roundIdPattern = /^round-[0-9a-z]+$/;
export const RoundId = z.string().max(64).regex(roundIdPattern, 'not a round id');

export const RoundAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }),
  z.object({ kind: z.literal('department'), department: z.string().trim().min(1).max(128) }),
  z.object({
    kind: z.literal('group'),
    groupId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[0-9A-Za-z-]+$/, 'not a group id'),
  }),
]);
export type RoundAudience = z.infer<typeof RoundAudience>;

export const roundCadences = ['none', 'monthly', 'quarterly'] as const;
export const RoundCadence = z.enum(roundCadences);
export type RoundCadence = z.infer<typeof RoundCadence>;

export const StartRoundRequest = z
  .object({
    audience: RoundAudience,
    rules: RoundRules.strict(),
    cadence: RoundCadence.default('none'),
  })
  .strict();
export type StartRoundRequest = z.infer<typeof StartRoundRequest>;

/** Two people, in id order. */
export const PeoplePair = z.tuple([z.string().min(1).max(64), z.string().min(1).max(64)]);
export type PeoplePair = z.infer<typeof PeoplePair>;

export const RoundPair = z.object({
  a: z.string(),
  b: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  locked: z.boolean(),
});
export type RoundPair = z.infer<typeof RoundPair>;

/** What the round shows of each person (names, not ids, in the proposal). */
export const RoundPerson = z.object({
  id: z.string(),
  displayName: z.string(),
  department: z.string(),
  careerStage: CareerStage,
  canTeach: z.array(FocusArea),
  wantsToLearn: z.array(FocusArea),
});
export type RoundPerson = z.infer<typeof RoundPerson>;

export const roundStatuses = ['proposed', 'publishing', 'published'] as const;
export const RoundStatus = z.enum(roundStatuses);

export const Round = z.object({
  id: RoundId,
  status: RoundStatus,
  audience: RoundAudience,
  rules: RoundRules,
  cadence: RoundCadence,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** When the next round falls due (published rounds with a cadence). */
  nextRoundOn: z.string().nullable(),
  people: z.array(RoundPerson),
  pairs: z.array(RoundPair),
  /** Pairs the owner dropped: not proposed again in this round. */
  dropped: z.array(PeoplePair),
  unmatched: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Pair ids created on publishing. */
  pairIds: z.array(z.string()),
});
export type Round = z.infer<typeof Round>;

export const RoundSummary = Round.pick({
  id: true,
  status: true,
  audience: true,
  cadence: true,
  createdAt: true,
  publishedAt: true,
  nextRoundOn: true,
}).extend({ pairs: z.number().int(), unmatched: z.number().int() });
export type RoundSummary = z.infer<typeof RoundSummary>;

/** The owner's edits to a proposal. */
export const RoundEdit = z.discriminatedUnion('action', [
  z.object({ action: z.literal('lock'), pair: PeoplePair, locked: z.boolean() }).strict(),
  z.object({ action: z.literal('drop'), pair: PeoplePair }).strict(),
  z.object({ action: z.literal('swap'), first: PeoplePair, second: PeoplePair }).strict(),
  z.object({ action: z.literal('cadence'), cadence: RoundCadence }).strict(),
]);
export type RoundEdit = z.infer<typeof RoundEdit>;

export const ChangeRequest = z.object({
  pairId: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  partnerName: z.string(),
  roundId: z.string().nullable(),
  reason: z.string(),
  requestedAt: z.string(),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;

export const EnrollmentOutcome = z.object({
  invited: z.number().int(),
  alreadyEnrolled: z.number().int(),
  problems: z.array(z.object({ line: z.number().int().nullable(), field: z.string(), message: z.string() })),
});
export type EnrollmentOutcome = z.infer<typeof EnrollmentOutcome>;
