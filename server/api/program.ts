// Pairs, sessions, shared-learning notes, touchpoints and the directory, as
// the tab and the task pane use them. Participants see only their own pairs
// (another pair's id answers 404, so ids do not leak); the program owner manages pairs.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  agendaToAdaptiveCard,
  agendaToText,
  AgendaTemplates,
  defaultAgendaTemplates,
  type Agenda,
} from '../../src/core/agenda/index.js';
import {
  BookSessionRequest,
  CreatePairRequest,
  NoteInput,
  RescheduleSessionRequest,
  SessionStatusRequest,
  SlotRequest,
  TouchpointRequest,
  UpdatePairRequest,
  type DirectionBalance,
  type PairSummary,
  type SlotResponse,
} from '../../src/core/api.js';
import { carriedOverActionItems, type CarriedActionItem } from '../../src/core/notes/model.js';
import { unconfirmedFindings } from '../../src/core/notes/phi.js';
import {
  ianaName,
  mutualFreeSlots,
  personSchedule,
  planSeries,
  rankSlots,
  type Availability,
  type Interval,
} from '../../src/core/scheduling/index.js';
import type { Pair, Participant, Role, Session, SharedLearningNote } from '../../src/core/schemas.js';
import type { GraphGateway } from '../graph/client.js';
import { cancelSessionEvent, freeBusy, moveSessionEvent } from '../graph/calendar.js';
import { meetingChatId, pairChat, postAdaptiveCard } from '../graph/chats.js';
import { tabDeepLink } from '../bot/commands.js';
import { bookOccurrence, programAgendaSource } from './booking.js';
import { NoteConflictError, type ProgramStore } from '../graph/programStore.js';
import { ApiProblem, parseInput, type Caller, type RouteDeclaration } from './route.js';

export interface ProgramDeps {
  store: ProgramStore;
  graph: GraphGateway;
  /** A Graph client acting as the signed-in user (on-behalf-of), for what only a user may do (post in chats). */
  delegatedGraph: (caller: Caller) => Client;
  publicUrl: string;
  /** The Teams app id, for deep links into the tab from cards. */
  teamsAppId: string;
  now: () => number;
}

const dayMs = 24 * 3_600_000;

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const isMember = (pair: Pair, userId: string) => pair.members.some((m) => m.userId === userId);
const has = (caller: Caller, role: Role) => caller.roles.includes(role);

