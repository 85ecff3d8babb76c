// The one place that reads the environment. It decides the mode once:
// with no tenant settings, the embedded dev tenant; with them, a real tenant.
import path from 'node:path';
import { z } from 'zod';

/** Fixed identities of the embedded dev tenant (its seed uses the same ones). */
export const embeddedDefaults = {
  tenantId: '7d2c9a55-3f4e-4b8a-9c61-0e5f2a1b8d40',
  foreignTenantId: 'f0f0f0f0-1111-4222-8333-944445555666',
  clientId: '3b9f6a2e-8c1d-4e7f-a5b0-2d6c4e8f1a93',
  clientSecret: 'dev-tenant-client-secret',
  botId: '5e8a1c3d-2b4f-4a6e-9d7c-1f3b5a7c9e20',
  /** The Teams app's manifest id in a dev package (`npm run package` without tenant settings). */
  teamsAppId: '6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
  programSiteHostname: 'reciprocal-dev.sharepoint.local',
  programSitePath: '/sites/reciprocal',
} as const;

const portNumber = z.coerce.number().int().min(0).max(65535);

const Env = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: portNumber.default(3978),
  PUBLIC_URL: z.url().optional(),
  /** `off` stops this instance sending proactive messages (reminders, loop cards, digests); any instance may send. */
  RECIPROCAL_SCHEDULER: z.enum(['on', 'off']).default('on'),
  /** How often the proactive-message scheduler ticks. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** The build id /healthz names (set by a pipeline); otherwise the package version and a hash of the built tab. */
  RECIPROCAL_BUILD: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the organization's weeks start and end, for dashboards. */
  ORG_TIME_ZONE: z
    .string()
    .default('America/Chicago')
    .refine((z) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: z });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone, e.g. America/Chicago'),

  // Real tenant. Setting any of these switches to tenant mode.
  TENANT_ID: z.string().optional(),
  CLIENT_ID: z.string().optional(),
  CLIENT_SECRET: z.string().optional(),
  CERTIFICATE_PATH: z.string().optional(),
  CERTIFICATE_THUMBPRINT: z.string().optional(),
  BOT_ID: z.string().optional(),
  BOT_PASSWORD: z.string().optional(),
  PROGRAM_SITE: z.string().optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  API_AUDIENCE: z.string().optional(),
  /** The Teams app's manifest id (`id` in appPackage/manifest.json). */
  TEAMS_APP_ID: z.string().optional(),
  /**
   * The id the org catalog gave the app when it was published there (the Agents Toolkit's
   * `teamsApp/publishAppPackage` writes it to env as TEAMS_APP_PUBLISHED_APP_ID). Deep links and app
   * installs use it: "Apps submitted to org catalog: Org catalog ID"; a custom app uploaded in Teams
   * (no catalog) is reached by its manifest id.
   * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
   */
  TEAMS_APP_PUBLISHED_APP_ID: z.string().optional(),
  /** Application Insights; when set, the server exports OpenTelemetry traces there. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z
    .string()
    .regex(/(^|;)\s*InstrumentationKey=/i, 'must be an Application Insights connection string (InstrumentationKey=...)')
    .optional(),

  // Embedded dev tenant.
  DEV_TENANT_PORT: portNumber.default(3979),
  DEV_TENANT_HTTPS_PORT: portNumber.default(3980),
  DEV_TENANT_FAULT_429: z.coerce.number().min(0).max(1).default(0),
  DEV_TENANT_FAULT_503: z.coerce.number().min(0).max(1).default(0),
  DEV_TENANT_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
});

/** Every environment variable the server reads (deployment files are checked against it). */
export const configVariables: readonly string[] = Object.keys(Env.shape);

const tenantModeKeys = ['TENANT_ID', 'CLIENT_ID', 'CLIENT_SECRET', 'CERTIFICATE_PATH', 'BOT_ID'] as const;

export interface DevTenantSettings {
  /** Where the dev tenant answers over plain http (curl, the landing page). */
  url: string;
  port: number;
  httpsPort: number;
  dataDir: string;
  foreignTenantId: string;
  faults: { probability429: number; probability503: number; latencyMs: number };
}

/**
 * Who may call the bot: the Bot Framework channel service, whose tokens come
 * from its own issuer, never the tenant's.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
export interface BotChannelSettings {
  issuer: string;
  openIdMetadataUrl: string;
  /**
   * Where the Agents SDK fetches the keys of an issuer other than
   * api.botframework.com (`{keysAuthority}/discovery/v2.0/keys`); null for
   * the real channel, whose keys the SDK knows.
   */
  keysAuthority: string | null;
}

