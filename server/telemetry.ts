// Traces for Application Insights through OpenTelemetry: one span per API
// request, per Graph call (status, throttling, retries), per bot activity and
// per scheduling job (progress events). Spans carry ids masked to templates,
// methods, statuses and counts: never note text, tokens, names, emails or query
// strings. PersonalDataGuard enforces that on every span before export, whatever
// instrumentation made it.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type express from 'express';
import type { Config } from './config.js';

export const tracerName = 'reciprocal';
const tracer = () => trace.getTracer(tracerName);

/** Attribute keys a span may keep; anything else (user agents, client IPs, full URLs) is dropped. */
const allowedKeys = new Set([
  'http.request.method',
  'http.response.status_code',
  'http.route',
  'url.path',
  'graph.method',
  'graph.path',
  'graph.status',
  'graph.throttled',
  'graph.retry_count',
  'bot.activity.type',
  'bot.activity.name',
  'bot.channel',
  'bot.conversation.type',
  'job.kind',
  'job.total',
  'job.scheduled',
  'job.not_scheduled',
  'job.status',
  'exception.type',
]);

const email = /[^\s@/]+@[^\s@/]+\.[^\s@/]+/;
const jwt = /eyJ[\w-]+\.[\w-]+\./;
const longestSafeText = 200;

/** True when a value could be personal data: an email, a token, a query string, or free text long enough to be a note. */
export function couldBePersonal(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => couldBePersonal(v as AttributeValue));
  if (typeof value !== 'string') return false;
  return (
    email.test(value) ||
    jwt.test(value) ||
    /bearer\s/i.test(value) ||
    value.includes('?') ||
    value.length > longestSafeText
  );
}

function guarded(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes))
    if (allowedKeys.has(key) && !couldBePersonal(value)) kept[key] = value;
  return kept;
}

type WritableSpan = {
  name: string;
  attributes: Attributes;
  events: Array<{ name: string; attributes?: Attributes }>;
  status: { code: SpanStatusCode; message?: string };
};

/** Runs before the exporter: strips every attribute, event detail and message that could identify a person or carry note text. */
export class PersonalDataGuard implements SpanProcessor {
  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const s = span as unknown as WritableSpan;
    const kept = guarded(s.attributes);
    for (const key of Object.keys(s.attributes)) delete s.attributes[key];
    Object.assign(s.attributes, kept);
    for (const event of s.events) {
      if (couldBePersonal(event.name)) event.name = 'event';
      event.attributes = guarded(event.attributes ?? {});
    }
    if (couldBePersonal(s.name)) s.name = 'span';
    if (s.status.message !== undefined) s.status = { code: s.status.code };
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Starts the Azure Monitor distro when a connection string is configured;
 * otherwise spans go to OpenTelemetry's no-op tracer (or to whatever provider
 * a test registered). Its own HTTP instrumentation stays off: requests and
 * Graph calls get our spans, whose URLs are templates, not raw paths with
 * mailbox names in them.
 * https://learn.microsoft.com/azure/azure-monitor/app/opentelemetry-enable?tabs=nodejs
 */
export async function startTelemetry(config: Config): Promise<{ stop(): Promise<void> }> {
  const connectionString = config.telemetry.connectionString;
  if (!connectionString) return { stop: async () => undefined };
  // Loaded only when configured: the distro is the heaviest module the server could load.
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: { http: { enabled: false } },
    spanProcessors: [new PersonalDataGuard()],
  });
  return { stop: () => shutdownAzureMonitor() };
}

/** The path with every id masked: the shape of the route, not whose data it is. */
export function pathTemplate(path: string): string {
  return path
    .split('?')[0]!
    .split('/')
    .map((segment) => (/^[a-z-]+$/i.test(segment) && segment.length <= 40 ? segment : segment ? '{id}' : segment))
    .join('/');
}

/** One server span per request, made current so Graph calls made for it are its children. */
export function requestSpans(): express.RequestHandler {
  return (req, res, next) => {
    const path = pathTemplate(req.originalUrl);
    const span = tracer().startSpan(`${req.method} ${path}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method, 'url.path': path },
    });
    // With no exporter configured the API hands out a span that records nothing: it still carries the
    // trace context for what the request calls, but nothing waits for the response to finish.
    if (!span.isRecording()) return context.with(trace.setSpan(context.active(), span), next);
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(context.active(), span), next);
  };
}

/** What a bot activity span may say about the activity: its kind and where it came from, never who or what was written. */
interface ActivityShape {
  type?: string;
  name?: string;
  channelId?: string;
  conversation?: { conversationType?: string };
}

/** Wraps the bot's turn handler so each activity is one span. */
export function traceActivities<T extends { run(context: { activity: ActivityShape }): Promise<unknown> }>(
  agent: T,
): T {
  const run = agent.run.bind(agent);
  agent.run = (turn: { activity: ActivityShape }) => {
    const { type, name, channelId, conversation } = turn.activity;
    const attributes: Attributes = { 'bot.activity.type': type ?? 'unknown' };
    if (name) attributes['bot.activity.name'] = name;
    if (channelId) attributes['bot.channel'] = channelId;
    if (conversation?.conversationType) attributes['bot.conversation.type'] = conversation.conversationType;
    return tracer().startActiveSpan(`bot ${type ?? 'activity'}${name ? ` ${name}` : ''}`, { attributes }, (span) =>
      run(turn).then(
        (result) => (span.end(), result),
        (err: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.setAttribute('exception.type', err instanceof Error ? err.name : 'unknown');
          span.end();
          throw err;
        },
      ),
    );
  };
  return agent;
}

export interface JobCounts {
  scheduled: number;
  notScheduled: number;
  total: number;
}

/** How a job's span ends: finished, failed, or handed to another instance (this one shut down or lost its lease). */
export type JobEnd = 'done' | 'failed' | 'handed-over';

/** A span for a background job, with one event per progress report. */
export function traceJob(kind: string): { progress(counts: JobCounts): void; end(status: JobEnd): void } {
  const span = tracer().startSpan(`job ${kind}`, { attributes: { 'job.kind': kind } });
  const counts = (c: JobCounts): Attributes => ({
    'job.total': c.total,
    'job.scheduled': c.scheduled,
    'job.not_scheduled': c.notScheduled,
  });
  return {
    progress: (c) => {
      span.addEvent('job progress', counts(c));
      span.setAttributes(counts(c));
    },
    end: (status) => {
      span.setAttribute('job.status', status);
      if (status === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
