// Growth: the pair's agreement, each person's goals and self-assessments. The
// shapes the REST API, the bot, the tab and the store share (zod, parsed at
// every edge). Self-assessments are private to their person; only aggregates
// (./outcomes.ts) ever leave.
import { z } from 'zod';
import { FocusArea, focusAreas, UserId } from '../schemas.js';

// ---- agreement ----

export const agreementLimits = { sectionChars: 600 } as const;

const AgreementText = z.string().trim().min(1).max(agreementLimits.sectionChars);

/** The owner-editable agreement both people of a pair accept. */
export const AgreementTemplate = z.object({
  cadence: AgreementText,
  confidentiality: AgreementText,
  boundaries: AgreementText,
  noPatientIdentifiers: AgreementText,
  askingForChange: AgreementText,
});
export type AgreementTemplate = z.infer<typeof AgreementTemplate>;
export const agreementSections = [
  'cadence',
  'confidentiality',
  'boundaries',
  'noPatientIdentifiers',
  'askingForChange',
] as const satisfies ReadonlyArray<keyof AgreementTemplate>;

export const defaultAgreementTemplate: AgreementTemplate = {
  cadence: 'We meet at the cadence our pair is set to, and say so early when one of us has to move a session.',
  confidentiality:
    'What either of us shares about doubts, mistakes or career plans stays between us unless we both agree otherwise.',
  boundaries:
    'This is a learning partnership, not supervision: neither of us evaluates the other, and either of us may decline a topic.',
  noPatientIdentifiers:
    'We discuss cases only de-identified, and keep names, record numbers, dates of birth and other patient identifiers out of our notes and goals.',
  askingForChange:
    'Either of us can ask for a change (cadence, topics, or a new partner) by telling the other or writing to the program owner; no reason needed.',
};

export const Acceptance = z.object({ userId: UserId, acceptedAt: z.iso.datetime({ offset: true }) });
export type Acceptance = z.infer<typeof Acceptance>;

/** A pair's agreement as each person sees it: the text, who accepted when, and whether it is still pending. */
export const PairAgreement = z.object({
  pairId: z.string(),
  /** Both people of the pair, for "who accepted" (names only). */
  people: z.array(z.object({ userId: UserId, displayName: z.string() })),
  template: AgreementTemplate,
  acceptances: z.array(Acceptance),
  pending: z.boolean(),
  acceptedByMe: z.boolean(),
});
export type PairAgreement = z.infer<typeof PairAgreement>;

/** Pending until both people of the pair accepted. */
export const agreementPending = (memberIds: readonly string[], acceptances: readonly Acceptance[]): boolean =>
  memberIds.some((id) => !acceptances.some((a) => a.userId === id));

// ---- goals ----

export const goalKinds = ['learn', 'teach'] as const;
export const GoalKind = z.enum(goalKinds);
export type GoalKind = z.infer<typeof GoalKind>;

export const goalProgresses = ['not-started', 'under-way', 'achieved'] as const;
export const GoalProgress = z.enum(goalProgresses);
export type GoalProgress = z.infer<typeof GoalProgress>;

export const goalLimits = { titleChars: 140, updateChars: 140, updates: 50, goals: 20 } as const;

export const GoalUpdate = z.object({
  on: z.iso.datetime({ offset: true }),
  text: z.string().max(goalLimits.updateChars),
  progress: GoalProgress,
});
export type GoalUpdate = z.infer<typeof GoalUpdate>;

/** `goal-<base36>-<base36>`: minted by the server, never free text. */
export const GoalId = z
  .string()
  .max(64)
  .regex(/^goal-[0-9a-z]+-[0-9a-z]+$/, 'not a goal id');

export const Goal = z.object({
  id: GoalId,
  personId: UserId,
  kind: GoalKind,
  focusArea: FocusArea,
  title: z.string().min(1).max(goalLimits.titleChars),
  progress: GoalProgress,
  updates: z.array(GoalUpdate).max(goalLimits.updates),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Goal = z.infer<typeof Goal>;

export const isOpenGoal = (g: Pick<Goal, 'progress'>): boolean => g.progress !== 'achieved';

const Confirmations = z.array(z.object({ kind: z.string().max(64), text: z.string().max(256) })).max(50);

export const CreateGoalRequest = z.object({
  kind: GoalKind,
  focusArea: FocusArea,
  title: z.string().trim().min(1).max(goalLimits.titleChars),
  phiConfirmations: Confirmations.default([]),
});
export type CreateGoalRequest = z.infer<typeof CreateGoalRequest>;

/** A dated one-line update: a new progress, a line of text, or both. */
export const UpdateGoalRequest = z
  .object({
    progress: GoalProgress.optional(),
    update: z.string().trim().max(goalLimits.updateChars).optional(),
    phiConfirmations: Confirmations.default([]),
  })
  .refine((r) => r.progress !== undefined || (r.update ?? '') !== '', {
    message: 'give a progress or an update',
    path: ['progress'],
  });
export type UpdateGoalRequest = z.infer<typeof UpdateGoalRequest>;

// ---- self-assessment ----

export const assessmentOccasions = ['enrollment', 'round-end', 'on-demand'] as const;
export const AssessmentOccasion = z.enum(assessmentOccasions);
export type AssessmentOccasion = z.infer<typeof AssessmentOccasion>;

export const Rating = z.number().int().min(1).max(5);
export type Rating = z.infer<typeof Rating>;

/** One sentence per level, the same for every focus area, so ratings mean the same across areas and people. */
export const confidenceAnchors: Record<Rating, string> = {
  1: 'I am new to this and would not know where to start.',
  2: 'I can do the basics with help or a guide at hand.',
  3: 'I handle the usual situations on my own.',
  4: 'I handle unusual situations and others ask me for help.',
  5: 'I could teach this and shape how our team does it.',
};

export const Ratings = z.partialRecord(FocusArea, Rating).refine((r) => Object.keys(r).length > 0, {
  message: 'rate at least one focus area',
});
export type Ratings = z.infer<typeof Ratings>;

export const SelfAssessment = z.object({
  id: z.string(),
  personId: UserId,
  takenAt: z.iso.datetime({ offset: true }),
  occasion: AssessmentOccasion,
  ratings: Ratings,
});
export type SelfAssessment = z.infer<typeof SelfAssessment>;

export const SaveAssessmentRequest = z.object({
  occasion: AssessmentOccasion.default('on-demand'),
  ratings: Ratings,
});
export type SaveAssessmentRequest = z.infer<typeof SaveAssessmentRequest>;

/** Everything the Growth page shows one person: their agreements, goals and assessments. */
export const MyGrowth = z.object({
  agreements: z.array(PairAgreement),
  goals: z.array(Goal),
  assessments: z.array(SelfAssessment),
});
export type MyGrowth = z.infer<typeof MyGrowth>;

export const maxFocusAreas = focusAreas.length;
