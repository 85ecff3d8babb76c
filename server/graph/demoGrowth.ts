// The demo program's growth records: agreements, goals and two rounds of
// self-assessments (at enrollment and at the end of the first round), so the
// outcomes dashboard of `npm start` shows change past suppression. The first
// pair is left fresh (agreement pending, no goals, one assessment each): what
// a new pair sees, and what the growth walkthrough and its test start from.
import type { Goal, Ratings } from '../../src/core/growth/model.js';
import { naturalDirection } from '../../src/core/agenda/focusAreas.js';
import { fnv1a } from '../../src/core/hash.js';
import { focusAreas, type FocusArea, type Pair, type Participant } from '../../src/core/schemas.js';
import { createGoal, goalIdFor, recordAcceptance, saveAssessment } from './growthStore.js';
import type { ProgramStore } from './programStore.js';

/** A stable 0..n-1 from a person and a topic. */
const pick = (seed: string, n: number) => fnv1a(seed) % n;

/** Newer people start higher where they usually guide (technology...) and lower in clinical topics; seasoned the reverse. */
function firstRatings(p: Participant): Ratings {
  const guides = (area: FocusArea) => (naturalDirection(area) === 'reverse') === (p.careerStage !== 'seasoned');
  return Object.fromEntries(
    focusAreas.map((area) => [area, (guides(area) ? 4 : 2) + (pick(`${p.userId}${area}`, 3) === 0 ? -1 : 0)]),
  ) as Ratings;
}

/** After a round each person grew most in what their partner guides. */
function laterRatings(p: Participant, first: Ratings): Ratings {
  const guides = (area: FocusArea) => (naturalDirection(area) === 'reverse') === (p.careerStage !== 'seasoned');
  return Object.fromEntries(
    focusAreas.map((area) => {
      const growth = guides(area) ? pick(`${p.userId}${area}+`, 2) : 1 + pick(`${p.userId}${area}+`, 2);
      return [area, Math.min(5, (first[area] ?? 3) + growth)];
    }),
  ) as Ratings;
}

const goalTitles: Record<'learn' | 'teach', Partial<Record<FocusArea, string>>> = {
  learn: {
    'technology-adoption': 'Set up saved filters for my morning review',
    'cultural-competence': 'Ask about preferred language earlier in the first call',
    'clinical-expertise': 'Spot early signs a discharge plan will not hold',
    'system-navigation': 'Know whom to call when a community referral stalls',
  },
  teach: {
    'technology-adoption': 'Show the care-coordination dashboard shortcuts',
    'work-life-balance': 'Share my end-of-day shutdown routine',
    'ethical-reasoning': 'Walk through how I frame autonomy versus safety',
    leadership: 'Explain how I run a short huddle',
  },
};

function demoGoals(p: Participant, at: (daysAgo: number) => string, index: number): Goal[] {
  const seasoned = p.careerStage === 'seasoned';
  const learn: FocusArea = seasoned ? 'technology-adoption' : index % 2 ? 'system-navigation' : 'clinical-expertise';
  const teach: FocusArea = seasoned ? (index % 2 ? 'leadership' : 'ethical-reasoning') : 'technology-adoption';
  return (
    [
      ['learn', learn],
      ['teach', teach],
    ] as const
  ).map(([kind, focusArea], i) => {
    const title = goalTitles[kind][focusArea] ?? 'Share one thing I know well';
    const progress = (index + i) % 3 === 0 ? 'achieved' : (index + i) % 3 === 1 ? 'under-way' : 'not-started';
    const updates =
      progress === 'not-started'
        ? []
        : [
            { on: at(20), text: 'Talked it through in our session', progress: 'under-way' as const },
            ...(progress === 'achieved'
              ? [{ on: at(6), text: 'Done, and it stuck', progress: 'achieved' as const }]
              : []),
          ];
    return {
      id: goalIdFor(p.userId, { kind, focusArea, title }),
      personId: p.userId,
      kind,
      focusArea,
      title,
      progress,
      updates,
      createdAt: at(35),
      updatedAt: updates.at(-1)?.on ?? at(35),
    };
  });
}

/** Writes the growth records of the seeded pairs (idempotent: every key is deterministic). */
export async function seedDemoGrowth(store: ProgramStore, pairs: readonly Pair[], now: number): Promise<void> {
  const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
  const seen = new Set<string>();
  for (const [index, pair] of pairs.entries()) {
    const fresh = index === 0;
    if (!fresh)
      for (const [i, m] of pair.members.entries())
        await recordAcceptance(store, pair.id, { userId: m.userId, acceptedAt: at(40 - i) });
    for (const m of pair.members) {
      if (seen.has(m.userId)) continue;
      seen.add(m.userId);
      const first = firstRatings(m);
      await saveAssessment(store, { personId: m.userId, takenAt: at(42), occasion: 'enrollment', ratings: first });
      if (fresh) continue;
      await saveAssessment(store, {
        personId: m.userId,
        takenAt: at(7),
        occasion: 'round-end',
        ratings: laterRatings(m, first),
      });
      for (const goal of demoGoals(m, at, index)) await createGoal(store, goal);
    }
  }
}
