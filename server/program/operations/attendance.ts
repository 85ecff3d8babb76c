// Teams attendance marks sessions held: where the tenant grants it, the
// session's Teams meeting's attendance reports are read at the session's end
// (before its loop cards are planned, in the same planner) and a few times
// after, as Teams publishes a report only once the meeting ends. When both
// people of the pair joined, the session is marked held through the status
// state machine, as either person's "held" on the card would; a session Teams
// saw held gets no loop cards. One person, or nobody, joining marks nothing:
// the cards decide. Without the permission (or the application access policy)
// Graph answers 403: the owner's operations status names the permission once,
// and the cards decide.
// https://learn.microsoft.com/graph/api/meetingattendancereport-list
// https://learn.microsoft.com/graph/cloud-communications-online-meeting-artifacts ("Only available when the meeting ends")
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { Pair, Session } from '../../../src/core/schemas.js';
import { hourMs, minuteMs } from '../../../src/core/time.js';
import { meetingAttendees, onlineMeetingIdOf } from '../../graph/attendance.js';
import { missingPermissionOf } from '../../graph/middleware/missingPermission.js';
import { grantAdvice } from '../../permissions.js';
import { nowIso } from '../ports.js';
import { setSessionStatus } from '../sessions.js';
import { clearProblem, reportProblem } from './installs.js';
import { inWindow, sessionsAhead, type PlanPorts } from './planning.js';
import type { TickWindow } from './types.js';

export const attendanceProblemId = 'attendance';

/** After a session's end, when its attendance is read: at the end (before its cards), then as a late report may come. */
const checkpoints = [0, 15 * minuteMs, 2 * hourMs, 24 * hourMs];
/** A session lasts at most an hour, so sessions starting this long before a window can have a checkpoint in it. */
const lookBackMs = checkpoints.at(-1)! + hourMs;
/** After a refusal, this instance leaves attendance alone for a while (the cards decide meanwhile). */
const pauseMs = 6 * hourMs;

/** Where a session Teams saw held is remembered, so its loop cards are not sent. */
const attendanceKey = (sessionId: string) => `attendance:${sessionId}`;

/** Whether Teams attendance marked this session held (then nobody is asked whether it happened). */
export async function heldByAttendance(ports: Pick<PlanPorts, 'store'>, sessionId: string): Promise<boolean> {
  return (await ports.store.findByKey('ProgramMeta', attendanceKey(sessionId))) !== null;
}

type Check = 'held' | 'not-held' | 'refused';

async function bothJoined(ports: PlanPorts, session: Session & { joinUrl: string }, pair: Pair): Promise<boolean> {
  const meetingId = await onlineMeetingIdOf(ports.graph.client, session.organizerId, session.joinUrl);
  if (!meetingId) return false;
  // Reports of earlier occurrences (a meeting moved later keeps its join URL) are left out.
  const since = Date.parse(session.start) - hourMs;
  const joined = await meetingAttendees(ports.graph.client, session.organizerId, meetingId, since);
  return joined !== null && pair.members.every((m) => joined.has(m.userId));
}

export interface AttendanceSweep {
  /** Reads the attendance of sessions with a checkpoint in the window; marks those both people joined held. */
  markAttended(ports: PlanPorts, window: TickWindow, log?: Pick<Logger, 'warn'>): Promise<void>;
}

export function attendanceSweep(refreshMs: number): AttendanceSweep {
  const ahead = sessionsAhead(refreshMs, lookBackMs + refreshMs + hourMs);
  /** Per instance (per store): until when attendance is paused, and whether a success cleared the problem. */
  const state = new WeakMap<object, { pausedUntil: number; cleared: boolean }>();

  async function check(ports: PlanPorts, listed: Session, log?: Pick<Logger, 'warn'>): Promise<Check> {
    const session = await ports.store.session(listed.id);
    if (!session || session.status !== 'scheduled' || !session.joinUrl || session.end !== listed.end) return 'not-held';
    const pair = await ports.store.pair(session.pairId);
    if (!pair) return 'not-held';
    const mine = state.get(ports.store) ?? { pausedUntil: 0, cleared: false };
    state.set(ports.store, mine);
    try {
      const held = await bothJoined(ports, { ...session, joinUrl: session.joinUrl }, pair);
      if (!mine.cleared) {
        await clearProblem(ports, attendanceProblemId);
        mine.cleared = true;
      }
      if (!held) return 'not-held';
      await ports.store.upsert('ProgramMeta', attendanceKey(session.id), {
        Value: JSON.stringify({ by: 'teams-attendance', at: nowIso(ports) }),
      });
      await setSessionStatus(ports, session, 'held');
      return 'held';
    } catch (err) {
      if (!(err instanceof GraphError && err.statusCode === 403)) {
        log?.warn({ operations: { sessionId: session.id, error: String(err) } }, 'reading Teams attendance failed');
        return 'not-held';
      }
      mine.pausedUntil = ports.now() + pauseMs;
      mine.cleared = false;
      const permission = missingPermissionOf(err);
      const message = `Reciprocal cannot read Teams attendance, so sessions are marked held only through the after-session cards: ${
        permission ? grantAdvice(permission) : `Graph refused it (${err.message})`
      }, and grant the meeting organizers a Teams application access policy for the app`;
      await reportProblem(ports, { id: attendanceProblemId, permission: permission?.name ?? null, message }, log);
      return 'refused';
    }
  }

  return {
    async markAttended(ports, window, log) {
      if ((state.get(ports.store)?.pausedUntil ?? 0) > ports.now()) return;
      const due = (await ahead.sessions(ports, window.from - lookBackMs, window.to)).filter(
        (s) =>
          s.status === 'scheduled' &&
          s.joinUrl &&
          checkpoints.some((c) => inWindow(Date.parse(s.end) + c, window)) &&
          Date.parse(s.end) <= ports.now(),
      );
      for (const session of due) if ((await check(ports, session, log)) === 'refused') return;
    },
  };
}
