// Opening a page starts its data with its code (issue 14 item 10), and the
// first bundle carries no page, schema library or tab strip (issue 20 item 6).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answeredAlready, ApiClient } from '../../../src/client/api.js';
import type { TokenSource } from '../../../src/client/host.js';
import { PrimedRequests } from '../../../src/client/primedRequests.js';
import { routeFor, startPageData, tabRoutes } from '../../../src/tab/routes.js';
import { deepLinkPath, personFor } from '../../../bench/support/tabDeepLinks.js';
import { upcomingSessions } from '../../../src/tab/pages/schedule/UpcomingSessions.js';

const tokens: TokenSource = { kind: 'dev-sign-in', getToken: async () => 'token' };
const me = {
  id: '11111111-2222-4333-8444-555555555555',
  displayName: 'Ana Ruiz',
  mail: 'ana@contoso.test',
  department: 'Transplant',
  careerStage: 'early' as const,
  timeZone: 'America/Chicago',
  roles: ['Participant' as const],
};

function countingFetch(answer: (url: string) => Response) {
  const urls: string[] = [];
  const fetchImpl = (async (url: string) => {
    urls.push(url);
    return answer(url);
  }) as typeof fetch;
  return { urls, fetchImpl };
}
const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

describe('a primed GET', () => {
  it('is handed to the page that asks for the same path, so the request is made once', async () => {
    const { urls, fetchImpl } = countingFetch(() => ok(me));
    const api = new ApiClient(tokens, { fetch: fetchImpl });
    api.prime('/api/me');
    await expect(api.me()).resolves.toMatchObject({ displayName: 'Ana Ruiz' });
    expect(urls).toEqual(['/api/me']);
    await api.me();
    expect(urls).toEqual(['/api/me', '/api/me']);
  });

  it('is not asked again while the page is already fetching the same path', async () => {
    const { urls, fetchImpl } = countingFetch(() => ok(me));
    const api = new ApiClient(tokens, { fetch: fetchImpl });
    const asked = api.me();
    api.prime('/api/me');
    await asked;
    expect(urls).toEqual(['/api/me']);
  });

  it('hands a failure to the page (with the server code) and the next call asks again', async () => {
    let first = true;
    const { urls, fetchImpl } = countingFetch(() => {
      if (!first) return ok(me);
      first = false;
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'No such person' } }), {
        status: 404,
      });
    });
    const api = new ApiClient(tokens, { fetch: fetchImpl });
    api.prime('/api/me');
    await expect(api.me()).rejects.toMatchObject({ name: 'ApiError', status: 404, code: 'not_found' });
    await expect(api.me()).resolves.toMatchObject({ id: me.id });
    expect(urls).toHaveLength(2);
  });

  it('is still parsed with the schema of the call that takes it: an answer off the contract is refused', async () => {
    const { fetchImpl } = countingFetch(() => ok({ id: 'not-a-person' }));
    const api = new ApiClient(tokens, { fetch: fetchImpl });
    api.prime('/api/me');
    await expect(api.me()).rejects.toMatchObject({ code: 'internal_error' });
  });

  it('is dropped when nobody takes it within 10 s, so a later visit never sees old data', () => {
    let now = 0;
    const primed = new PrimedRequests<string>(() => now);
    primed.add('/api/pairs', Promise.resolve('old'));
    now = 10_001;
    expect(primed.take('/api/pairs')).toBeNull();
  });

  it('is handed to a request the route says is the same (the dashboard period a moment later)', () => {
    const primed = new PrimedRequests<string>();
    primed.add('/api/x?from=1', Promise.resolve('primed'), (asked) => asked.startsWith('/api/x?'));
    expect(primed.take('/api/x?from=2')).not.toBeNull();
    expect(primed.take('/api/x?from=2')).toBeNull();
  });
});

