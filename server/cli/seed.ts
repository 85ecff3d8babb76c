// `reciprocal seed --reset`: rebuild the dev tenant's demo organization.
import { ConfigError, loadConfig } from '../config.js';
import { reseedDevTenant } from '../../devtenant/index.js';

/** True when something answers at `url`: reseeding under a running dev tenant would corrupt what it serves. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

export async function run(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] !== '--reset') {
    process.stderr.write(
      'usage: reciprocal seed --reset   (wipes the dev tenant under DATA_DIR and seeds the demo organization again)\n',
    );
    return 2;
  }
  try {
    const config = loadConfig();
    if (!config.devTenant) {
      process.stderr.write(
        'reciprocal seed: a real tenant is configured; seeding only applies to the embedded dev tenant.\n',
      );
      return 1;
    }
    if (await answers(config.devTenant.url)) {
      process.stderr.write(
        `reciprocal seed: a dev tenant is running at ${config.devTenant.url}; stop it (Ctrl+C in the terminal running npm start) before reseeding.\n`,
      );
      return 1;
    }
    await reseedDevTenant({ dataDir: config.devTenant.dataDir });
    process.stdout.write(`Seeded the demo organization in ${config.devTenant.dataDir}. Start it with npm start.\n`);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`reciprocal: configuration error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
