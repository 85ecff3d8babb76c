// The schemas the API client parses answers with. Loaded on first use (in
// parallel with the first request), not with the page: the schema library is
// the largest thing the client needs and nothing has to wait for it to paint.
import { z } from 'zod';
import {
  ApiError,
  BookSessionResponse,
  CreatePairResponse,
  DirectoryPerson,
  MeetingRecognition,
  NoteWithEtag,
  PairSummary,
  ScheduleJob,
  SessionDetail,
  SlotResponse,
  errorCodes,
} from '../core/api.js';
import { MeetingSession } from '../core/meetings.js';
import { ActionItem, Me, Pair, Session, Touchpoint } from '../core/schemas.js';
import { ClientConfig } from './auth.js';

/** A department run as the server reports it, with its plan: each pair's time, and why others could not be placed. */
export const DepartmentJob = ScheduleJob.extend({
  dryRun: z.boolean().default(false),
  result: z
    .object({
      scheduled: z.array(z.object({ pairId: z.string(), start: z.string(), end: z.string() })),
      notScheduled: z.array(z.object({ pairId: z.string(), reason: z.string() })),
    })
    .nullable()
    .default(null),
});
export type DepartmentJob = z.infer<typeof DepartmentJob>;

const SessionWithEtag = z.object({ session: Session });

export const contract = {
  ApiErrorBody: ApiError,
  errorCodes,
  ClientConfig,
  Me,
  PairSummary,
  PairSummaries: z.array(PairSummary),
  SlotResponse,
  BookSessionResponse,
  SessionWithEtag,
  SessionOrSessionWithEtag: SessionWithEtag.or(Session.transform((session) => ({ session }))),
  SessionDetail,
  NoteWithEtag,
  ActionItemResponse: z.object({ item: ActionItem }).or(ActionItem),
  TouchpointResponse: z.object({ touchpoint: Touchpoint }).or(Touchpoint),
  PairResponse: z.object({ pair: Pair }).or(Pair),
  CreatePairResponse,
  DirectoryPeople: z.array(DirectoryPerson),
  DepartmentJob,
  MeetingRecognition,
  MeetingSession,
};
export type Contract = typeof contract;
