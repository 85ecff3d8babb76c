// Enrollment and rounds over REST: a person's own profile (/api/me/profile),
// and the program owner's enrollment (CSV, Entra group) and pairing rounds.
import { z } from 'zod';
import { ProfileInput, RoundEdit, RoundId, StartRoundRequest } from '../../src/core/enrollment/index.js';
import { requireId } from '../program/access.js';
import { changeRequests } from '../program/changeRequests.js';
import { leaveProgram, myProfile, saveMyProfile, setPaused } from '../program/enrollment.js';
import { EnrollmentStore } from '../program/enrollmentStore.js';
import { enrollFromCsv, enrollGroup } from '../program/ownerEnrollment.js';
import type { ProgramPorts } from '../program/ports.js';
import { editRound, publishRound, rerunRound, roundById, roundSummaries, startRound } from '../program/rounds.js';
import { parseInput, type RouteDeclaration } from './route.js';

const PauseRequest = z.object({ paused: z.boolean().default(true) }).strict();
const CsvUpload = z
  .object({
    csv: z
      .string()
      .min(1, 'the file is empty')
      .max(250_000, 'at most 250,000 characters (about 2,000 people); split the file'),
  })
  .strict();
const GroupEnrollment = z
  .object({
    groupId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[0-9A-Za-z-]+$/, 'not a group id'),
  })
  .strict();

const roundId = (params: Readonly<Record<string, string>>) => requireId(RoundId, params.id, 'params.id');

function profileRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/me/profile',
      access: 'signed-in',
      summary: 'My enrollment profile, and what the directory and my mailbox say',
      async handle({ caller }) {
        return { body: await myProfile(ports, caller) };
      },
    },
    {
      method: 'put',
      path: '/api/me/profile',
      access: 'signed-in',
      summary: 'Opt in to pairing rounds, or edit my profile',
      async handle({ caller, body }) {
        return { body: await saveMyProfile(ports, caller, parseInput(ProfileInput, body)) };
      },
    },
    {
      method: 'post',
      path: '/api/me/profile/pause',
      access: 'signed-in',
      summary: 'Pause (sit rounds out) or resume',
      async handle({ caller, body }) {
        return { body: await setPaused(ports, caller, parseInput(PauseRequest, body ?? {}).paused) };
      },
    },
    {
      method: 'delete',
      path: '/api/me/profile',
      access: 'signed-in',
      summary: 'Leave the program: my profile and proposals go; shared history stays',
      async handle({ caller }) {
        return { body: await leaveProgram(ports, caller) };
      },
    },
  ];
}

function ownerEnrollmentRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/enrollment/profiles',
      access: 'ProgramOwner',
      summary: 'Everyone enrolled or invited, with their status',
      async handle() {
        const store = new EnrollmentStore(ports.store);
        const lists = await Promise.all(
          (['active', 'paused', 'invited'] as const).map((s) => store.profilesWithStatus(s)),
        );
        return {
          body: lists
            .flat()
            .map((p) => ({ userId: p.userId, displayName: p.displayName, department: p.department, status: p.status })),
        };
      },
    },
    {
      method: 'post',
      path: '/api/enrollment/csv',
      access: 'ProgramOwner',
      summary: 'Invite the people of a CSV file',
      async handle({ body }) {
        return { body: await enrollFromCsv(ports, parseInput(CsvUpload, body).csv) };
      },
    },
    {
      method: 'post',
      path: '/api/enrollment/group',
      access: 'ProgramOwner',
      summary: "Invite an Entra group's members",
      async handle({ body }) {
        return { body: await enrollGroup(ports, parseInput(GroupEnrollment, body).groupId) };
      },
    },
  ];
}

function roundRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/rounds',
      access: 'ProgramOwner',
      summary: 'Pairing rounds, newest first',
      async handle() {
        return { body: await roundSummaries(ports) };
      },
    },
    {
      method: 'post',
      path: '/api/rounds',
      access: 'ProgramOwner',
      summary: 'Start a round: the matcher proposes pairs',
      async handle({ body }) {
        return { status: 201, body: await startRound(ports, parseInput(StartRoundRequest, body)) };
      },
    },
    // Before /api/rounds/:id, which would take "change-requests" for an id.
    {
      method: 'get',
      path: '/api/rounds/change-requests',
      access: 'ProgramOwner',
      summary: 'Requests for a different pair',
      async handle() {
        return { body: await changeRequests(ports) };
      },
    },
    {
      method: 'get',
      path: '/api/rounds/:id',
      access: 'ProgramOwner',
      summary: 'A round with its proposal',
      async handle({ params }) {
        return { body: await roundById(ports, roundId(params)) };
      },
    },
    {
      method: 'patch',
      path: '/api/rounds/:id',
      access: 'ProgramOwner',
      summary: 'Lock, drop or swap pairs, or set the cadence',
      async handle({ params, body }) {
        const id = roundId(params);
        return { body: await editRound(ports, id, parseInput(RoundEdit, body)) };
      },
    },
    {
      method: 'post',
      path: '/api/rounds/:id/rerun',
      access: 'ProgramOwner',
      summary: 'Run the matcher again around the locked pairs',
      async handle({ params }) {
        return { body: await rerunRound(ports, roundId(params)) };
      },
    },
    {
      method: 'post',
      path: '/api/rounds/:id/publish',
      access: 'ProgramOwner',
      summary: 'Create the pairs and introduce each (idempotent)',
      async handle({ params }) {
        return { body: await publishRound(ports, roundId(params)) };
      },
    },
  ];
}

export function enrollmentRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [...profileRoutes(ports), ...ownerEnrollmentRoutes(ports), ...roundRoutes(ports)];
}
