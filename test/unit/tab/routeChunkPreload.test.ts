// The HTML's route preload (src/tab/host/routeChunkPreload.ts) and the route
// matcher the first script uses instead of react-router's: both must pick the
// route react-router renders, for every pattern of the route table.
import { runInNewContext } from 'node:vm';
import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  routeChunkPreloadScript,
  routeChunkTable,
  shellChunks,
  type BuiltChunk,
} from '../../../src/tab/host/routeChunkPreload.js';
import { matchRoutePattern, routeFor, tabRoutes } from '../../../src/tab/routes.js';

const urls = [
  '/tab',
  '/tab/',
  '/TAB/Profile',
  '/tab/pairs/p-1',
  '/tab/pairs/p-1/',
  '/tab/pairs/p-1/history',
  '/tab/pairs/',
  '/tab/sessions/pair-demo-6~2026-11-26',
  '/tab/admin',
  '/tab/dashboard',
  '/tab/no/such/page',
  '/tabby',
  '/elsewhere',
];
const patternOf = (path: string) => (path === '' ? '/tab' : `/tab/${path}`);

/** The modulepreload links the inline script adds for a URL. */
function preloadedFor(script: string, pathname: string): string[] {
  const added: string[] = [];
  const document = {
    createElement: () => ({}) as { href?: string },
    head: { appendChild: (link: { href: string }) => void added.push(link.href) },
  };
  runInNewContext(script, { location: { pathname }, document });
  return added;
}

describe('the route a URL opens', () => {
  it("is the one react-router's matchPath picks, for every route pattern", () => {
    for (const url of urls) {
      const ours = tabRoutes.find((r) => matchRoutePattern(patternOf(r.path), url) !== null);
      const routers = tabRoutes.find((r) => matchPath({ path: patternOf(r.path), end: true }, url) !== null);
      expect(ours?.path, url).toBe(routers?.path);
    }
  });

  it('decodes its parameters once', () => {
    expect(routeFor('/tab/pairs/a%20b')?.params['pairId']).toBe('a b');
    expect(routeFor('/tab/pairs/%E0%A4%A')?.params['pairId']).toBe('%E0%A4%A');
  });
});

describe("the HTML's route preload", () => {
  const table = tabRoutes.map((r): [string, string[]] => [patternOf(r.path), [`/assets/${r.folder}-${r.path}.js`]]);
  const script = routeChunkPreloadScript(table);

  it('preloads the files of the route react-router renders, and nothing outside the tab', () => {
    for (const url of urls) {
      const route = tabRoutes.find((r) => matchPath({ path: patternOf(r.path), end: true }, url) !== null);
      expect(preloadedFor(script, url), url).toEqual(route ? [`/assets/${route.folder}-${route.path}.js`] : []);
    }
  });

  const chunk = (
    fileName: string,
    facadeModuleId: string | null,
    imports: string[] = [],
    dynamicImports: string[] = [],
  ) => ({ type: 'chunk', fileName, facadeModuleId, imports, dynamicImports }) satisfies BuiltChunk;
  const bundle: Record<string, BuiltChunk> = {
    'boot.js': chunk('boot.js', '/r/src/tab/boot.ts', ['api.js'], ['main.js']),
    'api.js': chunk('api.js', null, [], ['contract.js']),
    'main.js': chunk('main.js', '/r/src/tab/main.tsx', ['react.js', 'api.js'], ['Schedule.js', 'MyPairs.js']),
    'react.js': chunk('react.js', null),
    'contract.js': chunk('contract.js', '/r/src/client/contract.ts', ['schemas.js']),
    'schemas.js': chunk('schemas.js', null),
    'Schedule.js': chunk('Schedule.js', '/r/src/tab/pages/schedule/SchedulePage.tsx', ['react.js', 'Card.js']),
    'MyPairs.js': chunk('MyPairs.js', '/r/src/tab/pages/pairs/MyPairsPage.tsx', ['Card.js']),
    'Card.js': chunk('Card.js', null),
  };

  it("names the shell's files for the HTML, and for each route only what the entry and shell do not carry", () => {
    expect(shellChunks(bundle['boot.js']!, bundle)).toEqual(['main.js', 'react.js']);
    const built = new Map(routeChunkTable(bundle['boot.js']!, bundle));
    expect(built.get('/tab/pairs/:pairId')).toEqual(['/Schedule.js', '/Card.js', '/contract.js', '/schemas.js']);
    expect(built.get('/tab')).toEqual(['/MyPairs.js', '/Card.js', '/contract.js', '/schemas.js']);
    expect(built.get('/tab/config')).toEqual(['/contract.js', '/schemas.js']);
  });
});
