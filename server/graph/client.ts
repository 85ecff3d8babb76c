// The Graph client: the SDK's client with a middleware chain, one concern per
// link: tracing -> telemetry span -> auth -> throttling retry -> attempt counter -> per-mailbox concurrency ->
// missing-permission naming -> timeouts as 504 -> HTTP.
// Auth sits before the retrier (as in the SDK's default chain): the SDK appends
// the Authorization header, so running it again on a retry would send it twice.
// The mailbox gate sits after the retrier so a request waiting out Retry-After
// holds no slot.
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { Agent } from 'undici';
import { MailboxConcurrencyHandler, MailboxGate } from './middleware/mailboxConcurrency.js';
import { MissingPermissionHandler } from './middleware/missingPermission.js';
import { GraphTelemetryHandler } from './middleware/telemetry.js';
import { ThrottlingRetryHandler, defaultRetryPolicy, type RetryPolicy } from './middleware/throttlingRetry.js';
import { TracingHandler } from './middleware/tracing.js';

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  mailboxConcurrency?: number;
  /** PEM of an extra CA to trust (the dev tenant's self-signed certificate). */
  trustedCaPem?: string | null;
  timeouts?: Partial<GraphTimeouts>;
}

/** How long one HTTP try may wait, in ms: to connect, for the answer to start, between chunks of its body. */
export interface GraphTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

// Graph publishes no overall request timeout; a backend too slow for its gateway comes back as 504 Gateway
// Timeout (https://learn.microsoft.com/en-us/graph/errors), and Microsoft's .NET Graph SDK gives each request
// 100 s (HttpClient's default). undici's defaults (300 s for headers and for each body chunk) let one stalled
// $batch hold a run for many minutes; 120 s leaves room for a 20 x getSchedule $batch on a busy tenant.
// Unconfirmed whether Graph itself ever holds a request longer: if it does, the try ends here as a 504 and is
// retried within the retry budget like Graph's own 504.
export const defaultGraphTimeouts: GraphTimeouts = { connectMs: 10_000, headersMs: 120_000, bodyMs: 120_000 };

export const requestTimedOutCode = 'requestTimedOut';
const undiciTimeouts = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const noBodyStatuses = new Set([101, 204, 205, 304]);

/** undici's timeout error, thrown itself or as the cause of fetch's "fetch failed" / "terminated". */
function timeoutOf(err: unknown): string | null {
  for (let e = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && undiciTimeouts.has(code)) return e.message;
  }
  return null;
}

/**
 * Turns a try that timed out into a 504 answer (so the retrier retries it within its budget and callers get a
 * GraphError, never a thrown fetch), and reads the body inside the chain so a body that stalls is caught here too
 * (the SDK reads it after the chain, where a timeout would escape as a bare TypeError).
 */
export class TimeoutAsGatewayTimeoutHandler implements Middleware {
  /** The last link: it wraps the HTTP handler itself. */
  constructor(private readonly http: Middleware) {}

  async execute(context: Context): Promise<void> {
    try {
      await this.http.execute(context);
      const answer = context.response;
      if (answer?.body && !noBodyStatuses.has(answer.status)) {
        const body = await answer.arrayBuffer();
        const { status, statusText, headers } = answer;
        context.response = new Response(body, { status, statusText, headers });
      }
    } catch (err) {
      const reason = timeoutOf(err);
      if (reason === null) throw err;
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      const message = `no answer from Microsoft Graph in time (${reason}) for ${new URL(url).pathname}`;
      context.response = new Response(JSON.stringify({ error: { code: requestTimedOutCode, message } }), {
        status: 504,
        statusText: 'Gateway Timeout',
        headers: { 'Content-Type': 'application/json' },
      });
    }
  }
}

export interface GraphGateway {
  client: Client;
  baseUrl: string;
  retry: RetryPolicy;
  /** Shared with the batch executor so items count against the same mailbox limit. */
  mailboxGate: MailboxGate;
}

export function createGraphClient(options: GraphClientOptions): GraphGateway {
  const base = new URL(options.baseUrl);
  const retry = { ...defaultRetryPolicy, ...options.retry };
  const gate = new MailboxGate(options.mailboxConcurrency ?? 4);
  const authProvider: AuthenticationProvider = { getAccessToken: () => options.getAccessToken() };
  const tracing = new TracingHandler(options.logger);
  const throttling = new ThrottlingRetryHandler(retry);
  const concurrency = new MailboxConcurrencyHandler(gate);
  const auth = new AuthenticationHandler(authProvider);
  const spans = new GraphTelemetryHandler();
  tracing.setNext(spans);
  spans.setNext(auth);
  auth.setNext(throttling);
  throttling.setNext(spans.attempts);
  spans.attempts.setNext(concurrency);
  const permissions = new MissingPermissionHandler();
  concurrency.setNext(permissions);
  permissions.setNext(new TimeoutAsGatewayTimeoutHandler(new HTTPMessageHandler()));
  const limits = { ...defaultGraphTimeouts, ...options.timeouts };
  const dispatcher = new Agent({
    connect: { timeout: limits.connectMs, ...(options.trustedCaPem ? { ca: options.trustedCaPem } : {}) },
    headersTimeout: limits.headersMs,
    bodyTimeout: limits.bodyMs,
  });
  const client = Client.initWithMiddleware({
    middleware: tracing,
    baseUrl: base.origin,
    defaultVersion: base.pathname.replace(/^\//, '') || 'v1.0',
    // The SDK attaches tokens only to Graph's own hosts unless told about others (the dev tenant).
    customHosts: base.hostname === 'graph.microsoft.com' ? undefined : new Set([base.hostname]),
    fetchOptions: { dispatcher } as RequestInit,
  });
  return { client, baseUrl: options.baseUrl.replace(/\/$/, ''), retry, mailboxGate: gate };
}