describe('a primed answer that has already arrived', () => {
  const arrived = async (api: ApiClient, path: string) => {
    api.prime(path);
    // The schemas load with a first request (any client's); the primed answer settles a few ticks later.
    await new ApiClient(tokens, { fetch: (async () => ok(me)) as typeof fetch }).me();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  it("is the page's first render's data: parsed there and then, nothing sent, and taken once the render is committed", async () => {
    const { urls, fetchImpl } = countingFetch(() => ok(me));
    const api = new ApiClient(tokens, { fetch: fetchImpl });
    await arrived(api, '/api/me');
    // A first render React starts again reads the same answer.
    expect(answeredAlready(() => api.me())).toMatchObject({ value: me });
    const answered = answeredAlready(() => api.me());
    expect(answered).toMatchObject({ value: me });
    expect(urls).toEqual(['/api/me']);
    answered!.take();
    await api.me();
    expect(urls).toEqual(['/api/me', '/api/me']);
  });

  it('is not there while the answer is on its way: nothing sent, and the page takes the primed request later', async () => {
    let answer: (response: Response) => void = () => undefined;
    const urls: string[] = [];
    const fetchImpl = ((url: string) => {
      urls.push(url);
      return url === '/api/me' ? new Promise<Response>((resolve) => (answer = resolve)) : Promise.resolve(ok({}));
    }) as typeof fetch;
    const api = new ApiClient(tokens, { fetch: fetchImpl });
    await arrived(api, '/api/me');
    expect(answeredAlready(() => api.me())).toBeNull();
    answer(ok(me));
    await expect(api.me()).resolves.toEqual(me);
    expect(urls.filter((u) => u === '/api/me')).toHaveLength(1);
  });

  it('is left for the page when what it loads is more than that one answer, or the answer is off the contract', async () => {
    const { urls, fetchImpl } = countingFetch((url) => ok(url === '/api/me' ? me : [{ id: 'not-a-pair' }]));
    const api = new ApiClient(tokens, { fetch: fetchImpl });
    await arrived(api, '/api/me');
    await arrived(api, '/api/pairs');
    expect(answeredAlready(async () => ({ ...(await api.me()), extra: true }))).toBeNull();
    expect(answeredAlready(() => api.pairs())).toBeNull();
    // Nothing after the first request runs, so nothing more is sent, whatever the load does next.
    expect(answeredAlready(async () => (await api.me()) && api.session('s-1'))).toBeNull();
    expect(answeredAlready(() => api.send('GET', '/api/me/profile').then((r) => r.json()))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(urls).toEqual(['/api/me', '/api/pairs']);
    await expect(api.me()).resolves.toEqual(me);
    await expect(api.pairs()).rejects.toMatchObject({ code: 'internal_error' });
    expect(urls.filter((u) => u === '/api/me' || u === '/api/pairs')).toEqual(['/api/me', '/api/pairs']);
  });
});

describe('opening a page', () => {
  it('starts the data of the page a deep link names', () => {
    const primed: string[] = [];
    const api = { prime: (p: string) => void primed.push(p) };
    startPageData(api, '/tab/sessions/s-1');
    startPageData(api, '/tab/pairs/p-9');
    startPageData(api, '/tab');
    startPageData(api, '/elsewhere');
    expect(primed).toEqual([
      '/api/sessions/s-1',
      '/api/sessions/s-1/notes/me/draft',
      '/api/sessions/s-1/loop',
      '/api/pairs/p-9',
      '/api/pairs/p-9/history',
      '/api/pairs',
      '/api/me/agreements',
    ]);
  });

  it("starts the caller's own dashboard figures and outcomes without waiting to know who is signed in", () => {
    const primed: string[] = [];
    const api = { prime: (p: string) => void primed.push(p) };
    startPageData(api, '/tab/dashboard');
    expect(primed).toHaveLength(2);
    expect(primed[0]).toMatch(/^\/api\/me\/dashboard\?from=.*&to=/);
    expect(primed[1]).toBe('/api/outcomes');
  });

  it('finds a route for every page the tab routes, and the benchmark can open each one', () => {
    const people = {
      participant: { userPrincipalName: 'p@x', roles: ['Participant'] } as never,
      pairId: 'p-1',
      sessionId: 's-1',
      byRole: (role: string) => ({ userPrincipalName: `${role}@x`, roles: [role] }) as never,
    };
    for (const route of tabRoutes) {
      const url = deepLinkPath(route, people);
      expect(routeFor(url)?.route, url).toBe(route);
      expect(personFor(route, people)).toBeTruthy();
    }
  });
});

describe('the upcoming sessions the schedule page lists', () => {
  const session = (id: string, start: string, status = 'scheduled') =>
    ({ id, start, end: new Date(Date.parse(start) + 3_600_000).toISOString(), status }) as never;

  it('are every booked session still to come, soonest first (not only the next)', () => {
    const rows = [
      { session: session('c', '2030-01-20T15:00:00Z') },
      { session: session('past', '2020-01-01T15:00:00Z', 'held') },
      { session: session('a', '2030-01-06T15:00:00Z') },
      { session: session('x', '2030-01-07T15:00:00Z', 'cancelled') },
      { session: session('b', '2030-01-13T15:00:00Z') },
    ];
    expect(upcomingSessions(rows, null, new Date('2029-12-01')).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('are the next session alone until the history arrives', () => {
    const next = session('n', '2030-01-06T15:00:00Z');
    expect(upcomingSessions(null, next)).toEqual([next]);
    expect(upcomingSessions(null, null)).toEqual([]);
  });
});

/** Modules the tab's entry imports statically (what the first bundle must carry), by following import statements. */
/** package.json "imports" as the browser bundle resolves them (the `browser` condition). */
const subpathImports = (
  JSON.parse(readFileSync('package.json', 'utf8')) as {
    imports: Record<string, { browser: string }>;
  }
).imports;
const browserTarget = (specifier: string) => subpathImports[specifier]?.browser.replace(/\.ts$/, '.js') ?? specifier;

function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const specifier = browserTarget(match[1]!);
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const resolved = specifier.startsWith('./src/')
        ? path.resolve(specifier)
        : path.resolve(path.dirname(file), specifier);
      const candidates = [resolved.replace(/\.js$/, '.ts'), resolved.replace(/\.js$/, '.tsx')];
      const found = candidates.find((c) => existsSync(c));
      if (found) visit(found);
    }
  };
  visit(entry);
  return new Set([...packages, ...[...seen].map((f) => path.relative(process.cwd(), f))]);
}

describe("the tab's first bundle", () => {
  const initial = staticImports(path.resolve('src/tab/main.tsx'));

  it('carries no page: each loads when opened', () => {
    expect([...initial].filter((m) => m.startsWith('src/tab/pages/'))).toEqual([]);
  });

  it('carries no schema library: the client loads its schemas with the first request', () => {
    expect([...initial].filter((m) => m === 'zod' || m.startsWith('zod/'))).toEqual([]);
    expect([...initial].filter((m) => m.startsWith('src/core/') && m !== 'src/core/time.ts')).toEqual([]);
  });

  it('carries no teams-js or MSAL (loaded only inside a Microsoft 365 host)', () => {
    expect([...initial].filter((m) => m.startsWith('@microsoft/teams-js') || m.startsWith('@azure/msal'))).toEqual([]);
  });
});

describe('the pages with a note editor', () => {
  it("load without the PHI guard's name lexicon (compromise): it is fetched once the editor is open", () => {
    for (const page of ['src/tab/pages/session/SessionPage.tsx', 'src/tab/pages/meeting/MeetingPage.tsx']) {
      const loaded = staticImports(path.resolve(page));
      expect(loaded.has('src/ui/note/NoteEditor.tsx') || loaded.has('src/tab/pages/meeting/SessionLoop.tsx')).toBe(
        true,
      );
      expect([...loaded].filter((m) => m.startsWith('compromise'))).toEqual([]);
      expect(loaded.has('src/core/notes/phi/personTagger.browser.ts')).toBe(true);
    }
  });
});
