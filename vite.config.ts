// Browser bundles: the Teams tab and the Outlook task pane, built into dist/web.
// The server maps /tab/* and /outlook/* to the two HTML entries and /assets/* to
// the hashed chunks. Each surface is bundled on its own (the pane in a second
// pass after the tab): bundled together, the chunks they share are cut along the
// tab's lazy pages and the pane's first download is split into many small files
// that compress worse (measured: 199 KB gzip instead of 190 KB).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import {
  routeChunkPreloadScript,
  routeChunkTable,
  shellChunks,
  tabChunkPlan,
  type BuiltChunk,
  type TabChunkName,
} from './src/tab/host/routeChunkPreload.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const configFile = fileURLToPath(import.meta.url);

const surfaces: Record<string, string> = {
  tab: 'src/tab/index.html',
  outlook: 'src/outlook/index.html',
};
const surfaceVariable = 'RECIPROCAL_WEB_SURFACE';
/** Set while the tab is built a first time, in memory, to plan its files (planTabChunks). */
const planningVariable = 'RECIPROCAL_WEB_PLANNING';

/** The surface this pass builds (the tab first); a surface whose source is still being written is skipped. */
function pageInput(surface: string): Record<string, string> {
  const file = surfaces[surface]!;
  return existsSync(`${root}/${file}`) ? { [surface]: `${root}/${file}` } : {};
}

/** After the tab's pass, the Outlook pane's, into the same directory. */
function thenOutlook(): Plugin {
  let outDir = '';
  return {
    name: 'reciprocal:then-outlook',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      if (process.env[surfaceVariable] || process.env[planningVariable]) return;
      if (Object.keys(pageInput('outlook')).length === 0) return;
      process.env[surfaceVariable] = 'outlook';
      try {
        await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: false } });
      } finally {
        delete process.env[surfaceVariable];
      }
    },
  };
}

/**
 * The tab's HTML asks for the shell (main.tsx, which the small first script imports once it has
 * started sign-in and the data) and for the opened route's page chunk itself
 * (src/tab/host/routeChunkPreload.ts), as Vite already does for the entry's static imports.
 */
function routeChunkPreloads(): Plugin {
  return {
    name: 'reciprocal:route-chunk-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const entry = context.chunk;
        if (!entry || !context.bundle || !context.path.endsWith('/src/tab/index.html')) return;
        const bundle = context.bundle as Record<string, BuiltChunk>;
        const shell = shellChunks(entry, bundle).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
        const table = routeChunkTable(entry, bundle);
        return [...shell, { tag: 'script', children: routeChunkPreloadScript(table), injectTo: 'head' }];
      },
    },
  };
}

/**
 * The tab's chunks as the bundler cuts them by itself, built in memory, read
 * into the named files of src/tab/host/routeChunkPreload.ts (tabChunkPlan).
 */
async function planTabChunks(): Promise<Map<string, TabChunkName>> {
  process.env[planningVariable] = '1';
  try {
    const built = await build({ configFile, logLevel: 'silent', build: { write: false, sourcemap: false } });
    const output = (Array.isArray(built) ? built : [built]).flatMap((b) => ('output' in b ? b.output : []));
    const bundle: Record<string, BuiltChunk> = Object.fromEntries(output.map((file) => [file.fileName, file]));
    const entry = output.find((file): file is Rolldown.OutputChunk => file.type === 'chunk' && file.isEntry);
    if (!entry) throw new Error("the tab's first build has no entry chunk");
    return tabChunkPlan(entry, bundle);
  } finally {
    delete process.env[planningVariable];
  }
}

/**
 * Griffel's build-time transform of our own makeStyles (Fluent's packages ship theirs done): each becomes
 * `__styles` with its class names and CSS rules worked out here, so the browser no longer resolves style
 * objects (stylis, rtl-css-js, hashing) on a page's first render, and the shell no longer carries that code.
 * The same CSS either way: screenshots of every page, light and dark, 1280 and 360 px, were byte-identical.
 * https://github.com/microsoft/griffel/tree/main/packages/vite-plugin (wyw-in-js evaluates the style
 * objects, so it needs the TypeScript preset to read our modules).
 */
const griffelAheadOfTime = () => griffel({ babelOptions: { presets: ['@babel/preset-typescript'] } });

export default defineConfig(async ({ command }) => {
  const surface = process.env[surfaceVariable] ?? 'tab';
  const plan =
    command === 'build' && surface === 'tab' && !process.env[planningVariable] ? await planTabChunks() : null;
  return {
    root,
    base: '/',
    plugins: [react(), ...(command === 'build' ? [griffelAheadOfTime()] : []), routeChunkPreloads(), thenOutlook()],
    build: {
      outDir: 'dist/web',
      emptyOutDir: surface === 'tab',
      sourcemap: true,
      target: 'es2022',
      // The pane's entry holds all it needs at once (about 660 kB before gzip, 182 KB after).
      chunkSizeWarningLimit: 700,
      rolldownOptions: {
        input: pageInput(surface),
        output: {
          codeSplitting: {
            groups: [
              // The first script and everything it imports in one file: the sign-in and the page's data
              // start when that one file is here, not after a second round of small imports.
              { name: surface, tags: ['$initial' as const], priority: 3 },
              // The tab's shell in one file, then what its pages share in another (tabChunkPlan). In that
              // order: each group takes its modules' imports too, and the shell's are not the pages' to take.
              ...(plan
                ? (['shell', 'pages'] as const).map((name, index) => ({
                    name,
                    test: (id: string) => plan.get(id) === name,
                    priority: 2 - index,
                  }))
                : []),
            ],
          },
        },
      },
    },
    server: { host: '127.0.0.1' },
  };
});
