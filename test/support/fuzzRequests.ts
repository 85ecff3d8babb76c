// Seeded generation of hostile requests for every write route (issue 12): a
// small PRNG, valid bodies per route mutated field by field, raw bodies with
// wrong content types, hostile path ids and tokens of the right and wrong role.
import { focusAreas } from '../../src/core/schemas.js';

/** mulberry32: small, fast and good enough to pick mutations reproducibly. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

export interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export interface FuzzRoute {
  method: string;
  path: string;
  access: string;
}

/** One pair as one of its two people sees it: the ids they may legitimately write to. */
export interface Membership {
  token: string;
  userId: string;
  pairId: string;
  sessionIds: string[];
  actionItems: Array<{ sessionId: string; itemId: string }>;
  eventIds: string[];
}

export interface FuzzFixtures {
  memberships: Membership[];
  /** Tokens by role, and one token with no role at all. */
  tokens: Record<'Participant' | 'DepartmentLead' | 'ProgramOwner' | 'none', string>;
  userIds: string[];
  departments: string[];
  agendaTemplates: unknown;
  now: number;
}

export interface FuzzRequest {
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export const isWriteRoute = (r: FuzzRoute) => ['post', 'put', 'patch', 'delete'].includes(r.method);
export const routeName = (r: FuzzRoute) => `${r.method.toUpperCase()} ${r.path}`;

// ---- hostile values -------------------------------------------------------------

const phi = 'Pt John Smith MRN 4820193 DOB 01/02/1950 SSN 123-45-6789 lives at 12 Elm St, 555-867-5309';
const unicode = 'Ñandú 👩🏽‍⚕️ 中文 עברית \u202e\u0000\ud800 \uffff';
const deep = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const hostileDates = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2024-02-30T10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-03-08T02:30:00-05:00',
  '2026-06-01T24:00:00Z',
  '2026-06-01T10:00:00.123456789Z',
  '2026-06-01T10:00:00+14:00',
  '2026-06-01T10:00:00-12:00',
  '2100-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-06-01',
  '2026-06-01T10:00:00',
];

function hostileValue(rng: Random): unknown {
  const pools: Array<() => unknown> = [
    () => rng.pick([null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 1, 1e-300, 4294967296]),
    () => rng.pick(['NaN', 'Infinity', '-Infinity', '1e309', '0x1F', '', ' ', '\t\n', 'null', 'undefined']),
    () => 'x'.repeat(rng.pick([65, 129, 300, 513, 4001, 70_000, 200_000])),
    () => rng.pick([unicode, phi, `${phi} ${unicode}`.repeat(20)]),
    () =>
      rng.pick(["' or 1 eq 1", "x' or '1' eq '1", '%27%23%26', '../../..%2F', '<script>alert(1)</script>', '$filter']),
    () => rng.pick(hostileDates),
    () => rng.pick([[], {}, ['x'], [null], { $ne: 1 }, [1, 2, 3]]),
    () => deep(rng.pick([10, 200, 1000])),
    () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
    () => rng.pick(['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']),
  ];
  return rng.pick(pools)();
}

/** Ids for a path parameter: mostly the caller's own, sometimes hostile. */
function pathValue(rng: Random, real: string | undefined): string {
  if (real !== undefined && rng.chance(0.7)) return encodeURIComponent(real);
  return rng.pick([
    '%27',
    '%23',
    '%26',
    '%27%20or%201%20eq%201',
    '..%2F..%2Fadmin',
    '..',
    '%2E%2E',
    'x'.repeat(rng.pick([65, 129, 2000])),
    encodeURIComponent(unicode.slice(0, 12)),
    encodeURIComponent('👩🏽‍⚕️'),
    '%00',
    '%',
    '%E0%A4%A',
    'null',
    '00000000-0000-0000-0000-000000000000',
    ' ',
    '',
  ]);
}

// ---- valid bodies, one per write route -------------------------------------------

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3_600_000;
const futureHour = (rng: Random, now: number) => Math.ceil(now / hour) * hour + (24 + rng.int(24 * 40)) * hour;
const someFocusAreas = (rng: Random) => [...new Set([rng.pick(focusAreas), rng.pick(focusAreas)])];

type BodyMaker = (rng: Random, f: FuzzFixtures, m: Membership) => unknown;

