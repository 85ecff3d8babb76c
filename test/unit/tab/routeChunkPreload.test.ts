// The HTML's route preload (src/tab/host/routeChunkPreload.ts) and the route
// matcher the first script uses instead of react-router's: both must pick the
// route react-router renders, for every pattern of the route table.
import { runInNewContext } from 'node:vm';
import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  routeChunkPreloadScript,
  routeChunkTable,
  sharedByPages,
  shellChunks,
  tabChunkPlan,
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

describe("the tab's named files", () => {
  const chunk = (
    fileName: string,
    facadeModuleId: string | null,
    moduleIds: string[],
    imports: string[] = [],
    dynamicImports: string[] = [],
  ) => ({ type: 'chunk', fileName, facadeModuleId, moduleIds, imports, dynamicImports }) satisfies BuiltChunk;
  const pages = ['pairs/MyPairsPage', 'schedule/SchedulePage', 'session/SessionPage', 'admin/AdminPage'];
  // As the bundler cuts them by itself: a chunk per set of pages sharing a module.
  const natural: Record<string, BuiltChunk> = {
    'boot.js': chunk(
      'boot.js',
      '/r/src/tab/boot.ts',
      ['/r/src/tab/boot.ts', '/r/src/client/api.ts'],
      [],
      ['main.js', 'contract.js'],
    ),
    'main.js': chunk(
      'main.js',
      '/r/src/tab/main.tsx',
      ['/r/src/tab/main.tsx', '/r/src/tab/Shell.tsx'],
      ['react.js'],
      pages.map((p) => `${p}.js`),
    ),
    'react.js': chunk('react.js', null, ['/nm/react/index.js', '/nm/react-dom/client.js']),
    'contract.js': chunk('contract.js', '/r/src/client/contract.ts', ['/r/src/client/contract.ts'], ['zod.js']),
    'zod.js': chunk('zod.js', null, ['/nm/zod/index.js']),
    'card.js': chunk('card.js', null, ['/nm/@fluentui/react-card/index.js']),
    'dialog.js': chunk('dialog.js', null, ['/nm/@fluentui/react-dialog/index.js']),
    'charts.js': chunk('charts.js', null, ['/nm/charts/index.js']),
    ...Object.fromEntries(
      pages.map((p, i) => [
        `${p}.js`,
        chunk(
          `${p}.js`,
          `/r/src/tab/pages/${p}.tsx`,
          [`/r/src/tab/pages/${p}.tsx`],
          ['react.js', ...(i < sharedByPages ? ['card.js'] : []), ...(i < 2 ? ['dialog.js'] : [])],
          i === 3 ? ['charts.js'] : [],
        ),
      ]),
    ),
  };
  const plan = tabChunkPlan(natural['boot.js']!, natural);

  it("puts the shell's modules in one file, and what enough pages share, with the API schemas, in another", () => {
    expect(plan.get('/r/src/tab/main.tsx')).toBe('shell');
    expect(plan.get('/nm/react-dom/client.js')).toBe('shell');
    expect(plan.get('/nm/@fluentui/react-card/index.js')).toBe('pages');
    expect(plan.get('/nm/zod/index.js')).toBe('pages');
    expect(plan.get('/r/src/client/contract.ts')).toBe('pages');
  });

  it('leaves the first script, each page, what fewer pages share and lazy extras where the bundler puts them', () => {
    for (const id of [
      '/r/src/tab/boot.ts',
      '/r/src/tab/pages/admin/AdminPage.tsx',
      '/nm/@fluentui/react-dialog/index.js',
      '/nm/charts/index.js',
    ])
      expect(plan.get(id), id).toBeUndefined();
  });

  it('still finds the shell and the schemas for the HTML once they are in named files', () => {
    const named: Record<string, BuiltChunk> = {
      'boot.js': natural['boot.js']!,
      'shell.js': chunk(
        'shell.js',
        null,
        ['/r/src/tab/main.tsx', '/nm/react/index.js'],
        [],
        pages.map((p) => `${p}.js`),
      ),
      'pages.js': chunk('pages.js', null, [
        '/r/src/client/contract.ts',
        '/nm/zod/index.js',
        '/nm/@fluentui/react-card/index.js',
      ]),
      ...Object.fromEntries(
        pages.map((p) => [`${p}.js`, { ...natural[`${p}.js`]!, imports: ['shell.js', 'pages.js'] }]),
      ),
    };
    named['boot.js'] = { ...named['boot.js']!, dynamicImports: ['shell.js', 'pages.js'] };
    expect(shellChunks(named['boot.js'], named)).toEqual(['shell.js']);
    const table = new Map(routeChunkTable(named['boot.js'], named));
    expect(table.get('/tab/sessions/:sessionId')).toEqual(['/session/SessionPage.js', '/pages.js']);
    expect(table.get('/tab/config')).toEqual(['/pages.js']);
  });
});
