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

const moduleOf = (chunk: BuiltChunk | undefined) => (chunk?.facadeModuleId ?? '').replace(/\\/g, '/');

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
  const shell = lazyChunksOf(loaded, bundle).find((c) => moduleOf(c).endsWith('/src/tab/main.tsx'));
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
  const contract = lazyChunks.find((c) => moduleOf(c).endsWith('/src/client/contract.ts'));
  const needed = (chunk: BuiltChunk | undefined) => {
    const files = new Set<string>();
    for (const start of [chunk, contract]) if (start) withImports(start.fileName, bundle, files);
    return [...files].filter((file) => !loaded.has(file)).map((file) => `${base}${file}`);
  };
  return routePaths.map(({ path, folder }) => {
    const page = lazyChunks.find((c) => moduleOf(c).includes(`/src/tab/pages/${folder}/`));
    return [path === '' ? '/tab' : `/tab/${path}`, needed(page)];
  });
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
