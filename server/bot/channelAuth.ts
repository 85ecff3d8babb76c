// Only the Bot Framework channel service may call the bot. The Agents SDK's
// middleware checks signature, audience (the bot id) and lifetime; it also
// trusts Microsoft's first-party tenant issuers, so the checks here narrow it
// to the channel: its issuer, no person's token (scp), no token of our own app
// registrations, and a `serviceurl` claim equal to the activity's serviceUrl.
// Only then is `from.aadObjectId` taken as the acting person.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
// That page answers a failed check with 403; we answer 401 for every token
// problem (none, invalid, forged, not the channel's), as the SDK's middleware
// does, and keep 403 for a valid channel token carrying another tenant's activity.
import { getAuthConfigWithDefaults, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { errorCodes } from '../../src/core/api.js';
import type { Config } from '../config.js';

/** The SDK's settings: the channel's issuer is the only configured one; the tenant's is never trusted here. */
export function botAuthConfiguration(config: Config): AuthConfiguration {
  return getAuthConfigWithDefaults({
    clientId: config.bot.id,
    tenantId: config.bot.tenantId,
    ...(config.bot.password ? { clientSecret: config.bot.password } : {}),
    issuers: [config.botChannel.issuer],
    validateIssuer: true,
    // The dev tenant's channel publishes its keys where the SDK looks for a non-botframework.com issuer's.
    ...(config.botChannel.keysAuthority ? { authorityEndpoint: config.botChannel.keysAuthority } : {}),
  });
}

export interface ChannelTokenRules {
  issuer: string;
  /** Our app registrations (the app's client id, the bot id): their tokens are never the channel's. */
  ownAppIds: readonly string[];
}

/** Why verified claims are not a channel token, or null when they are. */
export function channelTokenProblem(claims: Record<string, unknown>, rules: ChannelTokenRules): string | null {
  if (claims['iss'] !== rules.issuer) return 'the token was not issued by the Bot Framework channel service';
  if (claims['scp'] !== undefined) return "a person's token cannot call the bot";
  // Published channel tokens carry no appid/azp at all; whether some channel adds one is not
  // documented, so only the ids of our own registrations are refused outright.
  for (const party of [claims['azp'], claims['appid']])
    if (typeof party === 'string' && rules.ownAppIds.includes(party))
      return "an app registration's own token cannot call the bot";
  if (typeof claims['serviceurl'] !== 'string') return 'the token names no serviceUrl';
  return null;
}

const unauthenticated = (res: Response, message: string) =>
  void res.status(401).json({ error: { code: errorCodes.unauthenticated, message } });

/** After the SDK's middleware (headers only): refuses verified tokens that are not the channel's. */
export function requireChannelToken(rules: ChannelTokenRules, log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const claims = ((req as Request & { user?: Record<string, unknown> }).user ?? {}) as Record<string, unknown>;
    const problem = channelTokenProblem(claims, rules);
    if (problem) {
      log.warn({ bot: { refused: problem } }, 'activity refused');
      return unauthenticated(res, problem);
    }
    next();
  };
}

/** Activities carry their tenant in channelData (Teams) or on the conversation. */
export function activityTenant(body: unknown): string | null {
  const b = body as { channelData?: { tenant?: { id?: unknown } }; conversation?: { tenantId?: unknown } } | null;
  const id = b?.channelData?.tenant?.id ?? b?.conversation?.tenantId;
  return typeof id === 'string' ? id : null;
}

const ActivityEnvelope = z.object({ type: z.string().min(1), serviceUrl: z.string().min(1) });

const sameServiceUrl = (a: string, b: string) =>
  a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/** After the body is read: an activity, from the service the token names, in our tenant. */
export function requireOurActivity(tenantId: string, log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const envelope = ActivityEnvelope.safeParse(req.body);
    if (!envelope.success) {
      const field = envelope.error.issues[0]!.path.join('.') || 'activity';
      return void res.status(400).json({
        error: { code: errorCodes.invalidRequest, message: `${field}: the activity needs a ${field}`, field },
      });
    }
    const claimed = String((req as Request & { user?: Record<string, unknown> }).user?.['serviceurl'] ?? '');
    if (!sameServiceUrl(claimed, envelope.data.serviceUrl))
      return unauthenticated(res, "the token's serviceurl does not match the activity's serviceUrl");
    const tenant = activityTenant(req.body);
    if (tenant !== tenantId) {
      log.warn({ bot: { refused: tenant === null ? 'no tenant' : 'foreign tenant' } }, 'activity refused');
      const message = tenant === null ? 'the activity names no tenant' : 'this bot serves one tenant only';
      return void res.status(403).json({ error: { code: errorCodes.forbidden, message } });
    }
    next();
  };
}

export interface VerifiedTokenMemory {
  now: () => number;
  /** Tokens remembered at once; the oldest is forgotten first. */
  max?: number;
}

/**
 * The channel service reuses one token for every activity it sends within the
 * token's lifetime, so a token string whose signature, issuer, audience and
 * lifetime `verify` already accepted is taken again without redoing the
 * cryptography, until its `exp` (never longer). The checks after this one
 * (channel-only claims, serviceUrl, tenant) still run for every activity.
 */
export function rememberVerifiedTokens(
  verify: (req: Request, res: Response, next: NextFunction) => unknown,
  memory: VerifiedTokenMemory,
) {
  const verified = new Map<string, { claims: Record<string, unknown>; untilMs: number }>();
  const max = memory.max ?? 1_000;
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization;
    const known = header ? verified.get(header) : undefined;
    if (known && known.untilMs > memory.now()) {
      (req as Request & { user?: Record<string, unknown> }).user = known.claims;
      return next();
    }
    if (known) verified.delete(header!);
    void verify(req, res, (err?: unknown) => {
      const claims = (req as Request & { user?: Record<string, unknown> }).user;
      const exp = claims?.['exp'];
      if (!err && header && claims && typeof exp === 'number') {
        if (verified.size >= max) verified.delete(verified.keys().next().value!);
        verified.set(header, { claims, untilMs: exp * 1000 });
      }
      next(err);
    });
  };
}
