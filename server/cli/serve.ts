// `reciprocal serve` (what `npm start` runs): the app, and beside it the dev
// tenant when no real tenant is configured.
import { ConfigError, embeddedDefaults, loadConfig, type Config } from '../config.js';
import { startDevTenant, type RunningDevTenant } from '../../devtenant/index.js';
import { seedDemoProgram, type DemoPerson } from '../graph/demoProgram.js';
import { startApp, type StartedApp } from '../main.js';
import { permissionsOfType } from '../permissions.js';

/**
 * How long a shutdown may take in all. A platform kills the process some time
 * after SIGTERM; App Service does not document that grace period for Node on
 * Linux (Container Apps and Kubernetes default to 30 s), so we stay under 30 s.
 */
const shutdownBudgetMs = 25_000;

export async function startDevTenantFor(config: Config): Promise<RunningDevTenant> {
  const d = config.devTenant!;
  return startDevTenant({
    port: d.port,
    httpsPort: d.httpsPort,
    dataDir: d.dataDir,
    tenantId: config.tenantId,
    foreignTenantId: d.foreignTenantId,
    clientId: config.identity.clientId,
    clientSecret: config.identity.clientSecret ?? embeddedDefaults.clientSecret,
    botId: config.bot.id,
    faults: d.faults,
    // The dev tenant consents to exactly what the product documents, as an admin following docs/deploy.md would.
    appRegistration: {
      applicationPermissions: permissionsOfType('application'),
      delegatedPermissions: permissionsOfType('delegated'),
    },
  });
}

/** The embedded dev tenant starts with a program to look at: pairs with a few weeks of history. */
export async function seedDemoProgramFor(
  app: StartedApp,
  devTenant: RunningDevTenant,
): Promise<{ pairs: number; sessions: number }> {
  const directory = (await (await fetch(`${devTenant.url}/`)).json()) as { users: DemoPerson[] };
  return seedDemoProgram(app.services.store, directory.users, Date.now());
}

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      `reciprocal serve: takes no arguments (got "${args.join(' ')}"); configure it with environment variables (see README).\n`,
    );
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`reciprocal: configuration error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  let devTenant: RunningDevTenant | null = null;
  try {
    if (config.devTenant) devTenant = await startDevTenantFor(config);
    const app = await startApp(config);
    if (devTenant) {
      const seeded = await seedDemoProgramFor(app, devTenant);
      if (seeded.pairs > 0)
        process.stdout.write(`Seeded the demo program: ${seeded.pairs} pairs, ${seeded.sessions} past sessions.\n`);
    }
    const lines = [
      `Reciprocal is running (${config.mode === 'embedded' ? 'embedded dev tenant' : `tenant ${config.tenantId}`}).`,
      `  Open:            ${app.url}/`,
      `  Teams tab:       ${app.url}/tab`,
      `  Outlook pane:    ${app.url}/outlook`,
      `  Bot endpoint:    ${app.url}/api/messages`,
      ...(devTenant
        ? [
            `  Dev tenant:      ${devTenant.url}  (Graph at ${devTenant.url}/v1.0, identity also at ${devTenant.httpsUrl})`,
          ]
        : []),
      'Press Ctrl+C to stop.',
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    process.stdout.write(`Stopping Reciprocal (${signal}): finishing requests under way, handing jobs on…\n`);
    // A second Ctrl+C (or SIGTERM) does not wait for open connections.
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
    // The drain is bounded (requests, then bookings under way); past this the platform would kill us anyway.
    const giveUp = setTimeout(() => {
      process.stderr.write('reciprocal: shutdown took too long; exiting without waiting further.\n');
      process.exit(1);
    }, shutdownBudgetMs);
    giveUp.unref();
    await app.close();
    clearTimeout(giveUp);
    process.stdout.write('Stopped.\n');
    return 0;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      process.stderr.write(
        `reciprocal: a port is already in use (${e.message}). Stop the other process or set PORT / DEV_TENANT_PORT.\n`,
      );
      return 1;
    }
    throw err;
  } finally {
    await devTenant?.close();
  }
}
