// A stored profile as the matcher sees it, and when a round's successor falls due.
import type { MatchingProfile } from '../matching/index.js';
import type { Profile } from './profile.js';
import type { RoundCadence } from './rounds.js';

/** Hours assumed when the mailbox states none: a weekday 9 to 5 in UTC. */
const assumedHours = {
  timeZone: 'UTC',
  start: '09:00',
  end: '17:00',
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
} as const;

export function matchingProfileOf(p: Profile): MatchingProfile {
  const hours = p.workingHours ?? assumedHours;
  return {
    id: p.userId,
    careerStage: p.careerStage,
    department: p.department || 'Unknown',
    managerId: p.managerId,
    timeZone: hours.timeZone,
    workingHours: { start: hours.start, end: hours.end, days: [...hours.days] },
    canTeach: p.canTeach.map((x) => x.area),
    wantsToLearn: p.wantsToLearn.map((x) => x.area),
    maxPairs: p.maxPairs,
    crossDepartment: p.crossDepartment,
  };
}

/** Someone outside the round who is in a reporting line: only their manager matters. */
export const standIn = (id: string, managerId: string | null): MatchingProfile => ({
  id,
  careerStage: 'mid',
  department: 'Unknown',
  managerId,
  timeZone: 'UTC',
  workingHours: { start: '09:00', end: '17:00', days: ['monday'] },
  canTeach: [],
  wantsToLearn: [],
  maxPairs: 0,
});

const monthsOf: Record<Exclude<RoundCadence, 'none'>, number> = { monthly: 1, quarterly: 3 };

/** The day the next round falls due after one published at `publishedAt`, or null without a cadence. */
export function nextRoundOn(publishedAt: string, cadence: RoundCadence): string | null {
  if (cadence === 'none') return null;
  const d = new Date(publishedAt);
  d.setUTCMonth(d.getUTCMonth() + monthsOf[cadence]);
  return d.toISOString().slice(0, 10);
}
