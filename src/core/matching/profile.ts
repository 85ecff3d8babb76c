// What a round is matched from: each enrolled person's profile (what they can teach and
// want to learn, career stage, department, manager, working hours, capacity), the pairs of
// earlier rounds, and the round's rules. Parsed once at the edge with this schema.
import { z } from 'zod';
import { CareerStage, FocusArea } from '../schemas.js';
import { ianaName } from '../scheduling/timeZones.js';

const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const timeOfDay = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected a time of day like "08:30"');

const knownTimeZone = z.string().refine(
  (name) => {
    try {
      ianaName(name);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown time zone (expected an IANA name such as "America/Chicago")' },
);

export const MatchingProfile = z.object({
  id: z.string().min(1).max(128),
  careerStage: CareerStage,
  department: z.string().min(1).max(256),
  managerId: z.string().min(1).max(128).nullable(),
  timeZone: knownTimeZone,
  workingHours: z.object({
    start: timeOfDay,
    end: timeOfDay,
    days: z.array(z.enum(weekdayNames)).min(1).max(7),
  }),
  canTeach: z.array(FocusArea).max(8),
  wantsToLearn: z.array(FocusArea).max(8),
  /** How many pairs this person takes on in the round; 0 sits the round out. */
  maxPairs: z.number().int().min(0).max(10),
  /** Whether they welcome a partner from another department (default yes); no keeps them inside their own. */
  crossDepartment: z.boolean().optional(),
});
export type MatchingProfile = z.infer<typeof MatchingProfile>;

export const departmentRules = ['any', 'same', 'cross'] as const;
export const RoundRules = z.object({
  department: z.enum(departmentRules).default('any'),
  /** Whether two people paired in an earlier round may be paired again. */
  allowRepeats: z.boolean().default(false),
});
export type RoundRules = z.infer<typeof RoundRules>;

export const MatchingInput = z
  .object({
    people: z.array(MatchingProfile).max(100_000),
    pastPairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
    rules: RoundRules.default({ department: 'any', allowRepeats: false }),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.people.forEach((person, index) => {
      if (seen.has(person.id)) {
        ctx.addIssue({ code: 'custom', path: ['people', index, 'id'], message: `duplicate id "${person.id}"` });
      }
      seen.add(person.id);
    });
  });
export type MatchingInput = z.infer<typeof MatchingInput>;

export interface ProposedPair {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

export interface Unmatched {
  id: string;
  reason: string;
}

export interface RoundProposal {
  pairs: ProposedPair[];
  unmatched: Unmatched[];
}
