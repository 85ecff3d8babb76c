// What the bot says first: messages that fall due (reminders, session-loop
// cards, nudges, digests, intros, meeting-chat cards, round-end self-assessments), each under a key so it is
// sent once, whichever instance sends it and however often it is planned.
import type { ProgramPorts } from '../ports.js';

export type MessageKind =
  | 'intro'
  | 'invitation'
  | 'reminder'
  | 'session-loop'
  | 'nudge'
  | 'partner-left'
  | 'pair-ended'
  | 'digest-lead'
  | 'digest-owner'
  | 'meeting-agenda'
  | 'meeting-note'
  | 'assessment-prompt';

export interface DueMessage {
  kind: MessageKind;
  /** What it is about (a session id, a pair id, a round id, an ISO week): with kind and recipient, its key. */
  subject: string;
  /** The person's Microsoft Entra object id, or `chat:<thread id>` for a chat (the meeting chat). */
  recipient: string;
  /** Not sent before this instant (ISO 8601, UTC). */
  dueAt: string;
  /** Past this instant it is pointless and is dropped rather than sent late (ISO 8601, UTC). */
  expiresAt?: string;
  /** The Adaptive Card to send (the bot sends it, so its Action.Execute buttons reach the bot). */
  card: Record<string, unknown>;
}

/** The outbox key: one message per kind, subject and recipient, ever. */
export const messageKey = (m: Pick<DueMessage, 'kind' | 'subject' | 'recipient'>): string =>
  `${m.kind}|${m.subject}|${m.recipient}`;

/** The instants [from, to) a scheduler tick covers. */
export interface TickWindow {
  from: number;
  to: number;
}

/** Works out what falls due in a window (pure over the tenant's records; the scheduler enqueues what it returns). */
export interface DuePlanner {
  kinds: readonly MessageKind[];
  plan(ports: ProgramPorts, window: TickWindow): Promise<DueMessage[]>;
}
