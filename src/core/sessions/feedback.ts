// The session loop: after a session each person says whether it happened
// (held / no-show / moved), how useful it was (1-5) and one line of what they
// learned. Either person's "held" makes the session held; when the two say
// different things the program owner is shown the disagreement.
import { z } from 'zod';
import { Pair, Session, SessionStatus } from '../schemas.js';

export const loopOutcomes = ['held', 'no-show', 'moved'] as const;
export const LoopOutcome = z.enum(loopOutcomes);
export type LoopOutcome = z.infer<typeof LoopOutcome>;

/** One line: what a person learned, as short as a card's input allows. */
export const learnedLineMaxChars = 280;

export const SessionFeedbackRequest = z.object({
  outcome: LoopOutcome,
  usefulness: z.number().int().min(1).max(5).nullable().default(null),
  learned: z
    .string()
    .max(learnedLineMaxChars)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line')
    .default(''),
});
export type SessionFeedbackRequest = z.infer<typeof SessionFeedbackRequest>;

export const SessionFeedback = z.object({
  sessionId: z.string(),
  pairId: z.string(),
  personId: z.string(),
  outcome: LoopOutcome,
  usefulness: z.number().int().min(1).max(5).nullable(),
  learned: z.string(),
  when: z.string(),
});
export type SessionFeedback = z.infer<typeof SessionFeedback>;

/** The session status a person's answer asks for, or null when it leaves the status alone ("moved"). */
export function statusAskedFor(outcome: LoopOutcome): SessionStatus | null {
  return outcome === 'moved' ? null : outcome;
}

/**
 * The status the session should have after `answers`, from `current`: any
 * "held" wins (either person's word that they met is enough); otherwise a
 * "no-show" marks it, and "moved" changes nothing. Null when nothing changes.
 */
export function loopStatus(
  current: SessionStatus,
  answers: readonly Pick<SessionFeedback, 'outcome'>[],
): SessionStatus | null {
  if (current === 'cancelled') return null;
  const asked = answers.map((a) => statusAskedFor(a.outcome));
  const next = asked.includes('held') ? 'held' : asked.includes('no-show') ? 'no-show' : null;
  return next && next !== current ? next : null;
}

/** Whether the two people's answers disagree about what happened (one held, the other no-show). */
export function answersDisagree(answers: readonly Pick<SessionFeedback, 'outcome'>[]): boolean {
  const outcomes = new Set(answers.map((a) => a.outcome));
  return outcomes.has('held') && outcomes.has('no-show');
}

export const SessionLoopView = z.object({
  /** My own answer, or null before I gave one. */
  mine: SessionFeedback.nullable(),
  /** What my partner said happened (never their usefulness score or learned line). */
  partnerOutcome: LoopOutcome.nullable(),
  disagreement: z.boolean(),
});
export type SessionLoopView = z.infer<typeof SessionLoopView>;

export const SessionLoopAnswer = z.object({ session: Session, loop: SessionLoopView });
export type SessionLoopAnswer = z.infer<typeof SessionLoopAnswer>;

/** A session the two people marked differently, for the program owner (names, never the learned lines). */
export const SessionDisagreement = z.object({
  sessionId: z.string(),
  pairId: z.string(),
  start: z.string(),
  status: SessionStatus,
  answers: z.array(z.object({ personId: z.string(), displayName: z.string(), outcome: LoopOutcome })),
});
export type SessionDisagreement = z.infer<typeof SessionDisagreement>;

/** A pair whose partner left the program, for the program owner. */
export const PartnerLeftEntry = z.object({
  pairId: z.string(),
  leftId: z.string(),
  leftName: z.string(),
  remainingId: z.string(),
  remainingName: z.string(),
  when: z.string(),
});
export type PartnerLeftEntry = z.infer<typeof PartnerLeftEntry>;

export const OwnerAttention = z.object({
  disagreements: z.array(SessionDisagreement),
  partnersLeft: z.array(PartnerLeftEntry),
});
export type OwnerAttention = z.infer<typeof OwnerAttention>;

/** One session in a pair's history: status, whether each note exists, and the action items the viewer may read. */
export const HistorySession = z.object({
  session: Session,
  myNote: z.boolean(),
  partnerNote: z.boolean(),
  myOutcome: LoopOutcome.nullable(),
  partnerOutcome: LoopOutcome.nullable(),
  actionItems: z.array(z.object({ id: z.string(), text: z.string(), done: z.boolean(), authorId: z.string() })),
});
export type HistorySession = z.infer<typeof HistorySession>;

export const PairHistory = z.object({ pair: Pair, sessions: z.array(HistorySession) });
export type PairHistory = z.infer<typeof PairHistory>;