export function programRoutes(d: ProgramDeps): RouteDeclaration[] {
  const { store } = d;

  async function pairFor(caller: Caller, id: string): Promise<Pair> {
    const pair = await store.pair(id);
    if (!pair || !(isMember(pair, caller.userId) || has(caller, 'ProgramOwner')))
      throw new ApiProblem(404, 'not_found', `no pair ${id} that you can see`);
    return pair;
  }

  async function sessionFor(caller: Caller, id: string) {
    const session = await store.session(id);
    if (!session) throw new ApiProblem(404, 'not_found', `no session ${id} that you can see`);
    const pair = await pairFor(caller, session.pairId);
    return { session, pair };
  }

  /** The open action items both people wrote in the pair's last session before `before`. */
  async function carriedOver(pairId: string, before: string): Promise<CarriedActionItem[]> {
    const previous = (await store.sessionsOfPair(pairId))
      .filter((s) => s.start < before && s.status !== 'cancelled')
      .at(-1);
    return previous ? carriedOverActionItems(await store.notesOfSession(previous.id)) : [];
  }

  async function summarize(pair: Pair, viewer: string): Promise<PairSummary> {
    const sessions = await store.sessionsOfPair(pair.id);
    const now = new Date(d.now()).toISOString();
    const balance: DirectionBalance = { reverse: 0, traditional: 0, both: 0 };
    for (const s of sessions) if (s.status === 'held' || s.status === 'scheduled') balance[s.direction]++;
    const next = sessions.find((s) => s.status === 'scheduled' && s.start >= now) ?? null;
    const last = [...sessions].reverse().find((s) => s.start < now && s.status !== 'cancelled') ?? null;
    const partner = pair.members.find((m) => m.userId !== viewer) ?? pair.members[1];
    return {
      pair,
      partner,
      balance,
      nextSession: next && stripAgenda(next),
      lastSession: last && stripAgenda(last),
      openActionItems: last ? carriedOverActionItems(await store.notesOfSession(last.id)) : [],
    };
  }

  async function templates(): Promise<AgendaTemplates> {
    const stored = AgendaTemplates.safeParse(await store.agendaTemplates());
    return stored.success ? stored.data : defaultAgendaTemplates;
  }

  async function availability(
    pair: Pair,
    window: Interval,
    options: { bufferMinutes: number; treatTentativeAsBusy: boolean },
  ) {
    const schedules = await freeBusy(
      d.graph,
      pair.members.map((m) => m.mail),
      window,
    );
    return pair.members.map((m) => {
      const infos = schedules.get(m.mail.toLowerCase());
      if (!infos?.length)
        throw new ApiProblem(502, 'upstream_unavailable', `Microsoft 365 returned no free/busy for ${m.displayName}`);
      const parts = infos.map((info) => {
        try {
          return personSchedule(info, window, options);
        } catch (err) {
          throw new ApiProblem(
            502,
            'upstream_unavailable',
            `free/busy for ${m.displayName}: ${(err as Error).message}`,
          );
        }
      });
      return {
        member: m,
        zone: parts[0]!.zone,
        working: parts.flatMap((p) => p.working),
        busy: parts.flatMap((p) => p.busy),
      };
    });
  }

  function noteFindings(input: z.infer<typeof NoteInput>) {
    const fields: Array<[string, string]> = [
      ['taught', input.taught],
      ['learned', input.learned],
      ...input.actionItems.map((a, i): [string, string] => [`actionItems.${i}.text`, a.text]),
    ];
    return fields.flatMap(([field, text]) =>
      unconfirmedFindings(text, input.phiConfirmations).map((f) => ({ field, ...f })),
    );
  }

  async function book(caller: Caller, pair: Pair, request: z.infer<typeof BookSessionRequest>) {
    const first = Date.parse(request.start);
    if (first < d.now()) throw new ApiProblem(400, 'invalid_request', 'body.start: is in the past', 'body.start');
    const horizon = {
      start: first - dayMs,
      end:
        first +
        (request.occurrences * (pair.cadence === 'monthly' ? 31 : pair.cadence === 'biweekly' ? 14 : 7) + 7) * dayMs,
    };
    const people = await availability(pair, horizon, { bufferMinutes: 0, treatTentativeAsBusy: true });
    const organizer = isMember(pair, caller.userId)
      ? pair.members.find((m) => m.userId === caller.userId)!
      : pair.members[0];
    // The series keeps the organizer's local time across daylight-saving changes.
    const zone = people.find((p) => p.member.userId === organizer.userId)!.zone;
    const series = planSeries(
      people.map((p): Availability => ({ displayName: p.member.displayName, working: p.working, busy: p.busy })),
      first,
      pair.cadence,
      request.durationMinutes,
      request.occurrences,
      { zone, notBefore: d.now() },
    );
    if (!series[0]?.slot) throw new ApiProblem(409, 'no_common_time', series[0]?.reason ?? 'no common time that week');
    const agenda = await programAgendaSource(store)(
      pair,
      request.direction,
      request.focusAreas,
      request.durationMinutes,
    );
    const booked: Array<{ session: Session; movedFrom: string | null }> = [];
    for (const occurrence of series) {
      if (!occurrence.slot) continue;
      const { session } = await bookOccurrence(d.graph, store, {
        pair,
        occurrence: occurrence.key,
        slot: occurrence.slot,
        organizerId: organizer.userId,
        direction: request.direction,
        focusAreas: request.focusAreas,
        agenda,
      });
      booked.push({
        session: stripAgenda(session),
        movedFrom: occurrence.movedFrom === null ? null : new Date(occurrence.movedFrom).toISOString(),
      });
    }
    const postedTo = ['the Teams meeting invitation'];
    if (isMember(pair, caller.userId) && booked[0])
      postedTo.push(...(await postAgendaToChats(caller, pair, agenda.agenda as Agenda, booked[0].session)));
    return { sessions: booked, agendaText: agendaToText(agenda.agenda as Agenda), agendaPostedTo: postedTo };
  }

  /**
   * Posts the agenda card, as the person booking, to the pair's chat and to
   * the meeting's chat. The meeting is booked either way; the answer names
   * where the agenda went.
   */
  async function postAgendaToChats(caller: Caller, pair: Pair, agenda: Agenda, session: Session): Promise<string[]> {
    const client = d.delegatedGraph(caller);
    const card = agendaToAdaptiveCard(agenda, {
      openSessionUrl: tabDeepLink(d.teamsAppId, `sessions/${session.id}`),
      addActionItemData: { action: 'addActionItem', sessionId: session.id },
    });
    const partner = pair.members.find((m) => m.userId !== caller.userId)!;
    const posted: string[] = [];
    const attempt = async (where: string, chatId: () => Promise<string | null>) => {
      try {
        const id = await chatId();
        if (id === null) return;
        await postAdaptiveCard(client, id, card, agenda.title);
        posted.push(where);
      } catch (err) {
        if (!(err instanceof GraphError)) throw err;
      }
    };
    await attempt(
      `your Teams chat with ${partner.displayName}`,
      async () => (await pairChat(client, [pair.members[0].userId, pair.members[1].userId])).id,
    );
    if (session.joinUrl) await attempt('the meeting chat', () => meetingChatId(client, session.joinUrl!));
    return posted;
  }

  const routes: RouteDeclaration[] = [
    {
      method: 'get',
      path: '/api/pairs',
      access: 'Participant',
      summary: "The caller's pairs with balance, next and last session, open action items",
      async handle({ caller }) {
        const pairs = (await store.pairsOf(caller.userId)).filter((p) => p.status !== 'ended');
        return { body: await Promise.all(pairs.map((p) => summarize(p, caller.userId))) };
      },
    },
    {
      method: 'get',
      path: '/api/pairs/:id',
      access: 'Participant',
      summary: "One of the caller's pairs",
      async handle({ caller, params }) {
        return { body: await summarize(await pairFor(caller, params.id!), caller.userId) };
      },
    },
    {
      method: 'post',
      path: '/api/pairs/:id/slots',
      access: 'Participant',
      summary: 'Ranked mutual free slots for a pair',
      async handle({ caller, params, body }) {
        const pair = await pairFor(caller, params.id!);
        const q = parseInput(SlotRequest, body);
        const window = { start: Date.parse(q.windowStart), end: Date.parse(q.windowEnd) };
        if (!(window.end > window.start))
          throw new ApiProblem(400, 'invalid_request', 'body.windowEnd: must be after windowStart', 'body.windowEnd');
        if (window.end - window.start > 62 * dayMs)
          throw new ApiProblem(400, 'invalid_request', 'body.windowEnd: a window is at most 62 days', 'body.windowEnd');
        const people = await availability(pair, window, {
          bufferMinutes: q.bufferMinutes,
          treatTentativeAsBusy: q.treatTentativeAsBusy,
        });
        const result = mutualFreeSlots(
          people.map((p) => ({ displayName: p.member.displayName, working: p.working, busy: p.busy })),
          { window, durationMinutes: q.durationMinutes, now: d.now(), minimumNoticeMinutes: q.minimumNoticeMinutes },
        );
        const ranked = rankSlots(
          result.slots,
          people.map((p) => ({
            userId: p.member.userId,
            displayName: p.member.displayName,
            zone: p.zone,
            busy: p.busy,
          })),
          q.preferences,
          q.maxSuggestions,
        );
        const response: SlotResponse = {
          suggestions: ranked.map((r) => ({
            start: new Date(r.start).toISOString(),
            end: new Date(r.end).toISOString(),
            score: r.score,
            reasons: r.reasons,
            localTimes: r.localTimes,
          })),
          noCommonTimeReason: result.reason,
        };
        return { body: response };
      },
    },
    {
      method: 'post',
      path: '/api/pairs/:id/sessions',
      access: 'Participant',
      summary: "Book a session (or a series at the pair's cadence) as Teams meetings",
      async handle({ caller, params, body }) {
        const pair = await pairFor(caller, params.id!);
        if (pair.status !== 'active') throw new ApiProblem(409, 'conflict', `this pair is ${pair.status}`);
        return { status: 201, body: await book(caller, pair, parseInput(BookSessionRequest, body)) };
      },
    },
    {
      method: 'get',
      path: '/api/sessions/:id',
      access: 'Participant',
      summary: "A session: agenda, my note, my partner's note, carried-over action items",
      async handle({ caller, params }) {
        const { session, pair } = await sessionFor(caller, params.id!);
        const partner = pair.members.find((m) => m.userId !== caller.userId) ?? pair.members[1];
        const [mine, theirs, carried] = await Promise.all([
          store.note(session.id, caller.userId),
          store.note(session.id, partner.userId),
          carriedOver(pair.id, session.start),
        ]);
        const parsedAgenda = z
          .object({ sections: z.array(z.unknown()) })
          .passthrough()
          .safeParse(session.agenda);
        return {
          body: {
            session: stripAgenda(session),
            pair,
            agenda: parsedAgenda.success ? agendaToText(session.agenda as Agenda) : null,
            myNote: mine,
            partnerNote: isMember(pair, caller.userId) ? (theirs?.note ?? null) : null,
            carriedOverActionItems: carried,
          },
        };
      },
    },
    {
      method: 'patch',
      path: '/api/sessions/:id',
      access: 'Participant',
      summary: 'Move a session (the same Teams meeting moves)',
      async handle({ caller, params, body }) {
        const { session } = await sessionFor(caller, params.id!);
        const { start } = parseInput(RescheduleSessionRequest, body);
        if (session.status !== 'scheduled' || !session.eventId)
          throw new ApiProblem(409, 'conflict', `a ${session.status} session cannot be moved`);
        const startMs = Date.parse(start);
        const endMs = startMs + (Date.parse(session.end) - Date.parse(session.start));
        await moveSessionEvent(d.graph.client, session.organizerId, session.eventId, startMs, endMs);
        const moved = {
          ...stripAgenda(session),
          start: new Date(startMs).toISOString(),
          end: new Date(endMs).toISOString(),
        };
        await store.recordSession(moved);
        return { body: { session: moved } };
      },
    },
    {
      method: 'delete',
      path: '/api/sessions/:id',
      access: 'Participant',
      summary: 'Cancel a session (the Teams meeting is cancelled)',
      async handle({ caller, params }) {
        const { session } = await sessionFor(caller, params.id!);
        if (session.eventId && session.status === 'scheduled') {
          try {
            await cancelSessionEvent(d.graph.client, session.organizerId, session.eventId);
          } catch (err) {
            if (!(err instanceof GraphError && err.statusCode === 404)) throw err;
          }
        }
        await store.recordSession({ ...stripAgenda(session), status: 'cancelled' });
        return { status: 204 };
      },
    },
    {
      method: 'post',
      path: '/api/sessions/:id/status',
      access: 'Participant',
      summary: 'Mark a session held or no-show',
      async handle({ caller, params, body }) {
        const { session } = await sessionFor(caller, params.id!);
        const { status } = parseInput(SessionStatusRequest, body);
        const updated = { ...stripAgenda(session), status };
        await store.recordSession(updated);
        return { body: { session: updated } };
      },
    },
    {
      method: 'put',
      path: '/api/sessions/:id/notes/me',
      access: 'Participant',
      summary: 'Save my shared-learning note for a session (If-Match for updates)',
      async handle({ caller, params, body, headers }) {
        const { session, pair } = await sessionFor(caller, params.id!);
        if (!isMember(pair, caller.userId))
          throw new ApiProblem(403, 'forbidden', 'only the two people of a pair write notes');
        const input = parseInput(NoteInput, body);
        const findings = noteFindings(input);
        if (findings.length > 0)
          throw new ApiProblem(
            422,
            'phi_unconfirmed',
            'this note looks like it holds patient identifiers: edit them out or confirm each one',
            undefined,
            { findings },
          );
        const now = new Date(d.now()).toISOString();
        const note: SharedLearningNote = {
          sessionId: session.id,
          pairId: pair.id,
          authorId: caller.userId,
          ...input,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        try {
          const saved = await store.saveNote(note, headers['if-match'] ?? null);
          return { body: saved, headers: { ETag: saved.etag } };
        } catch (err) {
          if (err instanceof NoteConflictError)
            throw new ApiProblem(
              412,
              'precondition_failed',
              'your note changed since you loaded it (another window or device saved it); review the current version',
              undefined,
              err.current,
            );
          throw err;
        }
      },
    },
    {
      method: 'patch',
      path: '/api/sessions/:id/action-items/:itemId',
      access: 'Participant',
      summary: 'Tick an action item of the pair off (or back on)',
      async handle({ caller, params, body }) {
        const { session, pair } = await sessionFor(caller, params.id!);
        if (!isMember(pair, caller.userId))
          throw new ApiProblem(403, 'forbidden', 'only the two people of a pair tick off action items');
        const { done } = parseInput(z.object({ done: z.boolean() }), body);
        // An item lives in this session's notes or, carried over, in the previous session's.
        const previous = (await store.sessionsOfPair(pair.id))
          .filter((s) => s.start < session.start && s.status !== 'cancelled')
          .at(-1);
        for (const sessionId of [session.id, previous?.id].filter((x): x is string => Boolean(x))) {
          for (const author of pair.members) {
            const found = await store.note(sessionId, author.userId);
            const item = found?.note.actionItems.find((i) => i.id === params.itemId);
            if (!found || !item) continue;
            const saved = await store.saveNote(
              {
                ...found.note,
                actionItems: found.note.actionItems.map((i) => (i.id === item.id ? { ...i, done } : i)),
                updatedAt: new Date(d.now()).toISOString(),
              },
              found.etag,
            );
            return { body: { item: saved.note.actionItems.find((i) => i.id === item.id)! } };
          }
        }
        throw new ApiProblem(404, 'not_found', `no action item ${params.itemId} in this session or the one before`);
      },
    },
    {
      method: 'post',
      path: '/api/pairs/:id/touchpoints',
      access: 'Participant',
      summary: 'Log an informal touchpoint',
      async handle({ caller, params, body }) {
        const pair = await pairFor(caller, params.id!);
        if (!isMember(pair, caller.userId))
          throw new ApiProblem(403, 'forbidden', 'only the two people of a pair log touchpoints');
        const input = parseInput(TouchpointRequest, body);
        const id = `${pair.id}~tp~${fnv(`${caller.userId}|${input.date}|${input.kind}|${input.minutes}`)}`;
        const touchpoint = await store.addTouchpoint({ id, pairId: pair.id, loggedBy: caller.userId, ...input });
        return { status: 201, body: { touchpoint } };
      },
    },
    {
      method: 'get',
      path: '/api/program/pairs',
      access: 'ProgramOwner',
      summary: 'Every pair in the program',
      async handle({ caller }) {
        const pairs = await store.allPairs();
        return {
          body: await Promise.all(
            pairs.map((p) =>
              summarize(p, caller.userId === p.members[1].userId ? p.members[1].userId : p.members[0].userId),
            ),
          ),
        };
      },
    },
    {
      method: 'post',
      path: '/api/pairs',
      access: 'ProgramOwner',
      summary: 'Create a pair',
      async handle({ body }) {
        const input = parseInput(CreatePairRequest, body);
        const members = await Promise.all(
          input.members.map((m) => participantFromDirectory(d.graph.client, m.userId, m.careerStage)),
        );
        const sorted = [...members].sort((a, b) => a.userId.localeCompare(b.userId)) as [Participant, Participant];
        const warnings: string[] = [];
        for (const [a, b] of [
          [sorted[0], sorted[1]],
          [sorted[1], sorted[0]],
        ] as const) {
          const managerId = await managerOf(d.graph.client, a.userId);
          if (managerId === b.userId)
            warnings.push(
              `${a.displayName} reports to ${b.displayName}: make sure both are comfortable learning from each other.`,
            );
        }
        for (const m of sorted) await store.upsertParticipant(m);
        const startedOn = new Date(d.now()).toISOString();
        const pair: Pair = {
          id: `pair-${fnv(`${sorted[0].userId}|${sorted[1].userId}|${startedOn.slice(0, 10)}`)}`,
          members: sorted,
          cadence: input.cadence,
          durationMinutes: input.durationMinutes,
          status: 'active',
          startedOn,
          endedOn: null,
        };
        return { status: 201, body: { pair: await store.createPair(pair), warnings } };
      },
    },
    {
      method: 'patch',
      path: '/api/pairs/:id',
      access: 'ProgramOwner',
      summary: "Change a pair's cadence or end it",
      async handle({ params, body }) {
        const change = parseInput(UpdatePairRequest, body);
        const updated = await store.updatePair(params.id!, {
          ...change,
          ...(change.status === 'ended' ? { endedOn: new Date(d.now()).toISOString() } : {}),
        });
        if (!updated) throw new ApiProblem(404, 'not_found', `no pair ${params.id}`);
        return { body: { pair: updated } };
      },
    },
    {
      method: 'get',
      path: '/api/directory/people',
      access: 'ProgramOwner',
      summary: 'Search the directory for people to pair',
      async handle({ query }) {
        const search = parseInput(z.string().trim().max(64), query['search'] ?? '', 'query.search');
        const request = d.graph.client
          .api('/users')
          .select(['id', 'displayName', 'mail', 'userPrincipalName', 'department', 'jobTitle'])
          .top(25);
        if (search) request.filter(`startswith(displayName,'${search.replace(/'/g, "''")}')`);
        const users = z
          .object({
            value: z.array(
              z.object({
                id: z.string(),
                displayName: z.string(),
                mail: z.string().nullable(),
                userPrincipalName: z.string(),
                department: z.string().nullable().optional(),
                jobTitle: z.string().nullable().optional(),
              }),
            ),
          })
          .parse(await request.get()).value;
        const people = await Promise.all(
          users.map(async (u) => ({
            id: u.id,
            displayName: u.displayName,
            mail: u.mail ?? u.userPrincipalName,
            department: u.department ?? null,
            jobTitle: u.jobTitle ?? null,
            managerId: await managerOf(d.graph.client, u.id),
          })),
        );
        return { body: people };
      },
    },
    {
      method: 'get',
      path: '/api/program/agenda-templates',
      access: 'ProgramOwner',
      summary: 'The agenda templates in use',
      async handle() {
        return { body: await templates() };
      },
    },
    {
      method: 'put',
      path: '/api/program/agenda-templates',
      access: 'ProgramOwner',
      summary: 'Edit the agenda templates',
      async handle({ body }) {
        const t = parseInput(AgendaTemplates, body);
        await store.saveAgendaTemplates(t);
        return { body: t };
      },
    },
  ];
  return routes;
}

function stripAgenda<T extends Session>(s: T & { agenda?: unknown }): Session {
  const { agenda: _agenda, ...session } = s;
  return session;
}

const DirectoryUser = z.object({
  id: z.string(),
  displayName: z.string(),
  mail: z.string().nullable(),
  userPrincipalName: z.string(),
  department: z.string().nullable().optional(),
});

async function participantFromDirectory(
  client: Client,
  userId: string,
  careerStage: Participant['careerStage'],
): Promise<Participant> {
  let user;
  try {
    user = DirectoryUser.parse(
      await client
        .api(`/users/${userId}`)
        .select(['id', 'displayName', 'mail', 'userPrincipalName', 'department'])
        .get(),
    );
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 404)
      throw new ApiProblem(
        400,
        'invalid_request',
        `body.members: no person ${userId} in the directory`,
        'body.members',
      );
    throw err;
  }
  const settings = z
    .object({ timeZone: z.string().optional() })
    .parse(await client.api(`/users/${userId}/mailboxSettings`).get());
  let timeZone = 'UTC';
  try {
    timeZone = ianaName(settings.timeZone ?? 'UTC');
  } catch {
    timeZone = 'UTC';
  }
  if (!user.department)
    throw new ApiProblem(
      400,
      'invalid_request',
      `body.members: ${user.displayName} has no department in the directory`,
      'body.members',
    );
  return {
    userId: user.id,
    displayName: user.displayName,
    mail: user.mail ?? user.userPrincipalName,
    department: user.department,
    careerStage,
    timeZone,
  };
}

async function managerOf(client: Client, userId: string): Promise<string | null> {
  try {
    return z.object({ id: z.string() }).parse(await client.api(`/users/${userId}/manager`).select(['id']).get()).id;
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 404) return null;
    throw err;
  }
}
