#!/usr/bin/env node
// `npm run playground`: the Microsoft 365 Agents Playground against the local bot.
// The Playground signs its activities with tokens it gets from Entra ID. The
// embedded dev tenant is not Entra ID and nothing here can reach Microsoft's
// cloud, and the bot accepts only authenticated activities, so on the embedded
// dev tenant this explains instead of starting something that cannot work.
import { spawn } from 'node:child_process';

const { TENANT_ID, BOT_ID, BOT_PASSWORD, PORT = '3978' } = process.env;
if (!TENANT_ID || !BOT_ID || !BOT_PASSWORD) {
  process.stderr.write(`The Agents Playground cannot talk to the bot on the embedded dev tenant:
  it gets its tokens from Entra ID (login.microsoftonline.com), which is not reachable here,
  and /api/messages accepts only activities whose token the SDK validates. There is no
  anonymous mode to fall back to, on purpose.

  Against a real tenant, with the app running (npm start with TENANT_ID, BOT_ID, ... set):
    TENANT_ID=... BOT_ID=... BOT_PASSWORD=... npm run playground

  Locally, the bot is exercised by test/integration/bot.test.ts, which posts the published
  Teams invoke payloads with tokens from the dev tenant's issuer.
`);
  process.exit(1);
}
const child = spawn(
  'npx',
  [
    '--yes',
    '@microsoft/m365agentsplayground',
    '-e',
    `http://127.0.0.1:${PORT}/api/messages`,
    '-c',
    'msteams',
    '--client-id',
    BOT_ID,
    '--client-secret',
    BOT_PASSWORD,
    '--tenant-id',
    TENANT_ID,
  ],
  { stdio: 'inherit' },
);
child.on('exit', (code) => process.exit(code ?? 1));
