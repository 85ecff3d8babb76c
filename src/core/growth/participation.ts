// A person's participation record: sessions held in a period, and hours as
// guide and as learner by focus area. Who guided comes from the session's
// direction the way the agenda splits a session (../agenda/focusAreas.ts
// segmentPlan, ../agenda/build.ts guideFor): each way gets an equal share of
// the session, each of its focus areas an equal share of that. Never note text.
import { guideFor } from '../agenda/build.js';
import { segmentPlan } from '../agenda/focusAreas.js';
import type { CareerStage, Direction, FocusArea } from '../schemas.js';

export interface RecordPair {
  id: string;
  members: readonly [
    { userId: string; displayName: string; careerStage: CareerStage },
    { userId: string; displayName: string; careerStage: CareerStage },
  ];
}
export interface RecordSession {
  pairId: string;
  direction: Direction;
  focusAreas: readonly FocusArea[];
  start: string;
  end: string;
  status: string;
}

/** `open` stands for a way of a session that had no focus area of its own. */
export type RecordArea = FocusArea | 'open';

export interface ParticipationRecord {
  period: { from: string; to: string };
  sessionsHeld: number;
  partners: string[];
  /** Hours by focus area, rounded to a quarter of an hour only when shown. */
  hoursAsGuide: Partial<Record<RecordArea, number>>;
  hoursAsLearner: Partial<Record<RecordArea, number>>;
  totalHoursAsGuide: number;
  totalHoursAsLearner: number;
  goalsAchieved: Array<{ title: string; achievedOn: string }>;
}

const add = (to: Partial<Record<RecordArea, number>>, area: RecordArea, hours: number) => {
  to[area] = (to[area] ?? 0) + hours;
};

export function participationRecord(input: {
  personId: string;
  period: { from: string; to: string };
  pairs: readonly RecordPair[];
  sessions: readonly RecordSession[];
  goalsAchieved: ReadonlyArray<{ title: string; achievedOn: string }>;
}): ParticipationRecord {
  const from = Date.parse(input.period.from);
  const to = Date.parse(input.period.to);
  const pairs = new Map(input.pairs.map((p) => [p.id, p]));
  const record: ParticipationRecord = {
    period: input.period,
    sessionsHeld: 0,
    partners: [],
    hoursAsGuide: {},
    hoursAsLearner: {},
    totalHoursAsGuide: 0,
    totalHoursAsLearner: 0,
    goalsAchieved: input.goalsAchieved.filter((g) => Date.parse(g.achievedOn) >= from && Date.parse(g.achievedOn) < to),
  };
  const partners = new Set<string>();
  for (const s of input.sessions) {
    const pair = pairs.get(s.pairId);
    const start = Date.parse(s.start);
    if (!pair || s.status !== 'held' || start < from || start >= to) continue;
    const me = pair.members.find((m) => m.userId === input.personId);
    if (!me) continue;
    record.sessionsHeld++;
    partners.add(pair.members.find((m) => m !== me)!.displayName);
    const hours = (Date.parse(s.end) - start) / 3_600_000;
    const ways = segmentPlan(s.direction, s.focusAreas);
    for (const way of ways) {
      const share = hours / ways.length;
      const guiding = guideFor(pair.members, way.direction) === me;
      const areas: RecordArea[] = way.areas.length ? way.areas : ['open'];
      for (const area of areas) add(guiding ? record.hoursAsGuide : record.hoursAsLearner, area, share / areas.length);
      if (guiding) record.totalHoursAsGuide += share;
      else record.totalHoursAsLearner += share;
    }
  }
  record.partners = [...partners].sort();
  return record;
}

/** Hours as people read them: to the quarter hour, `1.25`, `0.75`. */
export const formatHours = (hours: number): string => String(Math.round(hours * 4) / 4);
