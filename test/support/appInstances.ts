// App instances as child processes against one dev tenant (test/support/appProcess.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDevTenant } from './devtenant.js';

const script = fileURLToPath(new URL('./appProcess.ts', import.meta.url));

export interface AppInstance {
  url: string;
  process: ChildProcess;
  /** Whatever the instance wrote to stderr (for a failing test's message). */
  stderr(): string;
  /** SIGKILL: the instance dies mid-work, as a crashed or evicted instance does. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function spawnAppInstance(
  devTenant: TestDevTenant,
  env: Record<string, string> = {},
): Promise<AppInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      ...env,
      PORT: '0',
      DEV_TENANT_PORT: new URL(devTenant.url).port,
      DEV_TENANT_HTTPS_PORT: new URL(devTenant.httpsUrl).port,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'reciprocal-instance-')),
      RECIPROCAL_TEST_CA: devTenant.tlsCertificatePath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`the app instance exited (${code}) before listening: ${err}`)));
  });
  return {
    url,
    process: child,
    stderr: () => err,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
