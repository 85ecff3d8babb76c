// The scheduling benchmark as a child process, at a tiny scale: options after
// the name reach the benchmark, and it ends with exit 0 or a reported error
// line, never an uncaught exception or an unhandled rejection.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

async function bench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/bench.mjs', ...args], {
      cwd: root,
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const uncaught = /triggerUncaughtException|Unhandled|UnhandledPromiseRejection|^\s+at /m;

describe('npm run bench -- scheduling --scale N', () => {
  it('passes --scale to the benchmark, which exits 0 and writes its figures for that scale', async () => {
    const file = path.join(root, 'bench/results/scheduling-0.01x.json');
    rmSync(file, { force: true });
    const run = await bench(['scheduling', '--scale', '0.01']);
    expect(run.stderr).not.toMatch(uncaught);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const figures = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(figures).toMatchObject({ scale: 0.01, pairs: 10, naiveSampled: false, doubleBooked: 0, naiveErrors: 0 });
    expect(figures['freeBusyRequests']).toBe(figures['floorRequests']);
    expect(Number(figures['placed']) + Number(figures['notPlacedReported'])).toBe(10);
  }, 240_000);

  it('reports a bad option on one line and exits 1, without a stack trace', async () => {
    const run = await bench(['scheduling', '--scale', 'lots']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/scheduling: error: --scale must be a number/);
    expect(run.stderr).not.toMatch(uncaught);
  }, 120_000);

  it('still refuses an unknown benchmark name (exit 2)', async () => {
    const run = await bench(['no-such-bench', '--scale', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no benchmark named "no-such-bench"/);
  });
});
