// Browser bundles: the Teams tab and the Outlook task pane, built into dist/web.
// The server maps /tab/* and /outlook/* to the two HTML entries and /assets/* to
// the hashed chunks. Each surface is bundled on its own (the pane in a second
// pass after the tab): bundled together, the chunks they share are cut along the
// tab's lazy pages and the pane's first download is split into many small files
// that compress worse (measured: 199 KB gzip instead of 190 KB).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const configFile = fileURLToPath(import.meta.url);

const surfaces: Record<string, string> = {
  tab: 'src/tab/index.html',
  outlook: 'src/outlook/index.html',
};
const surfaceVariable = 'RECIPROCAL_WEB_SURFACE';

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
      if (process.env[surfaceVariable] || Object.keys(pageInput('outlook')).length === 0) return;
      process.env[surfaceVariable] = 'outlook';
      try {
        await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: false } });
      } finally {
        delete process.env[surfaceVariable];
      }
    },
  };
}

export default defineConfig(() => {
  const surface = process.env[surfaceVariable] ?? 'tab';
  return {
    root,
    base: '/',
    plugins: [react(), thenOutlook()],
    build: {
      outDir: 'dist/web',
      emptyOutDir: surface === 'tab',
      sourcemap: true,
      target: 'es2022',
      // The pane's entry holds all it needs at once (about 660 kB before gzip, 182 KB after).
      chunkSizeWarningLimit: 700,
      rolldownOptions: { input: pageInput(surface) },
    },
    server: { host: '127.0.0.1' },
  };
});
