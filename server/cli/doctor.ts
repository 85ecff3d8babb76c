// `reciprocal doctor [--json] [--user-token T]`: an admin's first command after
// configuring a tenant. Checks, in order, configuration, tokens, every documented
// Graph permission, the token version our API accepts, the program site, the
// bot, /healthz, the packaged manifests and the clock; prints each as ok or a
// problem with its fix. Exit 0 when all pass, 1 otherwise. In embedded mode it
// checks the running dev tenant the same way, signing in a demo user.
import { createTokenSource } from '../auth/tokens.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import {
  appTokenCheck,
  botTokenCheck,
  clockCheck,
  firstMailbox,
  healthCheck,
  httpFetch,
  manifestCheck,
  ok,
  permissionChecks,
  problem,
  programSiteCheck,
  tokenVersionCheck,
  type Check,
  type DoctorContext,
} from './doctorChecks.js';

export interface DoctorOptions {
  env?: NodeJS.ProcessEnv;
  /** A configuration to check instead of the environment's (tests). */
  config?: Config;
  /** Where the running app answers, when not at PUBLIC_URL. */
  appUrl?: string;
  root?: string;
  out?: (text: string) => void;
}

/** A demo user's token for our API, from the dev tenant (its password grant), so delegated permissions get checked. */
async function demoUserToken(config: Config): Promise<string | null> {
  if (!config.devTenant) return null;
  const root = (await (await fetch(`${config.devTenant.url}/`)).json()) as {
    users: Array<{ userPrincipalName: string }>;
  };
  const res = await httpFetch(config)(`${config.identity.authorityHost}/${config.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: config.identity.clientId,
      username: root.users[0]!.userPrincipalName,
      password: 'dev',
      scope: `${config.identity.applicationIdUri}/access_as_user`,
    }),
  });
  return ((await res.json()) as { access_token?: string }).access_token ?? null;
}

async function delegatedGraphToken(ctx: DoctorContext): Promise<Check[] | string> {
  if (!ctx.userToken) return permissionChecks(ctx, 'delegated', null, null);
  try {
    return await createTokenSource(ctx.config).onBehalfOf(ctx.userToken, 'https://graph.microsoft.com/.default');
  } catch (err) {
    return [
      problem(
        'obo-token',
        `no on-behalf-of token for Graph: ${err instanceof Error ? err.message : String(err)}`,
        'grant admin consent for the delegated permissions, and pre-authorize the Teams and Outlook clients on access_as_user (docs/deploy.md)',
      ),
    ];
  }
}

export async function runChecks(ctx: DoctorContext): Promise<Check[]> {
  const checks: Check[] = [
    ok('config', `configuration complete (${ctx.config.mode} mode, tenant ${ctx.config.tenantId})`),
  ];
  const tokens = createTokenSource(ctx.config);
  const app = await appTokenCheck(ctx, tokens);
  checks.push(app.check);
  const mailbox = await firstMailbox(ctx, app.token);
  checks.push(...(await permissionChecks(ctx, 'application', app.token, mailbox)));
  const delegated = await delegatedGraphToken(ctx);
  checks.push(
    ...(typeof delegated === 'string' ? await permissionChecks(ctx, 'delegated', delegated, mailbox) : delegated),
  );
  checks.push(await tokenVersionCheck(ctx, tokens));
  checks.push(await programSiteCheck(ctx, app.token));
  checks.push(await botTokenCheck(ctx));
  checks.push(await healthCheck(ctx));
  checks.push(manifestCheck(ctx));
  checks.push(await clockCheck(ctx));
  return checks;
}

function parseArgs(args: string[]): { json: boolean; userToken: string | null } | string {
  let json = false;
  let userToken: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--user-token' && args[i + 1]) userToken = args[++i]!;
    else return `unknown argument "${args[i]}"`;
  }
  return { json, userToken };
}

export async function run(args: string[], options: DoctorOptions = {}): Promise<number> {
  const out = options.out ?? ((t: string) => void process.stdout.write(t));
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`reciprocal doctor: ${parsed}\nusage: reciprocal doctor [--json] [--user-token TOKEN]\n`);
    return 2;
  }
  let checks: Check[];
  try {
    const env = options.env ?? process.env;
    const config = options.config ?? loadConfig(env);
    const ctx: DoctorContext = {
      config,
      appUrl: (options.appUrl ?? config.http.publicUrl).replace(/\/$/, ''),
      env,
      root: options.root ?? process.cwd(),
      userToken: parsed.userToken ?? (await demoUserToken(config).catch(() => null)),
    };
    checks = await runChecks(ctx);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    checks = [
      problem(
        'config',
        `configuration incomplete: ${err.message}`,
        'set the variables the README lists under "Running against a real tenant"',
      ),
    ];
  }
  if (parsed.json) out(JSON.stringify({ checks }, null, 2) + '\n');
  else
    for (const c of checks)
      out(`${c.ok ? 'ok     ' : 'PROBLEM'} ${c.id}: ${c.message}${c.ok ? '' : `\n        fix: ${c.fix}`}\n`);
  return checks.every((c) => c.ok) ? 0 : 1;
}
