// The page chunk a deep link needs, asked for by the HTML itself. Without this
// the browser learns of the page's chunk only once the entry script has arrived
// and run (tens to hundreds of milliseconds later); with it, the page's code
// and the schemas for its data download alongside the entry. The build
// (vite.config.ts) works out each route's files from the bundle and writes the
// small inline script below into the tab's HTML.
import { routePaths } from '../routePaths.js';

/** Just what the build needs to know of a chunk (a subset of Rollup's OutputChunk). */
export interface BuiltChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  imports?: readonly string[];
  dynamicImports?: readonly string[];
  /** The modules rendered into the chunk. */
  moduleIds?: readonly string[];
}

/** URL pattern (react-router syntax, under /tab) and the files to modulepreload when it matches. */
export type RouteChunkTable = [pattern: string, files: string[]][];

/** A chunk and everything it imports statically. */
function withImports(fileName: string, bundle: Readonly<Record<string, BuiltChunk>>, into = new Set<string>()) {
  if (into.has(fileName)) return into;
  into.add(fileName);
  for (const imported of bundle[fileName]?.imports ?? []) withImports(imported, bundle, into);
  return into;
}

const normalized = (id: string) => id.replace(/\\/g, '/');
/** The chunk's own module, or, in a file the build named (tabChunkPlan below), each module it holds. */
const modulesOf = (chunk: BuiltChunk) =>
  (chunk.facadeModuleId ? [chunk.facadeModuleId] : (chunk.moduleIds ?? [])).map(normalized);
const holds = (chunk: BuiltChunk, suffix: string) => modulesOf(chunk).some((id) => id.endsWith(suffix));
/** A page's own chunk (a named file may hold modules of a page folder too: shared ones). */
const pageChunk = (chunks: BuiltChunk[], folder: string) =>
  chunks.find((c) => c.facadeModuleId && normalized(c.facadeModuleId).includes(`/src/tab/pages/${folder}/`));

/** The chunks the entry's code imports dynamically (its own and its static imports'). */
function lazyChunksOf(loaded: Set<string>, bundle: Readonly<Record<string, BuiltChunk>>): BuiltChunk[] {
  return [...loaded]
    .flatMap((file) => bundle[file]?.dynamicImports ?? [])
    .map((file) => bundle[file])
    .filter((chunk): chunk is BuiltChunk => chunk?.type === 'chunk');
}

/**
 * The shell's files (src/tab/main.tsx and its static imports: React, Fluent, the
 * header) that the first script (boot.ts) imports once it has started sign-in
 * and the data: the HTML preloads them so they download alongside it.
 */
export function shellChunks(entry: BuiltChunk, bundle: Readonly<Record<string, BuiltChunk>>): string[] {
  const loaded = withImports(entry.fileName, bundle);
  const shell = lazyChunksOf(loaded, bundle).find((c) => holds(c, '/src/tab/main.tsx'));
  return shell ? [...withImports(shell.fileName, bundle)].filter((file) => !loaded.has(file)) : [];
}

/**
 * For each route, the files its page needs beyond the first script and the
 * shell: the page's chunk (a dynamic import, from the shell's code, of
 * src/tab/pages/<folder>/), its static imports, and the API schemas
 * (src/client/contract.ts), which the first request of every page waits for.
 */
export function routeChunkTable(
  entry: BuiltChunk,
  bundle: Readonly<Record<string, BuiltChunk>>,
  base = '/',
): RouteChunkTable {
  const loaded = withImports(entry.fileName, bundle);
  for (const file of shellChunks(entry, bundle)) loaded.add(file);
  const lazyChunks = lazyChunksOf(loaded, bundle);
  const contract = lazyChunks.find((c) => holds(c, '/src/client/contract.ts'));
  const needed = (chunk: BuiltChunk | undefined) => {
    const files = new Set<string>();
    for (const start of [chunk, contract]) if (start) withImports(start.fileName, bundle, files);
    return [...files].filter((file) => !loaded.has(file)).map((file) => `${base}${file}`);
  };
  return routePaths.map(({ path, folder }) => {
    return [path === '' ? '/tab' : `/tab/${path}`, needed(pageChunk(lazyChunks, folder))];
  });
}

