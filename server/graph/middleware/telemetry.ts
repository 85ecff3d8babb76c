// One OpenTelemetry span per Graph call: method, path with ids masked, final
// status, whether Graph throttled it and how many retries it took. The call
// span sits outside the retrier; its attempt counter sits inside it, so the
// span covers every try. Never bodies, never tokens, never mailbox names.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { isRetriableStatus } from './throttlingRetry.js';
import { pathTemplate } from './tracing.js';

interface Attempts {
  count: number;
  throttled: boolean;
}

const attemptsOf = new WeakMap<Context, Attempts>();

/** Counts the tries the retrier makes for the call it belongs to; chain it right after ThrottlingRetryHandler. */
export class GraphAttemptCounter implements Middleware {
  private next?: Middleware;

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    try {
      await this.next!.execute(context);
    } finally {
      const attempts = attemptsOf.get(context);
      if (attempts) {
        attempts.count += 1;
        if (context.response && isRetriableStatus(context.response.status)) attempts.throttled = true;
      }
    }
  }
}

/** The call's span; chain it before the auth handler and put `attempts` after the retrier. */
export class GraphTelemetryHandler implements Middleware {
  private next?: Middleware;
  readonly attempts = new GraphAttemptCounter();

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = context.options?.method ?? 'GET';
    const path = pathTemplate(url);
    const attempts: Attempts = { count: 0, throttled: false };
    attemptsOf.set(context, attempts);
    const tracer = trace.getTracer('reciprocal');
    await tracer.startActiveSpan(
      `graph ${method} ${path}`,
      { kind: SpanKind.CLIENT, attributes: { 'graph.method': method, 'graph.path': path } },
      async (span) => {
        try {
          await this.next!.execute(context);
        } finally {
          const status = context.response?.status;
          if (status !== undefined) span.setAttribute('graph.status', status);
          span.setAttribute('graph.throttled', attempts.throttled);
          span.setAttribute('graph.retry_count', Math.max(0, attempts.count - 1));
          if (status === undefined || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        }
      },
    );
  }
}
