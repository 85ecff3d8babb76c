import { EventEmitter } from 'node:events';
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { requestSpans } from '../../server/telemetry.js';

afterEach(() => trace.disable());

/** A request and a response as the middleware sees them; the response emits 'finish' when told. */
function exchange() {
  const res = Object.assign(new EventEmitter(), { statusCode: 200 });
  const req = { method: 'POST', originalUrl: '/api/messages' };
  let passed = 0;
  requestSpans()(req as express.Request, res as unknown as express.Response, () => void passed++);
  return { res, passed: () => passed };
}

describe('request spans', () => {
  it('with no exporter configured, passes the request on and leaves the response alone', () => {
    const { res, passed } = exchange();
    expect(passed()).toBe(1);
    expect(res.listenerCount('finish')).toBe(0);
  });

  it('with a tracer provider, ends one server span per request with its status', () => {
    const exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    const { res, passed } = exchange();
    expect(passed()).toBe(1);
    res.statusCode = 201;
    res.emit('finish');
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('POST /api/messages');
    expect(span?.attributes['http.response.status_code']).toBe(201);
  });
});
