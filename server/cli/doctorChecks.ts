// The checks `reciprocal doctor` runs against a configured tenant (or the
// running dev tenant): each answers ok or a problem with the exact fix. All
// Graph probes are read-only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { createTokenSource, graphDefaultScope, type TokenSource } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { programLists } from '../graph/programLists.js';
import { buildId } from '../health.js';
import { grantAdvice, graphPermissions, type GraphPermission } from '../permissions.js';
import { fillPlaceholders, packageSettings } from './package.js';

export interface Check {
  id: string;
  ok: boolean;
  message: string;
  fix: string;
}

export interface DoctorContext {
  config: Config;
  /** Where the running app answers (PUBLIC_URL unless told otherwise). */
  appUrl: string;
  env: NodeJS.ProcessEnv;
  root: string;
  /** A signed-in person's token for our API, for the delegated permissions; embedded mode signs in a demo user. */
  userToken: string | null;
}

type Probe = (path: string) => Promise<{ status: number; body: unknown }>;

export const ok = (id: string, message: string): Check => ({ id, ok: true, message, fix: '' });
export const problem = (id: string, message: string, fix: string): Check => ({ id, ok: false, message, fix });
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function httpFetch(config: Config): typeof undiciFetch {
  if (!config.identity.extraCaFile) return undiciFetch;
  const dispatcher = new Agent({ connect: { ca: readFileSync(config.identity.extraCaFile, 'utf8') } });
  return (input, init) => undiciFetch(input, { ...init, dispatcher });
}

function claims(token: string): { roles: string[]; scp: string[] } {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    roles?: unknown;
    scp?: unknown;
  };
  return {
    roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
    scp: typeof payload.scp === 'string' ? payload.scp.split(' ') : [],
  };
}

