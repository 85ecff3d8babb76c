#!/usr/bin/env node
// `npm run bench` runs every benchmark in bench/ (each writes bench/results/<name>.json
// and prints its figures); `npm run bench -- scheduling dashboard` runs the named ones.
// Options after the name(s) go to each named benchmark: `npm run bench -- scheduling --scale 10`,
// `npm run bench -- message-extension --concurrency 100` (everything from the first `--` argument on).
// Support modules (bench/support/, or a name starting with "_") are not benchmarks.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const available = readdirSync(benchDir, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.startsWith('_') && !e.name.endsWith('.d.ts'))
  .map((e) => e.name.replace(/\.ts$/, ''))
  .sort();

const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const asked = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const unknown = asked.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: no benchmark named ${unknown.map((n) => `"${n}"`).join(', ')}. Available: ${available.join(', ')}\n`,
  );
  process.exit(2);
}

const failed = [];
// The 20,000-request fuzz run has its own script (`npm run fuzz`); a plain `npm run bench` leaves it out.
const ownScript = new Set(['fuzz']);
for (const name of asked.length > 0 ? asked : available.filter((n) => !ownScript.has(n))) {
  process.stdout.write(`\n== bench: ${name} ==\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', `${name}.ts`), ...options], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed.push(name);
    process.stdout.write(`== ${name}: FAILED (exit ${r.status ?? r.signal}) after ${seconds} s ==\n`);
  } else {
    process.stdout.write(`== ${name}: done in ${seconds} s ==\n`);
  }
}
if (failed.length > 0) {
  process.stderr.write(`bench: ${failed.length} failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
