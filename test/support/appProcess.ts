// One app instance as its own process (so a test can kill it), configured like
// startTestApp against a dev tenant that is already running. Prints
// "listening <url>" once it serves; SIGTERM drains it as `reciprocal serve` does.
// Environment: PORT, DEV_TENANT_PORT, DEV_TENANT_HTTPS_PORT, DATA_DIR, LOG_LEVEL,
// and RECIPROCAL_TEST_CA (the dev tenant's certificate).
import { loadConfig } from '../../server/config.js';
import { startApp } from '../../server/main.js';

const config = loadConfig(process.env);
config.identity.extraCaFile = process.env['RECIPROCAL_TEST_CA'] ?? config.identity.extraCaFile;
const app = await startApp(config);
process.stdout.write(`listening ${app.url}\n`);
const stop = () =>
  void app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