const validBodies: Record<string, BodyMaker> = {
  'POST /api/pairs/:id/slots': (rng, f) => {
    const start = futureHour(rng, f.now);
    return {
      durationMinutes: rng.pick([30, 45, 60]),
      windowStart: iso(start),
      windowEnd: iso(start + (1 + rng.int(14)) * 24 * hour),
      bufferMinutes: rng.int(30),
      minimumNoticeMinutes: 60,
      treatTentativeAsBusy: rng.chance(0.5),
      preferences: { avoidLunch: rng.chance(0.5), preferMornings: rng.chance(0.5), avoidMondayFriday: false },
      maxSuggestions: 1 + rng.int(10),
    };
  },
  'POST /api/pairs/:id/sessions': (rng, f) => ({
    start: iso(futureHour(rng, f.now)),
    durationMinutes: rng.pick([30, 45, 60]),
    direction: rng.pick(['reverse', 'traditional', 'both']),
    focusAreas: someFocusAreas(rng),
    occurrences: 1 + rng.int(2),
  }),
  'PATCH /api/sessions/:id': (rng, f) => ({ start: iso(futureHour(rng, f.now)) }),
  'POST /api/sessions/:id/status': (rng) => ({ status: rng.pick(['scheduled', 'held', 'cancelled', 'no-show']) }),
  'PUT /api/sessions/:id/notes/me': (rng) => ({
    taught: rng.pick(['How I triage the readmission queue.', '', 'Shortcuts in the care-coordination platform.']),
    learned: 'How the ethics consult works.',
    actionItems: rng.chance(0.5) ? [{ id: `a${rng.int(5)}`, text: 'Try the new report', done: rng.chance(0.5) }] : [],
    focusAreas: someFocusAreas(rng),
    phiConfirmations: [],
  }),
  'PATCH /api/sessions/:id/action-items/:itemId': (rng) => ({ done: rng.chance(0.5) }),
  'POST /api/pairs/:id/touchpoints': (rng, f) => ({
    kind: rng.pick(['project-collaboration', 'case-review', 'technology-troubleshooting', 'other']),
    date: iso(f.now - rng.int(24 * 30) * hour),
    minutes: 1 + rng.int(120),
    focusAreas: someFocusAreas(rng),
  }),
  'POST /api/pairs': (rng, f) => ({
    members: [
      { userId: rng.pick(f.userIds), careerStage: rng.pick(['early', 'mid', 'seasoned']) },
      { userId: rng.pick(f.userIds), careerStage: rng.pick(['early', 'mid', 'seasoned']) },
    ],
    cadence: rng.pick(['weekly', 'biweekly', 'monthly']),
    durationMinutes: rng.pick([30, 45, 60]),
  }),
  // Never 'ended' in the valid body: the mutations reach it, and the pairs stay useful for the rest of the run.
  'PATCH /api/pairs/:id': (rng) => ({ cadence: rng.pick(['weekly', 'biweekly', 'monthly']), status: 'active' }),
  'PUT /api/program/agenda-templates': (_rng, f) => structuredClone(f.agendaTemplates),
  'POST /api/program/schedule-department': (rng, f) => ({ department: rng.pick(f.departments), dryRun: true }),
  'POST /api/sessions/link': (rng, _f, m) => ({
    eventId: m.eventIds.length > 0 ? rng.pick(m.eventIds) : 'AAMkAD-none',
    pairId: m.pairId,
    direction: rng.pick(['reverse', 'traditional', 'both']),
    focusAreas: someFocusAreas(rng),
  }),
};

// ---- mutations -------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every place in a value a mutation can hit, as key paths. */
function placesIn(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [
    [...prefix, k],
    ...placesIn((value as Record<string | number, unknown>)[k], [...prefix, k]),
  ]);
}

function setAt(
  root: unknown,
  place: Array<string | number>,
  change: (parent: Record<string, unknown>, key: string) => void,
) {
  let node = root;
  for (const k of place) {
    // An earlier mutation may have replaced a parent with a scalar: nothing left to change there.
    if (node === null || typeof node !== 'object') return;
    if (k === place[place.length - 1]) return change(node as Record<string, unknown>, String(k));
    node = (node as Record<string | number, unknown>)[k];
  }
}

function mutatedBody(rng: Random, valid: unknown): unknown {
  const body = structuredClone(valid) as Json;
  const places = placesIn(body);
  const roll = rng.next();
  if (roll < 0.15 || places.length === 0) return roll < 0.07 ? body : hostileValue(rng);
  if (roll < 0.6) {
    // One to three fields replaced with something hostile.
    for (let i = 1 + rng.int(3); i > 0; i--)
      setAt(body, rng.pick(places), (parent, key) => (parent[key] = hostileValue(rng)));
    return body;
  }
  if (roll < 0.72) {
    setAt(body, rng.pick(places), (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    });
    return body;
  }
  if (roll < 0.84 && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const extra = JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"name":"x"},"@odata.type":"#x"}');
    return { ...body, ...(extra as object), [`extra${rng.int(100)}`]: hostileValue(rng) };
  }
  // The whole body as the wrong shape.
  return rng.pick<unknown>([[body], [], 'a string', 42, null, true, deep(1000, body)]);
}