function graphProbe(ctx: DoctorContext, token: string): Probe {
  const fetch = httpFetch(ctx.config);
  return async (p) => {
    const res = await fetch(`${ctx.config.graph.baseUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
}

const doctorProbeGroupId = '00000000-0000-4000-8000-00000000d0c7';

/** The cheapest harmless (read-only) Graph call each permission authorizes; none for the write-only ones. */
function probePath(p: GraphPermission, ctx: DoctorContext, mailbox: string | null): string | null {
  const site = ctx.config.programSite;
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const box = mailbox ? `/users/${encodeURIComponent(mailbox)}` : null;
  switch (p.name) {
    case 'User.Read.All':
      return '/users?$top=1&$select=id';
    case 'Calendars.ReadWrite':
      return box
        ? `${box}/calendarView?startDateTime=${hour.toISOString()}&endDateTime=${new Date(hour.getTime() + 3_600_000).toISOString()}&$top=1&$select=id`
        : null;
    case 'MailboxSettings.Read':
      return box ? `${box}/mailboxSettings` : null;
    case 'Sites.Selected':
      return `/sites/${site.hostname}:${site.path}`;
    case 'GroupMember.Read.All':
      // A group nobody has: Graph answers 404 when the permission lets it look, 403 when it does not.
      // https://learn.microsoft.com/graph/api/group-list-members
      return `/groups/${doctorProbeGroupId}/members?$top=1&$select=id`;
    case 'OnlineMeetings.Read':
      return `/me/onlineMeetings?$filter=${encodeURIComponent("JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/reciprocal-doctor'")}`;
    default:
      return null;
  }
}

/** Whether each documented permission is in the token and its probe is not refused. */
export async function permissionChecks(
  ctx: DoctorContext,
  type: GraphPermission['type'],
  token: string | null,
  mailbox: string | null,
): Promise<Check[]> {
  const wanted = graphPermissions.filter((p) => p.type === type);
  if (!token)
    return wanted.map((p) =>
      type === 'delegated'
        ? ok(
            `permission:${p.name}`,
            `not checked: delegated permissions need a signed-in person (run with --user-token <token for the API>)`,
          )
        : problem(`permission:${p.name}`, 'not checked: no app token', 'fix the app-token check first'),
    );
  const held = type === 'application' ? claims(token).roles : claims(token).scp;
  const probe = graphProbe(ctx, token);
  const checks: Check[] = [];
  for (const p of wanted) {
    const id = `permission:${p.name}`;
    const fix = grantAdvice(p);
    if (!held.includes(p.name) && p.optional) {
      checks.push(ok(id, `${p.name} (optional) not granted: ${p.features.join(', ')} stay off. To turn on: ${fix}`));
      continue;
    }
    if (!held.includes(p.name)) {
      checks.push(problem(id, `the ${type} token does not carry ${p.name} (needed for ${p.features.join(', ')})`, fix));
      continue;
    }
    const at = probePath(p, ctx, mailbox);
    const res = at ? await probe(at).catch((err: unknown) => ({ status: 0, body: errorText(err) })) : null;
    if (res && (res.status === 401 || res.status === 403))
      checks.push(problem(id, `Graph refused GET ${at!.split('?')[0]} with ${res.status}`, fix));
    else if (res && res.status === 0) checks.push(problem(id, `Graph unreachable: ${String(res.body)}`, fix));
    else
      checks.push(
        ok(id, `${p.name} (${type}) granted${res ? `; GET ${at!.split('?')[0]} answered ${res.status}` : ''}`),
      );
  }
  return checks;
}

/** An app token for Graph, and the mailbox the probes read (a demo user, or the directory's first person). */
export async function appTokenCheck(
  ctx: DoctorContext,
  tokens: TokenSource,
): Promise<{ check: Check; token: string | null }> {
  try {
    const token = await tokens.appToken(graphDefaultScope);
    return { check: ok('app-token', 'an app-only token for Microsoft Graph was issued'), token };
  } catch (err) {
    return {
      check: problem(
        'app-token',
        `no app-only token: ${errorText(err)}`,
        'check TENANT_ID, CLIENT_ID and CLIENT_SECRET (or CERTIFICATE_PATH with its SHA-256 CERTIFICATE_THUMBPRINT) against the app registration (Entra admin center → App registrations → Reciprocal → Certificates & secrets)',
      ),
      token: null,
    };
  }
}

export async function firstMailbox(ctx: DoctorContext, appToken: string | null): Promise<string | null> {
  if (!appToken) return null;
  const res = await graphProbe(ctx, appToken)('/users?$top=1&$select=id').catch(() => null);
  const value = (res?.body as { value?: Array<{ id: string }> } | null)?.value;
  return res?.status === 200 && value?.[0] ? value[0].id : null;
}

/** A token as Teams or Outlook would send it, answered by this server's own validator (GET /api/me). */
export async function tokenVersionCheck(ctx: DoctorContext, tokens: TokenSource): Promise<Check> {
  const id = 'token-version';
  const fix =
    "set the app registration's accessTokenAcceptedVersion (Entra admin center → App registrations → Reciprocal → Manifest) to what the server accepts, and its Application ID URI to " +
    ctx.config.identity.applicationIdUri;
  let token = ctx.userToken;
  try {
    // Without a person, an app token for our own API carries the same issuer, version and audience rules.
    token ??= await tokens.appToken(`${ctx.config.identity.applicationIdUri}/.default`);
  } catch (err) {
    return problem(id, `no token for the API ${ctx.config.identity.applicationIdUri}: ${errorText(err)}`, fix);
  }
  const res = await httpFetch(ctx.config)(`${ctx.appUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    .then(async (r) => ({ status: r.status, text: await r.text() }))
    .catch((err: unknown) => ({ status: 0, text: errorText(err) }));
  const { ver, aud } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    ver?: string;
    aud?: string;
  };
  const carried = `v${ver ?? '?'} token for ${aud ?? '?'}`;
  if (res.status === 200) return ok(id, `the server accepts a ${carried}`);
  if (res.status === 401 && /scope|lacks|role/i.test(res.text) && !/iss|aud|tenant|signature/i.test(res.text))
    return ok(id, `the server accepts the issuer and audience of a ${carried}`);
  if (res.status === 0) return problem(id, `the app at ${ctx.appUrl} is unreachable: ${res.text}`, 'start the server');
  return problem(id, `the server refuses a ${carried}: ${res.status} ${res.text.slice(0, 200)}`, fix);
}

export async function programSiteCheck(ctx: DoctorContext, appToken: string | null): Promise<Check> {
  const id = 'program-site';
  const { hostname, path: sitePath } = ctx.config.programSite;
  const fix = `create the site ${hostname}${sitePath}, set PROGRAM_SITE to ${hostname}:${sitePath}, and grant the app fullcontrol on it (POST /sites/{site-id}/permissions)`;
  if (!appToken) return problem(id, 'not checked: no app token', 'fix the app-token check first');
  const probe = graphProbe(ctx, appToken);
  const site = await probe(`/sites/${hostname}:${sitePath}`).catch(() => ({ status: 0, body: null }));
  if (site.status !== 200) return problem(id, `the program site answered ${site.status}`, fix);
  const siteId = (site.body as { id: string }).id;
  const lists = await probe(`/sites/${siteId}/lists`).catch(() => ({ status: 0, body: null }));
  if (lists.status !== 200) return problem(id, `its lists answered ${lists.status}`, fix);
  const present = new Set(
    ((lists.body as { value?: Array<{ displayName: string }> }).value ?? []).map((l) => l.displayName),
  );
  const missing = Object.values(programLists)
    .map((l) => l.displayName)
    .filter((n) => !present.has(n));
  return ok(
    id,
    missing.length === 0
      ? `reachable; all ${present.size >= 1 ? 'program ' : ''}lists present`
      : `reachable; ${missing.join(', ')} will be created on first use (Sites.Selected with fullcontrol allows it)`,
  );
}

export async function botTokenCheck(ctx: DoctorContext): Promise<Check> {
  const { bot, identity } = ctx.config;
  try {
    const source = createTokenSource(ctx.config, {
      clientId: bot.id,
      clientSecret: bot.password ?? identity.clientSecret,
    });
    await source.appToken('https://api.botframework.com/.default');
    return ok('bot-token', `a Bot Framework token was issued for the bot ${bot.id}`);
  } catch (err) {
    return problem(
      'bot-token',
      `no Bot Framework token for ${bot.id}: ${errorText(err)}`,
      'check BOT_ID and BOT_PASSWORD against the Azure Bot resource (Azure portal → Azure Bot → Configuration → Microsoft App ID)',
    );
  }
}

export async function healthCheck(ctx: DoctorContext): Promise<Check> {
  const id = 'healthz';
  const url = `${ctx.appUrl}/healthz`;
  const loopback = /^http:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(ctx.appUrl);
  if (!url.startsWith('https://') && !(ctx.config.mode === 'embedded' && loopback))
    return problem(id, `${url} is not https`, 'set PUBLIC_URL to the https origin Teams and Outlook load the app from');
  const build = buildId(ctx.env);
  try {
    const res = await httpFetch(ctx.config)(url);
    const body = (await res.json()) as { status?: string; build?: string };
    if (res.status !== 200 || body.status !== 'ok')
      return problem(id, `${url} answered ${res.status}`, 'start the server');
    if (body.build !== build)
      return problem(
        id,
        `${url} runs build ${body.build ?? '(none named)'}, this checkout is build ${build}`,
        'deploy this build (npm run build:web, then atk deploy or the zip deploy in docs/deploy.md), or run doctor from the checkout that was deployed',
      );
    return ok(id, `${url} answers ok, build ${build}`);
  } catch (err) {
    return problem(id, `${url} is unreachable: ${errorText(err)}`, 'start the server, or fix PUBLIC_URL');
  }
}

export function manifestCheck(ctx: DoctorContext): Check {
  const id = 'manifests';
  try {
    const { values } = packageSettings(ctx.env, ctx.root);
    const teams = fillPlaceholders(
      readFileSync(path.join(ctx.root, 'appPackage', 'manifest.json'), 'utf8'),
      values,
      'appPackage/manifest.json',
    ) as {
      id: string;
      bots?: Array<{ botId: string }>;
      webApplicationInfo?: { id: string };
      validDomains?: string[];
    };
    const { config } = ctx;
    const wrong: string[] = [];
    if (teams.webApplicationInfo?.id !== config.identity.clientId)
      wrong.push(`AAD_APP_CLIENT_ID is not CLIENT_ID (${config.identity.clientId})`);
    if ((teams.bots ?? []).some((b) => b.botId !== config.bot.id))
      wrong.push(`BOT_ID of the package is not the server's (${config.bot.id})`);
    if (config.mode === 'tenant') {
      if (teams.id !== config.teamsAppId)
        wrong.push(`TEAMS_APP_ID of the package is not the server's (${config.teamsAppId})`);
      const host = new URL(config.http.publicUrl).host;
      if (!(teams.validDomains ?? []).includes(host)) wrong.push(`validDomains lacks ${host} (TAB_DOMAIN)`);
    }
    if (wrong.length > 0)
      return problem(
        id,
        wrong.join('; '),
        'package with the same values as the server (npm run package) and upload it again',
      );
    return ok(id, config.mode === 'tenant' ? 'ids and domains match' : 'ids match (dev package: domains not checked)');
  } catch (err) {
    return problem(id, errorText(err), 'set the packaging variables (docs/deploy.md, step 2)');
  }
}

export async function clockCheck(ctx: DoctorContext): Promise<Check> {
  const url = `${ctx.config.identity.authorityHost}/${ctx.config.tenantId}/v2.0/.well-known/openid-configuration`;
  try {
    const date = (await httpFetch(ctx.config)(url)).headers.get('date');
    if (!date) return problem('clock', `${url} sent no Date header`, 'check the server clock with NTP');
    const skewMs = Math.abs(Date.parse(date) - Date.now());
    if (skewMs >= 5 * 60_000)
      return problem(
        'clock',
        `the clock is ${Math.round(skewMs / 1000)} s off the identity platform`,
        'synchronize the clock (NTP): tokens are refused beyond 5 minutes of skew',
      );
    return ok('clock', `within ${Math.ceil(skewMs / 1000)} s of the identity platform`);
  } catch (err) {
    return problem(
      'clock',
      `${url} is unreachable: ${errorText(err)}`,
      'allow outbound https to the identity platform',
    );
  }
}
