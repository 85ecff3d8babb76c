// A pair's free/busy as the slot engine's inputs, and the ranked mutual slots
// the tab offers when someone schedules a session.
import { errorCodes, type SlotRequest, type SlotResponse } from '../../src/core/api.js';
import { mutualFreeSlots, rankSuggestions, type Interval, type ZoneRule } from '../../src/core/scheduling/index.js';
import type { Pair, Participant } from '../../src/core/schemas.js';
import { dayMs } from '../../src/core/time.js';
import { freeBusyAvailability } from '../graph/calendar.js';
import type { GraphGateway } from '../graph/client.js';
import type { ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

export interface MemberAvailability {
  member: Participant;
  zone: ZoneRule;
  working: Interval[];
  busy: Interval[];
}

/** Getschedule windows are under 62 days; one request covers one window. */
const maxWindowDays = 62;

/** Both people's working hours and busy time over `window`; a 502 when Microsoft 365 gave none for someone. */
export async function pairAvailability(
  graph: GraphGateway,
  pair: Pair,
  window: Interval,
  options: { bufferMinutes: number; treatTentativeAsBusy: boolean },
): Promise<MemberAvailability[]> {
  const { people, unavailable } = await freeBusyAvailability(
    graph,
    pair.members.map((m) => m.mail),
    window,
    options,
  );
  return pair.members.map((member) => {
    const address = member.mail.toLowerCase();
    const person = people.get(address);
    if (!person)
      throw new ApiProblem(
        errorCodes.upstreamUnavailable,
        `free/busy for ${member.displayName}: ${unavailable.get(address) ?? 'none returned'}`,
      );
    return { member, ...person };
  });
}

/** Ranked mutual free slots in the request's window, or the reason there is none. */
export async function suggestSlots(
  ports: Pick<ProgramPorts, 'graph' | 'now'>,
  pair: Pair,
  request: SlotRequest,
): Promise<SlotResponse> {
  const window = { start: Date.parse(request.windowStart), end: Date.parse(request.windowEnd) };
  if (!(window.end > window.start))
    throw new ApiProblem(errorCodes.invalidRequest, 'body.windowEnd: must be after windowStart', {
      field: 'body.windowEnd',
    });
  if (window.end - window.start > maxWindowDays * dayMs)
    throw new ApiProblem(errorCodes.invalidRequest, `body.windowEnd: a window is at most ${maxWindowDays} days`, {
      field: 'body.windowEnd',
    });
  const people = await pairAvailability(ports.graph, pair, window, {
    bufferMinutes: request.bufferMinutes,
    treatTentativeAsBusy: request.treatTentativeAsBusy,
  });
  const result = mutualFreeSlots(
    people.map((p) => ({ displayName: p.member.displayName, working: p.working, busy: p.busy })),
    {
      window,
      durationMinutes: request.durationMinutes,
      now: ports.now(),
      minimumNoticeMinutes: request.minimumNoticeMinutes,
    },
  );
  const ranked = people.map((p) => ({
    userId: p.member.userId,
    displayName: p.member.displayName,
    zone: p.zone,
    busy: p.busy,
  }));
  return {
    suggestions: rankSuggestions(result.slots, ranked, request.preferences, request.maxSuggestions),
    noCommonTimeReason: result.reason,
  };
}
