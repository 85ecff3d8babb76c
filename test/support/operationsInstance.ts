// One app instance as its own process, for the two-instance operations test:
// the app against a running dev tenant, its scheduler on an accelerated clock
// shared by every instance (simulated time = CLOCK_START + (wall - origin) * CLOCK_RATE, the origin
// read from CLOCK_ORIGIN_FILE),
// with a planner that makes one message due per simulated hour per recipient.
// Prints `ready <url>` once listening. Run: node --import tsx test/support/operationsInstance.ts
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../server/config.js';
import { startApp } from '../../server/main.js';
import type { DueMessage, DuePlanner } from '../../server/program/operations/types.js';

const env = process.env;
const start = Number(env['CLOCK_START']);
// The shared origin arrives in a file once every instance is up (starting takes long on a loaded machine).
const originFile = String(env['CLOCK_ORIGIN_FILE']);
let origin: number | null = null;
const originNow = (): number | null => {
  if (origin === null && existsSync(originFile)) origin = Number(readFileSync(originFile, 'utf8'));
  return origin;
};
const rate = Number(env['CLOCK_RATE']);
const recipients = String(env['RECIPIENTS']).split(',');
const hour = 3_600_000;
const weekEnd = Number(env['WEEK_END'] ?? Infinity);
// Time stands still until the shared origin, so instances that start at different moments agree.
const now = () => start + Math.max(0, Date.now() - (originNow() ?? Date.now())) * rate;

/** The card names its key, so the channel's store can be counted by key. */
const hourlyPlanner = (people: readonly string[]): DuePlanner => ({
  kinds: ['reminder'],
  async plan(_ports, window) {
    const out: DueMessage[] = [];
    for (let t = Math.ceil(window.from / hour) * hour; t < Math.min(window.to, weekEnd); t += hour)
      for (const recipient of people) {
        const subject = `hour-${new Date(t).toISOString()}`;
        out.push({
          kind: 'reminder',
          subject,
          recipient,
          dueAt: new Date(t).toISOString(),
          card: {
            type: 'AdaptiveCard',
            version: '1.5',
            body: [{ type: 'TextBlock', text: `reminder|${subject}|${recipient}` }],
          },
        });
      }
    return out;
  },
});

if (env['CLOCK_START']) {
  const config = loadConfig({ ...env, PORT: '0', LOG_LEVEL: env['LOG_LEVEL'] ?? 'silent' });
  config.identity.extraCaFile = String(env['CA_FILE']);
  const app = await startApp(config, {
    scheduler: {
      planners: [hourlyPlanner(recipients)],
      now,
      intervalMs: Number(env['TICK_MS'] ?? 100),
      instanceId: String(env['INSTANCE'] ?? process.pid),
      // LEASE_MS is real time: two simulated minutes would be a few real milliseconds at this rate.
      leaseMs: Number(env['LEASE_MS'] ?? 3000) * rate,
      // Likewise a day of catch-up is 6 real seconds here, less than one tick on a loaded machine.
      catchUpMs: Number(env['CATCH_UP_MS'] ?? 60_000) * rate,
      sendTimeoutMs: 5_000,
    },
  });
  process.stdout.write(`ready ${app.url}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
