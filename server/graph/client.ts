// The Graph client: the SDK's client with a middleware chain, one concern per
// link: tracing -> telemetry span -> auth -> throttling retry -> attempt counter -> per-mailbox concurrency ->
// missing-permission naming -> HTTP.
// Auth sits before the retrier (as in the SDK's default chain): the SDK appends
// the Authorization header, so running it again on a retry would send it twice.
// The mailbox gate sits after the retrier so a request waiting out Retry-After
// holds no slot.
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  type AuthenticationProvider,
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
  permissions.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({
    middleware: tracing,
    baseUrl: base.origin,
    defaultVersion: base.pathname.replace(/^\//, '') || 'v1.0',
    // The SDK attaches tokens only to Graph's own hosts unless told about others (the dev tenant).
    customHosts: base.hostname === 'graph.microsoft.com' ? undefined : new Set([base.hostname]),
    ...(options.trustedCaPem
      ? { fetchOptions: { dispatcher: new Agent({ connect: { ca: options.trustedCaPem } }) } as RequestInit }
      : {}),
  });
  return { client, baseUrl: options.baseUrl.replace(/\/$/, ''), retry, mailboxGate: gate };
}
