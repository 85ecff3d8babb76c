// The scheduling benchmark's instance at a scale, and the naive baseline (one
// findMeetingTimes per pair) it is compared with.
import { z } from 'zod';
import type { Pair, Participant } from '../../src/core/schemas.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import { graphUtc } from '../../server/graph/calendar.js';

export interface SyntheticPerson {
  id: string;
  userPrincipalName: string;
  timeZone: string;
}

/** At scale 1: 1,000 pairs among 1,600 people, 400 of them in two pairs; every figure grows with the scale. */
export function instanceSize(scale: number): { pairs: number; people: number } {
  const pairs = Math.max(10, Math.round(1_000 * scale));
  return { pairs, people: Math.round(pairs * 1.6) };
}

/**
 * Pair i: person i (0..P-1) with person P + (i + c) % (0.6 P), c = 2 at 1x and 10x, chosen so both are in the same
 * of the dev tenant's six time zones (synthetic person k is in zone k mod 6); 0.4 P of the second group are in two
 * pairs (at scale 10: 10,000 pairs among 16,000 people).
 */
export function benchPairs(people: readonly SyntheticPerson[], pairCount: number): Pair[] {
  const second = Math.round(pairCount * 0.6);
  const shift = (6 - (pairCount % 6)) % 6;
  const asParticipant = (u: SyntheticPerson): Participant => ({
    userId: u.id,
    displayName: u.userPrincipalName,
    mail: u.userPrincipalName,
    department: 'Bench',
    careerStage: 'mid',
    timeZone: u.timeZone,
  });
  return Array.from({ length: pairCount }, (_, i) => ({
    id: `bench-${String(i).padStart(5, '0')}`,
    members: [asParticipant(people[i]!), asParticipant(people[pairCount + ((i + shift) % second)]!)],
    cadence: 'biweekly',
    durationMinutes: i % 4 === 0 ? 60 : 30,
    status: 'active',
    startedOn: new Date().toISOString(),
    endedOn: null,
  }));
}

/** Every k-th pair, at least `size` of them (all of them when there are fewer). */
export function samplePairs(pairs: readonly Pair[], size: number): Pair[] {
  if (pairs.length <= size) return [...pairs];
  const step = Math.floor(pairs.length / size);
  return pairs.filter((_, i) => i % step === 0);
}

export interface NaiveBaseline {
  /** Requests the per-pair way needs for every pair (measured on the sample, scaled when sampled). */
  requests: number;
  ms: number;
  pairsWithASuggestion: number;
  sampled: boolean;
  samplePairs: number;
  /** How the delegated token was had (findMeetingTimes has no application permission). */
  auth: string;
  errors: number;
}

interface TenantAccess {
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** A demo user who may sign in with the password grant. */
  demoUser: string;
  requestsSoFar: () => Promise<number>;
}

async function passwordToken(t: TenantAccess, username: string): Promise<string | null> {
  const res = await fetch(`${t.url}/${t.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: t.clientId,
      client_secret: t.clientSecret,
      username,
      password: 'dev',
      scope: 'https://graph.microsoft.com/Calendars.Read',
    }),
  });
  if (!res.ok) return null;
  return z.object({ access_token: z.string() }).parse(await res.json()).access_token;
}

/**
 * findMeetingTimes has no application permission (Microsoft Graph, "user: findMeetingTimes", permissions:
 * https://learn.microsoft.com/graph/api/user-findmeetingtimes), so each pair's first person asks as themself
 * (password grant for a synthetic person). When the tenant refuses that grant for synthetic people, one demo user
 * asks for each pair with both as attendees and itself optional; the result says which was used.
 */
async function delegatedTokens(t: TenantAccess, pairs: readonly Pair[]) {
  // The app does not ask for Calendars.Read (delegated); the baseline's registration needs it, as an admin would consent.
  const registration = z
    .object({ delegatedPermissions: z.array(z.string()) })
    .parse(await (await fetch(`${t.url}/_admin/app-registration`)).json());
  if (!registration.delegatedPermissions.includes('Calendars.Read')) {
    const delegatedPermissions = [...registration.delegatedPermissions, 'Calendars.Read'];
    const consented = await fetch(`${t.url}/_admin/app-registration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ delegatedPermissions }),
    });
    if (!consented.ok) throw new Error(`the dev tenant refused consent to Calendars.Read: ${consented.status}`);
  }
  const first = await passwordToken(t, pairs[0]!.members[0].mail);
  if (first) {
    const tokens = new Map<string, string>([[pairs[0]!.members[0].mail, first]]);
    for (const p of pairs)
      if (!tokens.has(p.members[0].mail)) tokens.set(p.members[0].mail, (await passwordToken(t, p.members[0].mail))!);
    return { auth: 'delegated: password grant for each pair organizer, /me/findMeetingTimes', tokens, demo: null };
  }
  const demo = await passwordToken(t, t.demoUser);
  if (!demo) throw new Error(`the dev tenant gave no delegated token for the demo user ${t.demoUser}`);
  return {
    auth: `delegated: demo user ${t.demoUser} (organizer optional), /me/findMeetingTimes with both people as attendees`,
    tokens: new Map<string, string>(),
    demo,
  };
}

/** One findMeetingTimes request per sampled pair, 16 at a time; a failed request is counted, never thrown. */
export async function naiveBaseline(
  t: TenantAccess,
  pairs: readonly Pair[],
  window: Interval,
  sampleSize: number,
): Promise<NaiveBaseline> {
  const sample = samplePairs(pairs, sampleSize);
  const { auth, tokens, demo } = await delegatedTokens(t, sample);
  const before = await t.requestsSoFar();
  const started = performance.now();
  let next = 0;
  let found = 0;
  let errors = 0;
  const ask = async (pair: Pair) => {
    const [a, b] = pair.members;
    const attendees = (demo ? [a, b] : [b]).map((m) => ({ type: 'required', emailAddress: { address: m.mail } }));
    const res = await fetch(`${t.url}/v1.0/me/findMeetingTimes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo ?? tokens.get(a.mail)!}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        attendees,
        ...(demo ? { isOrganizerOptional: true } : {}),
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [{ start: graphUtc(window.start), end: graphUtc(window.end) }],
        },
        meetingDuration: `PT${pair.durationMinutes}M`,
        maxCandidates: 5,
      }),
    });
    const answer = z.object({ meetingTimeSuggestions: z.array(z.unknown()) }).safeParse(await res.json());
    if (!res.ok || !answer.success) errors++;
    else if (answer.data.meetingTimeSuggestions.length > 0) found++;
  };
  const worker = async () => {
    while (next < sample.length) await ask(sample[next++]!).catch(() => errors++);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const ms = performance.now() - started;
  const factor = pairs.length / sample.length;
  return {
    requests: Math.round(((await t.requestsSoFar()) - before) * factor),
    ms: ms * factor,
    pairsWithASuggestion: Math.round(found * factor),
    sampled: sample.length < pairs.length,
    samplePairs: sample.length,
    auth,
    errors,
  };
}
