// The session status state machine. A session is booked `scheduled`; once it
// has started a person records it `held` or `no-show`, and may correct one
// into the other (people mis-click, or a partner joins late), but a session
// that happened never goes back to `scheduled`. `cancelled` is final: the Teams
// meeting is gone. A move keeps the session `scheduled` and its key.
import type { SessionStatus } from '../schemas.js';

const next: Record<SessionStatus, readonly SessionStatus[]> = {
  scheduled: ['held', 'no-show', 'cancelled'],
  held: ['no-show'],
  'no-show': ['held'],
  cancelled: [],
};

/** Whether a session at `from` may become `to` (the same status again is a harmless repeat). */
export const isAllowedStatusChange = (from: SessionStatus, to: SessionStatus): boolean =>
  from === to || next[from].includes(to);

/** Statuses that record what happened at the meeting, so they need the meeting to have started. */
const outcomes: readonly SessionStatus[] = ['held', 'no-show'];

/**
 * Why the change is refused, or null when it is allowed. `startMs`/`nowMs`
 * keep a session from being marked held or no-show before it starts.
 */
export function statusChangeRefusal(
  from: SessionStatus,
  to: SessionStatus,
  when: { startMs: number; nowMs: number },
): string | null {
  if (!isAllowedStatusChange(from, to)) {
    const allowed = next[from].length ? `it can become ${next[from].join(' or ')}` : 'that is final';
    return `a ${from} session cannot become ${to}: ${allowed}`;
  }
  if (from !== to && outcomes.includes(to) && when.startMs > when.nowMs)
    return `a session cannot be marked ${to} before it starts`;
  return null;
}
