// A seeded fuzzer for every write route of the API (issue 12: zero 5xx for any
// caller input). Requests are generated from a fixed seed (fuzzRequests.ts), so a
// failure names a request that can be replayed; the integration test and
// `npm run fuzz` share it.
import type { TestApp } from './app.js';
import {
  fuzzRequest,
  isWriteRoute,
  seededRandom,
  type FuzzFixtures,
  type FuzzRequest,
  type FuzzRoute,
  type Membership,
} from './fuzzRequests.js';

export { isWriteRoute, routeName, type FuzzFixtures } from './fuzzRequests.js';

// ---- running ---------------------------------------------------------------------

export interface FuzzFailure {
  route: string;
  method: string;
  path: string;
  status: number;
  response: string;
  requestBody: string;
  requestHeaders: Record<string, string>;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  status5xx: number;
  routes: Record<string, { requests: number; byStatus: Record<string, number>; ms: number }>;
  byStatus: Record<string, number>;
  ms: number;
  /** Every 5xx, counted by status, route and the answer's message: one line per cause. */
  causes: Record<string, number>;
  failures: FuzzFailure[];
}

const clip = (s: string | undefined, n = 600) => (s === undefined ? '' : s.length > n ? `${s.slice(0, n)}…` : s);

async function send(baseUrl: string, req: FuzzRequest): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(`${baseUrl}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(30_000),
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    // No answer at all (reset, hang) counts as a server failure: status 599.
    return { status: 599, text: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

/** Sends `count` generated requests spread evenly over the write routes, `concurrency` at a time. */
export async function runFuzz(options: {
  baseUrl: string;
  routes: readonly FuzzRoute[];
  fixtures: FuzzFixtures;
  seed: number;
  count: number;
  concurrency?: number;
}): Promise<FuzzReport> {
  const rng = seededRandom(options.seed);
  const writes = options.routes.filter(isWriteRoute);
  // Generated up front, so the requests depend on the seed alone and not on the order answers arrive in.
  const requests = Array.from({ length: options.count }, (_, i) =>
    fuzzRequest(rng, writes[i % writes.length]!, options.fixtures),
  );
  const report: FuzzReport = {
    seed: options.seed,
    requests: 0,
    status5xx: 0,
    routes: {},
    byStatus: {},
    ms: 0,
    causes: {},
    failures: [],
  };
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++]!;
      const sent = Date.now();
      const { status, text } = await send(options.baseUrl, req);
      const route = (report.routes[req.route] ??= { requests: 0, byStatus: {}, ms: 0 });
      route.requests++;
      route.ms += Date.now() - sent;
      route.byStatus[status] = (route.byStatus[status] ?? 0) + 1;
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      report.requests++;
      if (status < 500) continue;
      report.status5xx++;
      const cause = `${status} ${req.route}: ${/"message":"([^"]*)"/.exec(text)?.[1] ?? clip(text, 80)}`;
      report.causes[cause] = (report.causes[cause] ?? 0) + 1;
      if (report.failures.length < 20)
        report.failures.push({
          route: req.route,
          method: req.method,
          path: clip(req.path, 200),
          status,
          response: clip(text),
          requestBody: clip(req.body),
          requestHeaders: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'authorization')),
        });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  report.ms = Date.now() - started;
  return report;
}

// ---- fixtures from a running app -------------------------------------------------

interface Summary {
  pair: { id: string; members: Array<{ userId: string; department: string }> };
  nextSession: { id: string } | null;
  lastSession: { id: string } | null;
  openActionItems: Array<{ id: string; sessionId: string }>;
}

/** Real ids from the seeded demo program, and tokens for every role. */
export async function loadFuzzFixtures(app: TestApp): Promise<FuzzFixtures> {
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
  const lead = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
  const plain = app.users.find((u) => u.roles.length === 1 && u.roles[0] === 'Participant')!;
  const pairs = (await app.request('/api/program/pairs', { as: owner.userPrincipalName })).body as Summary[];
  const memberships: Membership[] = [];
  for (const { pair } of pairs.slice(0, 6)) {
    for (const member of pair.members) {
      const person = app.users.find((u) => u.id === member.userId)!;
      const token = await app.userToken(person.userPrincipalName);
      const mine = ((await app.request('/api/pairs', { token })).body as Summary[]).find((s) => s.pair.id === pair.id);
      const meetings = (await app.request('/api/meetings?days=31', { token })).body as Array<{ eventId: string }>;
      memberships.push({
        token,
        userId: person.id,
        pairId: pair.id,
        sessionIds: [mine?.nextSession?.id, mine?.lastSession?.id].filter((s): s is string => !!s),
        actionItems: (mine?.openActionItems ?? []).map((a) => ({ sessionId: a.sessionId, itemId: a.id })),
        eventIds: Array.isArray(meetings) ? meetings.map((e) => e.eventId).slice(0, 5) : [],
      });
    }
  }
  return {
    memberships,
    tokens: {
      Participant: await app.userToken(plain.userPrincipalName),
      DepartmentLead: await app.userToken(lead.userPrincipalName),
      ProgramOwner: await app.userToken(owner.userPrincipalName),
      none: await app.tokenWithClaims(plain.userPrincipalName, { roles: [] }),
    },
    userIds: app.users.map((u) => u.id),
    departments: [...new Set(app.users.map((u) => u.department))],
    agendaTemplates: (await app.request('/api/program/agenda-templates', { as: owner.userPrincipalName })).body,
    now: Date.now(),
  };
}