/** The public Bot Framework channel (connector authentication, "Connector to bot"). */
export const botFrameworkChannel: BotChannelSettings = {
  issuer: 'https://api.botframework.com',
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  keysAuthority: null,
};

/** Entra's v1.0 issuer, whatever authority issued the token (access-tokens, "token versions"). */
const entraV1Issuer = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

export interface Config {
  mode: 'embedded' | 'tenant';
  http: { host: string; port: number; publicUrl: string };
  dataDir: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  orgTimeZone: string;
  /** The proactive-message scheduler: off, or its tick interval. */
  scheduler: { enabled: boolean; intervalSeconds: number };
  /** RECIPROCAL_BUILD: the build id a pipeline gave this deployment, if any. */
  build: string | null;
  tenantId: string;
  identity: {
    /** Authority host for MSAL (https). The authority is `${authorityHost}/${tenantId}`. */
    authorityHost: string;
    /** Token issuer our API accepts for v2.0 tokens, and where its signing keys are. */
    issuer: string;
    /** The issuer of v1.0 tokens (what an app registration with accessTokenAcceptedVersion null or 1 gets). */
    v1Issuer: string;
    jwksUri: string;
    clientId: string;
    clientSecret: string | null;
    certificate: { path: string; thumbprint: string } | null;
    /** The API's Application ID URI (`api://host/clientId`): what the browser's scope names. */
    applicationIdUri: string;
    /** Audiences our API accepts (the client id and its Application ID URI). */
    apiAudiences: string[];
    /** Extra CA (PEM file) that MSAL and the Graph client trust; only the dev tenant's self-signed certificate needs it. */
    extraCaFile: string | null;
  };
  graph: { baseUrl: string };
  bot: { id: string; password: string | null; tenantId: string };
  /** The service that calls the bot (its tokens' issuer and keys). */
  botChannel: BotChannelSettings;
  /** The id deep links and app installs name: the org-catalog id once published there, else the manifest id. */
  teamsAppId: string;
  programSite: { hostname: string; path: string };
  /** Present only in embedded mode: the launcher starts the dev tenant with these. */
  devTenant: DevTenantSettings | null;
  /** Where traces go; null switches telemetry off. */
  telemetry: { connectionString: string | null };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

function parseEnv(env: NodeJS.ProcessEnv): z.infer<typeof Env> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  return parsed.data;
}

function parseProgramSite(value: string): { hostname: string; path: string } {
  const match = /^([a-z0-9.-]+):(\/.+)$/i.exec(value);
  if (!match)
    throw new ConfigError(
      'PROGRAM_SITE',
      'expected "<hostname>:/sites/<name>", e.g. contoso.sharepoint.com:/sites/reciprocal',
    );
  return { hostname: match[1]!, path: match[2]! };
}

