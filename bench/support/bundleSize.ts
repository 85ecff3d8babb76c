// What the browser must fetch before a page can run: the entry module and
// every modulepreload its built HTML names (lazy chunks excluded), gzip-sized.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The module script and every modulepreload the tab's HTML names: what the browser fetches before any lazy chunk. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(match[1]!);
  return [...urls];
}

export function initialJsGzipBytes(
  webRoot: string,
  htmlFile: string,
): { bytes: number; files: { file: string; gzipBytes: number }[] } {
  const files = initialScripts(readFileSync(htmlFile, 'utf8')).map((url) => {
    const file = path.join(webRoot, url.replace(/^\//, ''));
    return { file: path.relative(webRoot, file), gzipBytes: gzipSync(readFileSync(file), { level: 9 }).length };
  });
  return { bytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files };
}