/** A body as bytes on the wire, with the headers that go with it. */
function encodedBody(rng: Random, body: unknown): { body: string | undefined; headers: Record<string, string> } {
  const json = { 'content-type': 'application/json' };
  const text = JSON.stringify(body) ?? 'null';
  const roll = rng.next();
  if (roll < 0.85) return { body: text, headers: json };
  return rng.pick<() => { body: string | undefined; headers: Record<string, string> }>([
    () => ({ body: text.slice(0, Math.max(1, text.length - 3)), headers: json }),
    () => ({ body: 'not json at all', headers: json }),
    () => ({ body: '', headers: json }),
    () => ({ body: undefined, headers: {} }),
    () => ({ body: text, headers: { 'content-type': 'text/plain' } }),
    () => ({ body: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    () => ({ body: '<a>1</a>', headers: { 'content-type': 'application/xml' } }),
    () => ({ body: text, headers: { 'content-type': 'application/json; charset=utf-16' } }),
    () => ({ body: text, headers: { 'content-type': 'application/json; charset=klingon' } }),
    () => ({ body: text, headers: { ...json, 'content-encoding': 'gzip' } }),
    () => ({ body: text, headers: { ...json, 'content-encoding': 'br, zstd' } }),
    () => ({ body: `\ufeff${text}`, headers: json }),
    () => ({ body: `{"a":"${'y'.repeat(300_000)}"}`, headers: json }),
    () => ({ body: `${'{"a":['.repeat(50_000)}1${']}'.repeat(50_000)}`, headers: json }),
    () => ({ body: text, headers: { 'content-type': 'application/merge-patch+json' } }),
  ])();
}

// ---- requests --------------------------------------------------------------------

function tokenFor(rng: Random, route: FuzzRoute, f: FuzzFixtures, m: Membership): string {
  // Mostly the right role (a member of the pair for participant routes); sometimes the wrong one.
  if (rng.chance(0.1)) return rng.pick([f.tokens.none, f.tokens.Participant, f.tokens.DepartmentLead]);
  if (route.access === 'Participant' || route.access === 'signed-in')
    return rng.chance(0.85) ? m.token : rng.pick([f.tokens.Participant, f.tokens.ProgramOwner]);
  return f.tokens[route.access as keyof FuzzFixtures['tokens']] ?? f.tokens.ProgramOwner;
}

/** A bearer token, now and then a damaged one (the router answers 401, never 5xx). */
function authorization(rng: Random, token: string): string {
  if (!rng.chance(0.03)) return `Bearer ${token}`;
  const [header, payload] = token.split('.');
  return rng.pick([
    'Bearer',
    `Basic ${token}`,
    `Bearer ${token}x`,
    `Bearer ${token.slice(0, -10)}`,
    `Bearer ${header}.${payload}.`,
    `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
    `Bearer ${Buffer.from('{"alg":"RS256","kid":"../../x"}').toString('base64url')}.${payload}.c2ln`,
    `Bearer ${Buffer.from('[1]').toString('base64url')}.${Buffer.from('null').toString('base64url')}.c2ln`,
    `Bearer ${'a'.repeat(8000)}.b.c`,
  ]);
}

function concretePath(rng: Random, route: FuzzRoute, m: Membership): string {
  const item = m.actionItems.length > 0 ? rng.pick(m.actionItems) : undefined;
  const session = item && rng.chance(0.5) ? item.sessionId : m.sessionIds.length ? rng.pick(m.sessionIds) : undefined;
  const realFor = (param: string) => {
    if (param === 'itemId') return item?.itemId;
    if (route.path.startsWith('/api/sessions/')) return item && param === 'id' ? item.sessionId : session;
    return m.pairId;
  };
  return route.path.replace(/:(\w+)/g, (_m, param: string) => pathValue(rng, realFor(param)));
}

export function fuzzRequest(rng: Random, route: FuzzRoute, f: FuzzFixtures): FuzzRequest {
  const m = rng.pick(f.memberships);
  const name = routeName(route);
  const valid = validBodies[name]?.(rng, f, m) ?? {};
  const sendBody = route.method !== 'delete' || rng.chance(0.3);
  const { body, headers } = sendBody ? encodedBody(rng, mutatedBody(rng, valid)) : { body: undefined, headers: {} };
  if (name === 'PUT /api/sessions/:id/notes/me' && rng.chance(0.5))
    headers['if-match'] = rng.pick(['*', '"1"', 'W/"2"', '"', 'x'.repeat(2000), '"a", "b"', 'Ñandú']);
  return {
    route: name,
    method: route.method.toUpperCase(),
    path: concretePath(rng, route, m),
    headers: { ...headers, authorization: authorization(rng, tokenFor(rng, route, f, m)) },
    body,
  };
}