/** Reads and validates the environment. Throws ConfigError naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(env);
  const rawPresent = (k: string) => env[k] !== undefined;
  const tenantMode = tenantModeKeys.some(rawPresent);
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`;

  if (!tenantMode) {
    const defaults = embeddedDefaults;
    const devBase = `http://127.0.0.1:${e.DEV_TENANT_PORT}`;
    const dataDir = path.resolve(e.DATA_DIR);
    const embeddedApplicationIdUri = `api://127.0.0.1/${defaults.clientId}`;
    return {
      mode: 'embedded',
      http: { host: e.HOST, port: e.PORT, publicUrl },
      dataDir,
      logLevel: e.LOG_LEVEL,
      orgTimeZone: e.ORG_TIME_ZONE,
      scheduler: { enabled: e.RECIPROCAL_SCHEDULER === 'on', intervalSeconds: e.SCHEDULER_INTERVAL_SECONDS },
      build: e.RECIPROCAL_BUILD ?? null,
      tenantId: defaults.tenantId,
      identity: {
        authorityHost: `https://127.0.0.1:${e.DEV_TENANT_HTTPS_PORT}`,
        issuer: `https://127.0.0.1:${e.DEV_TENANT_HTTPS_PORT}/${defaults.tenantId}/v2.0`,
        v1Issuer: entraV1Issuer(defaults.tenantId),
        jwksUri: `${devBase}/${defaults.tenantId}/discovery/v2.0/keys`,
        clientId: defaults.clientId,
        clientSecret: defaults.clientSecret,
        certificate: null,
        applicationIdUri: embeddedApplicationIdUri,
        apiAudiences: [defaults.clientId, embeddedApplicationIdUri],
        extraCaFile: path.join(dataDir, 'devtenant', 'tls-cert.pem'),
      },
      // The Graph SDK sends tokens only over https, so the app uses the dev tenant's https listener.
      graph: { baseUrl: `https://127.0.0.1:${e.DEV_TENANT_HTTPS_PORT}/v1.0` },
      bot: { id: defaults.botId, password: defaults.clientSecret, tenantId: defaults.tenantId },
      // The dev tenant plays the channel service, with its own issuer and keys.
      botChannel: {
        issuer: `https://127.0.0.1:${e.DEV_TENANT_HTTPS_PORT}/botframework`,
        openIdMetadataUrl: `${devBase}/botframework/v1/.well-known/openidconfiguration`,
        keysAuthority: `${devBase}/botframework`,
      },
      teamsAppId: e.TEAMS_APP_PUBLISHED_APP_ID ?? e.TEAMS_APP_ID ?? defaults.teamsAppId,
      programSite: { hostname: defaults.programSiteHostname, path: defaults.programSitePath },
      devTenant: {
        url: devBase,
        port: e.DEV_TENANT_PORT,
        httpsPort: e.DEV_TENANT_HTTPS_PORT,
        dataDir: path.join(dataDir, 'devtenant'),
        foreignTenantId: defaults.foreignTenantId,
        faults: {
          probability429: e.DEV_TENANT_FAULT_429,
          probability503: e.DEV_TENANT_FAULT_503,
          latencyMs: e.DEV_TENANT_LATENCY_MS,
        },
      },
      telemetry: { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null },
    };
  }

  const required = (key: 'TENANT_ID' | 'CLIENT_ID' | 'BOT_ID' | 'PROGRAM_SITE' | 'PUBLIC_URL'): string => {
    const v = e[key];
    if (!v || v.trim() === '') {
      throw new ConfigError(
        key,
        key === 'BOT_ID'
          ? "must be the bot's Entra app id; an empty bot id would switch off activity authentication"
          : 'is required when running against a real tenant',
      );
    }
    return v.trim();
  };
  const tenantId = required('TENANT_ID');
  const clientId = required('CLIENT_ID');
  const botId = required('BOT_ID');
  const programSite = parseProgramSite(required('PROGRAM_SITE'));
  required('PUBLIC_URL');
  const clientSecret = e.CLIENT_SECRET ?? null;
  const certificate = e.CERTIFICATE_PATH
    ? { path: e.CERTIFICATE_PATH, thumbprint: e.CERTIFICATE_THUMBPRINT ?? '' }
    : null;
  if (!clientSecret && !certificate)
    throw new ConfigError('CLIENT_SECRET', 'set CLIENT_SECRET or CERTIFICATE_PATH (with CERTIFICATE_THUMBPRINT)');
  if (certificate && !certificate.thumbprint)
    throw new ConfigError('CERTIFICATE_THUMBPRINT', 'is required with CERTIFICATE_PATH');
  const botPassword = e.BOT_PASSWORD ?? (botId === clientId ? clientSecret : null);
  if (!botPassword && !certificate)
    throw new ConfigError('BOT_PASSWORD', 'is required when BOT_ID differs from CLIENT_ID');
  const authorityHost = e.AUTHORITY_HOST.replace(/\/$/, '');
  const applicationIdUri = e.API_AUDIENCE ?? `api://${new URL(publicUrl).host}/${clientId}`;

  return {
    mode: 'tenant',
    http: { host: e.HOST, port: e.PORT, publicUrl },
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    orgTimeZone: e.ORG_TIME_ZONE,
    scheduler: { enabled: e.RECIPROCAL_SCHEDULER === 'on', intervalSeconds: e.SCHEDULER_INTERVAL_SECONDS },
    build: e.RECIPROCAL_BUILD ?? null,
    tenantId,
    identity: {
      authorityHost,
      issuer: `${authorityHost}/${tenantId}/v2.0`,
      v1Issuer: entraV1Issuer(tenantId),
      jwksUri: `${authorityHost}/${tenantId}/discovery/v2.0/keys`,
      clientId,
      clientSecret,
      certificate,
      applicationIdUri,
      apiAudiences: [clientId, applicationIdUri],
      extraCaFile: null,
    },
    graph: { baseUrl: e.GRAPH_BASE_URL.replace(/\/$/, '') },
    bot: { id: botId, password: botPassword, tenantId },
    botChannel: botFrameworkChannel,
    teamsAppId: e.TEAMS_APP_PUBLISHED_APP_ID ?? e.TEAMS_APP_ID ?? botId,
    programSite,
    devTenant: null,
    telemetry: { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null },
  };
}
