// Browser bundles: the Teams tab and the Outlook task pane, built as one
// multi-page app into dist/web. The server maps /tab/* and /outlook/* to the
// two HTML entries and /assets/* to the hashed chunks.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

const entries: Record<string, string> = {
  tab: 'src/tab/index.html',
  outlook: 'src/outlook/index.html',
};

/** Pages whose source exists: a surface still being written does not break the other's build. */
function pageInputs(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([, file]) => existsSync(`${root}/${file}`))
      .map(([name, file]) => [name, `${root}/${file}`]),
  );
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: { input: pageInputs() },
  },
  server: { host: '127.0.0.1' },
});
