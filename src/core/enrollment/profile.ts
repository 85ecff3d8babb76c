// A person's enrollment in pairing rounds: what they can teach and want to
// learn (each focus area with a level), how they like to meet, and whether they
// take part now. Time zone and working hours are the mailbox's, never typed in.
import { z } from 'zod';
import { Cadence, CareerStage, FocusArea, SessionDuration, focusAreas } from '../schemas.js';

export const focusLevels = ['beginner', 'intermediate', 'advanced'] as const;
export const FocusLevel = z.enum(focusLevels);
export type FocusLevel = z.infer<typeof FocusLevel>;

export const FocusAreaWithLevel = z.object({ area: FocusArea, level: FocusLevel });
export type FocusAreaWithLevel = z.infer<typeof FocusAreaWithLevel>;

/** Active people are matched; paused ones keep their profile but sit rounds out; invited ones were enrolled by the owner and have not confirmed. */
export const profileStatuses = ['invited', 'active', 'paused'] as const;
export const ProfileStatus = z.enum(profileStatuses);
export type ProfileStatus = z.infer<typeof ProfileStatus>;

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const Weekday = z.enum(weekdays);

/** Working hours as the mailbox states them, in `timeZone` (IANA). */
export const MailboxWorkingHours = z.object({
  timeZone: z.string().min(1).max(64),
  start: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/),
  end: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/),
  days: z.array(Weekday).min(1).max(7),
});
export type MailboxWorkingHours = z.infer<typeof MailboxWorkingHours>;

const areaList = z
  .array(FocusAreaWithLevel)
  .max(focusAreas.length)
  .refine((xs) => new Set(xs.map((x) => x.area)).size === xs.length, 'each focus area at most once');

/** A language tag such as "en" or "es-MX". */
const Language = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en" or "es-MX"');

const answers = {
  careerStage: CareerStage,
  canTeach: areaList,
  wantsToLearn: areaList,
  cadence: Cadence,
  durationMinutes: SessionDuration,
  languages: z.array(Language).max(10),
  crossDepartment: z.boolean(),
  maxPairs: z.number().int().min(1).max(3),
};

/** What the person answers (PUT /api/me/profile). */
export const ProfileInput = z
  .object({
    ...answers,
    canTeach: areaList.refine((xs) => xs.length > 0, 'choose at least one focus area you can teach'),
    wantsToLearn: areaList.refine((xs) => xs.length > 0, 'choose at least one focus area you want to learn'),
    languages: answers.languages.min(1, 'name at least one language'),
  })
  .strict();
export type ProfileInput = z.infer<typeof ProfileInput>;

/** A stored profile: the answers (empty lists only in an owner's invitation) plus who, where and the mailbox's hours. */
export const Profile = z.object({
  ...answers,
  userId: z.string().min(1).max(64),
  displayName: z.string().max(256),
  mail: z.string().max(256),
  department: z.string().max(128),
  managerId: z.string().max(64).nullable(),
  workingHours: MailboxWorkingHours.nullable(),
  status: ProfileStatus,
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof Profile>;

/** GET /api/me/profile: the profile, or null, and what the directory and mailbox say (to prefill and show). */
export const MyProfileResponse = z.object({
  profile: Profile.nullable(),
  directory: z.object({
    displayName: z.string(),
    department: z.string().nullable(),
    /** The career stage the directory suggests (from the job title), which the person confirms. */
    careerStage: CareerStage.nullable(),
    workingHours: MailboxWorkingHours.nullable(),
  }),
});
export type MyProfileResponse = z.infer<typeof MyProfileResponse>;

export const LeaveResponse = z.object({
  removed: z.object({ profile: z.boolean(), proposals: z.number().int(), changeRequests: z.number().int() }),
  endedPairs: z.array(z.string()),
});
export type LeaveResponse = z.infer<typeof LeaveResponse>;

/** The career stage a job title suggests (the person confirms it): "Senior…", "…Lead", "Director…" seasoned; "… II" mid; "… I" early. */
export function careerStageFromTitle(title: string | null | undefined): CareerStage | null {
  if (!title) return null;
  if (/\b(senior|lead|director|principal|chief)\b/i.test(title)) return 'seasoned';
  if (/\bII\b/.test(title)) return 'mid';
  if (/\bI\b|\b(associate|junior)\b/i.test(title)) return 'early';
  return null;
}