/** The files the build names for the tab (vite.config.ts): see tabChunkPlan. */
export type TabChunkName = 'shell' | 'pages';

/** A module the static imports of at least this many pages reach goes to `pages`, not to a chunk of its own. */
export const sharedByPages = 3;

/**
 * Which named file each module goes into, read from a first build left to the
 * bundler's own chunking (its chunks are what tree-shaking kept, which a walk
 * of the module graph through Fluent's barrel file cannot tell). Left to
 * itself the bundler cuts a chunk for every set of pages that shares a module:
 * a deep link to the session page fetched 44 files, and each costs a request
 * (six at a time over HTTP/1.1, the page's API calls queued behind them), a
 * module record and a task to run it. Measured on a 2-core machine, the same
 * code in 7 files made the page usable ~250 ms sooner (docs/tab.md). So:
 *   - `shell`: the modules of the shell's chunks (main.tsx and its imports),
 *     one file the HTML preloads on every URL;
 *   - `pages`: what at least `sharedByPages` pages import (Fluent's cards,
 *     fields, dialogs), with the API schemas every page's first request
 *     waits for: one file, fetched with the page;
 *   - everything else stays where the bundler puts it: one chunk per page,
 *     and lazy extras (charts, the name tagger, teams-js, MSAL) on their own.
 * The first script (boot.ts and its imports) is a group of its own.
 */
export function tabChunkPlan(
  entry: BuiltChunk,
  bundle: Readonly<Record<string, BuiltChunk>>,
): Map<string, TabChunkName> {
  const plan = new Map<string, TabChunkName>();
  const loaded = withImports(entry.fileName, bundle);
  const shell = shellChunks(entry, bundle);
  const modulesIn = (files: Iterable<string>) =>
    [...files].filter((file) => !loaded.has(file)).flatMap((file) => bundle[file]?.moduleIds ?? []);
  for (const id of modulesIn(shell)) plan.set(id, 'shell');
  for (const file of shell) loaded.add(file);
  const lazyChunks = lazyChunksOf(loaded, bundle);
  const reach = new Map<string, number>();
  for (const folder of new Set(routePaths.map((route) => route.folder))) {
    const page = pageChunk(lazyChunks, folder);
    if (!page) continue;
    for (const id of new Set(modulesIn(withImports(page.fileName, bundle)))) reach.set(id, (reach.get(id) ?? 0) + 1);
  }
  for (const [id, pages] of reach) if (pages >= sharedByPages) plan.set(id, 'pages');
  const contract = lazyChunks.find((c) => holds(c, '/src/client/contract.ts'));
  if (contract) for (const id of modulesIn(withImports(contract.fileName, bundle))) plan.set(id, 'pages');
  return plan;
}

/**
 * Plain ES5 (it runs as written, in the HTML, before any module): matches the
 * URL against the table like react-router's matchPath (case-insensitive, `:name`
 * one segment, `*` the rest, a trailing slash ignored) and adds a
 * `<link rel="modulepreload">` for each file of the first match.
 */
export function routeChunkPreloadScript(table: RouteChunkTable): string {
  // Each file named once: most routes share the schemas and Fluent's building blocks.
  const files = [...new Set(table.flatMap(([, routeFiles]) => routeFiles))];
  const routes = table.map(([pattern, routeFiles]) => [pattern, routeFiles.map((file) => files.indexOf(file))]);
  return `(function (files, table) {
  var parts = location.pathname.replace(/\\/+$/, '').split('/');
  function matches(pattern) {
    for (var i = 0; i < pattern.length; i++) {
      if (pattern[i] === '*') return true;
      if (i >= parts.length) return false;
      if (pattern[i].charAt(0) === ':') {
        if (!parts[i]) return false;
      } else if (pattern[i].toLowerCase() !== parts[i].toLowerCase()) return false;
    }
    return parts.length === pattern.length;
  }
  for (var r = 0; r < table.length; r++) {
    if (!matches(table[r][0].split('/'))) continue;
    for (var f = 0; f < table[r][1].length; f++) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = files[table[r][1][f]];
      document.head.appendChild(link);
    }
    return;
  }
})(${JSON.stringify(files)}, ${JSON.stringify(routes)});`;
}
