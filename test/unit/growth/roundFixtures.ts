// People, pairs, profiles and a published round for the round-end
// self-assessment tests (unit: test/unit/growth/assessmentPrompts.test.ts;
// integration: test/integration/growth-round-end.test.ts, growth-prompts.test.ts).
import type { Profile, Round } from '../../../src/core/enrollment/index.js';
import type { Pair, Participant } from '../../../src/core/schemas.js';

export const person = (i: number): Participant => ({
  userId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  displayName: `Person ${i}`,
  mail: `p${i}@example.org`,
  department: 'Transplant',
  careerStage: i % 2 ? 'seasoned' : 'early',
  timeZone: 'UTC',
});

export const pairOf = (id: string, a: number, b: number, ended: string | null = null): Pair => ({
  id,
  members: [person(a), person(b)],
  cadence: 'weekly',
  durationMinutes: 30,
  status: ended ? 'ended' : 'active',
  startedOn: '2026-01-05T00:00:00.000Z',
  endedOn: ended,
});

/** An enrolled person's profile (teaches leadership, wants technology adoption). */
export const profileOf = (
  p: Pick<Participant, 'userId' | 'displayName' | 'mail' | 'department' | 'careerStage'>,
  status: Profile['status'] = 'active',
): Profile => ({
  userId: p.userId,
  displayName: p.displayName,
  mail: p.mail,
  department: p.department,
  managerId: null,
  workingHours: null,
  careerStage: p.careerStage,
  canTeach: [{ area: 'leadership', level: 'advanced' }],
  wantsToLearn: [{ area: 'technology-adoption', level: 'beginner' }],
  cadence: 'weekly',
  durationMinutes: 30,
  languages: ['en'],
  crossDepartment: true,
  maxPairs: 1,
  status,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** A round of these pairs: with `nextRoundOn` a monthly one, without it one with no cadence. */
export const roundOf = (
  id: string,
  pairIds: string[],
  nextRoundOn: string | null,
  status: Round['status'] = 'published',
): Round => ({
  id,
  status,
  audience: { kind: 'everyone' },
  rules: { department: 'any', allowRepeats: false },
  cadence: nextRoundOn ? 'monthly' : 'none',
  createdAt: '2026-01-05T00:00:00.000Z',
  publishedAt: status === 'published' ? '2026-01-05T00:00:00.000Z' : null,
  nextRoundOn,
  people: [],
  pairs: [],
  dropped: [],
  unmatched: [],
  pairIds,
});

/** Every person's working hours: weekdays 09:00-17:00 UTC. */
export const officeHours = {
  recipientHours: () => ({
    of: async () => ({ zone: 'UTC', days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }),
  }),
};
