// Runs the dev tenant in a process of its own for a benchmark, so the
// benchmark's event loop and memory figures are the app's alone. Prints one
// JSON line with its addresses once listening; stops on SIGTERM or when its
// parent goes away.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedDefaults as ids } from '../../server/config.js';
import { startDevTenant } from '../../devtenant/index.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-bench-devtenant-'));
const tenant = await startDevTenant({
  port: 0,
  httpsPort: 0,
  dataDir,
  tenantId: ids.tenantId,
  foreignTenantId: ids.foreignTenantId,
  clientId: ids.clientId,
  clientSecret: ids.clientSecret,
  botId: ids.botId,
});
const stop = async () => {
  await tenant.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
process.stdout.write(
  JSON.stringify({ url: tenant.url, httpsUrl: tenant.httpsUrl, tlsCertificatePath: tenant.tlsCertificatePath }) + '\n',
);
