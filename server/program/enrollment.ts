// Enrollment: a person opts in, edits, pauses or leaves; the program owner
// invites people from a CSV file or an Entra group. Time zone and working
// hours always come from the person's mailbox settings, never from a form.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { errorCodes } from '../../src/core/api.js';
import {
  careerStageFromTitle,
  MailboxWorkingHours,
  type LeaveResponse,
  type MyProfileResponse,
  type Profile,
  type ProfileInput,
} from '../../src/core/enrollment/index.js';
import { ianaName } from '../../src/core/scheduling/index.js';
import type { Caller } from '../auth/caller.js';
import { findUser, type DirectoryUser } from '../graph/directory.js';
import { managerIdOf } from './directory.js';
import { invitationCard } from './enrollmentCards.js';
import { EnrollmentStore } from './enrollmentStore.js';
import { enqueueMessage } from './operations/outbox.js';
import { partnerLeft } from './pairs.js';
import { nowIso, type ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';
import { removeFromProposals } from './rounds.js';

export type EnrollmentPorts = Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>;

const WorkingHoursSettings = z.object({
  workingHours: z
    .object({
      daysOfWeek: z.array(z.string()),
      startTime: z.string(),
      endTime: z.string(),
      timeZone: z.object({ name: z.string() }).nullish(),
    })
    .nullish(),
  timeZone: z.string().nullish(),
});

/**
 * The mailbox's working hours in their own time zone (IANA), or null when unset or unreadable.
 * mailboxSettings gives times as "08:00:00.0000000" and the zone as the administrator set it up
 * (Windows or IANA name): https://learn.microsoft.com/graph/api/user-get-mailboxsettings
 */
export async function mailboxWorkingHours(graph: Client, userId: string): Promise<MailboxWorkingHours | null> {
  let raw: unknown;
  try {
    raw = await graph
      .api(`/users/${encodeURIComponent(userId)}/mailboxSettings`)
      .select(['workingHours', 'timeZone'])
      .get();
  } catch (err) {
    if (err instanceof GraphError && (err.statusCode === 429 || err.statusCode >= 500)) throw err;
    return null;
  }
  const settings = WorkingHoursSettings.safeParse(raw);
  const hours = settings.success ? settings.data.workingHours : null;
  if (!hours) return null;
  try {
    const zone = hours.timeZone?.name ?? settings.data!.timeZone;
    return MailboxWorkingHours.parse({
      timeZone: zone ? ianaName(zone) : 'UTC',
      start: hours.startTime.slice(0, 5),
      end: hours.endTime.slice(0, 5),
      days: hours.daysOfWeek.map((d) => d.toLowerCase()),
    });
  } catch {
    return null;
  }
}

const enrollmentStore = (ports: Pick<ProgramPorts, 'store'>) => new EnrollmentStore(ports.store);

async function directoryEntry(graph: Client, userId: string): Promise<DirectoryUser> {
  const user = await findUser(graph, userId);
  if (!user) throw new ApiProblem(errorCodes.notFound, 'The directory has no entry for you.');
  return user;
}

export async function myProfile(ports: EnrollmentPorts, caller: Caller): Promise<MyProfileResponse> {
  const [stored, user, workingHours] = await Promise.all([
    enrollmentStore(ports).profile(caller.userId),
    directoryEntry(ports.graph.client, caller.userId),
    mailboxWorkingHours(ports.graph.client, caller.userId),
  ]);
  return {
    profile: stored?.profile ?? null,
    directory: {
      displayName: user.displayName,
      department: user.department,
      careerStage: careerStageFromTitle(user.jobTitle),
      workingHours,
    },
  };
}

/** Opts in (or edits): the answers plus the directory's and mailbox's facts; a paused profile stays paused. */
export async function saveMyProfile(ports: EnrollmentPorts, caller: Caller, input: ProfileInput): Promise<Profile> {
  const store = enrollmentStore(ports);
  const [stored, user, managerId, workingHours] = await Promise.all([
    store.profile(caller.userId),
    directoryEntry(ports.graph.client, caller.userId),
    managerIdOf(ports.graph.client, caller.userId),
    mailboxWorkingHours(ports.graph.client, caller.userId),
  ]);
  return store.saveProfile({
    ...input,
    userId: caller.userId,
    displayName: user.displayName,
    mail: user.mail,
    department: user.department ?? '',
    managerId,
    workingHours,
    status: stored?.profile.status === 'paused' ? 'paused' : 'active',
    updatedAt: nowIso(ports),
  });
}

const notEnrolled = () => new ApiProblem(errorCodes.notFound, 'You have not opted in to pairing rounds.');

/** Pauses (sits out rounds, keeps the profile and pairs) or resumes. */
export async function setPaused(ports: EnrollmentPorts, caller: Caller, paused: boolean): Promise<Profile> {
  const store = enrollmentStore(ports);
  const stored = await store.profile(caller.userId);
  if (!stored) throw notEnrolled();
  if (stored.profile.status === 'invited')
    throw new ApiProblem(errorCodes.conflict, 'Confirm your profile first: an invitation is not yet an opt-in.');
  const status = paused ? 'paused' : 'active';
  await store.setProfileStatus(stored.itemId, status, nowIso(ports));
  return { ...stored.profile, status };
}

/**
 * Leaving: "their data goes with them". Removed: the profile (what they can teach and want to
 * learn, their preferences and hours), their place in rounds not yet published (a proposal is
 * the program's guess about them, not a shared record) and their own change requests (their
 * words). Kept: pairs already made and their sessions and notes, because that history is the
 * partner's too: the partner's notes and the sessions they attended do not vanish because the
 * other person left. Active pairs end (meetings ahead cancelled, the partner told) through
 * partnerLeft (./pairs.ts), as when the owner ends a pair.
 */
export async function leaveProgram(ports: EnrollmentPorts, caller: Caller): Promise<LeaveResponse> {
  const store = enrollmentStore(ports);
  const stored = await store.profile(caller.userId);
  const proposals = await removeFromProposals(ports, caller.userId);
  const changeRequests = await store.removeChangeRequestsBy(caller.userId);
  const endedPairs = (await partnerLeft(ports, caller.userId)).map((p) => p.id);
  // The profile goes last: a failure above leaves it, so leaving can be retried.
  if (stored) await store.removeProfile(stored.itemId);
  return { removed: { profile: Boolean(stored), proposals, changeRequests }, endedPairs };
}

export interface Invitee {
  user: DirectoryUser;
  line: number | null;
  careerStage?: Profile['careerStage'] | null;
  canTeach?: Profile['canTeach'];
  wantsToLearn?: Profile['wantsToLearn'];
  maxPairs?: number | null;
}

/** An invited profile for each person not enrolled yet, each with an invitation card; true when invited now. */
export async function invite(ports: EnrollmentPorts, invitee: Invitee): Promise<boolean> {
  const { user } = invitee;
  const [managerId, workingHours] = await Promise.all([
    managerIdOf(ports.graph.client, user.id),
    mailboxWorkingHours(ports.graph.client, user.id),
  ]);
  const profile: Profile = {
    userId: user.id,
    displayName: user.displayName,
    mail: user.mail,
    department: user.department ?? '',
    careerStage: invitee.careerStage ?? careerStageFromTitle(user.jobTitle) ?? 'mid',
    canTeach: invitee.canTeach ?? [],
    wantsToLearn: invitee.wantsToLearn ?? [],
    cadence: 'biweekly',
    durationMinutes: 30,
    languages: [],
    crossDepartment: true,
    maxPairs: invitee.maxPairs ?? 1,
    managerId,
    workingHours,
    status: 'invited',
    updatedAt: nowIso(ports),
  };
  const created = await enrollmentStore(ports).inviteOnce(profile);
  // Enqueued even when the profile was there already as an invitation: a crash between the two
  // must not lose the card, and the outbox key (invitation|enrollment|person) makes it once.
  const stored = created ? profile : (await enrollmentStore(ports).profile(user.id))?.profile;
  if (stored?.status === 'invited')
    await enqueueMessage(ports, {
      kind: 'invitation',
      subject: 'enrollment',
      recipient: user.id,
      dueAt: nowIso(ports),
      card: invitationCard(ports.teamsAppId, profile),
    });
  return created;
}

/** The invitation card's "Join with these answers": an invited profile with answers becomes active. */
export async function acceptInvitation(ports: EnrollmentPorts, userId: string): Promise<string> {
  const store = enrollmentStore(ports);
  const stored = await store.profile(userId);
  if (!stored) return 'There is no invitation for you any more. Open your profile in Reciprocal to opt in.';
  if (stored.profile.status !== 'invited') return 'You are already enrolled.';
  if (!stored.profile.canTeach.length || !stored.profile.wantsToLearn.length)
    return 'Open your profile in Reciprocal to say what you can teach and want to learn.';
  await store.saveProfile({
    ...stored.profile,
    languages: stored.profile.languages.length ? stored.profile.languages : ['en'],
    status: 'active',
    updatedAt: nowIso(ports),
  });
  return 'Welcome to Reciprocal pairing rounds. You can edit, pause or leave from your profile.';
}
