// One log line per Graph call: method, path with ids masked, status, duration.
// Never bodies, never tokens.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';

export function pathTemplate(url: string): string {
  const u = new URL(url, 'http://local');
  return u.pathname
    .replace(/\/users\/[^/]+/g, '/users/{id}')
    .replace(/\/events\/[^/]+/g, '/events/{id}')
    .replace(/\/items\/\d+/g, '/items/{id}')
    .replace(/\/lists\/[^/]+/g, '/lists/{id}')
    .replace(/\/sites\/[^/]+/g, '/sites/{id}')
    .replace(/\/chats\/[^/]+/g, '/chats/{id}');
}

export class TracingHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly log: Logger) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const started = performance.now();
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = context.options?.method ?? 'GET';
    try {
      await this.next!.execute(context);
    } finally {
      this.log.debug(
        {
          graph: {
            method,
            path: pathTemplate(url),
            status: context.response?.status ?? null,
            ms: Math.round(performance.now() - started),
          },
        },
        'graph call',
      );
    }
  }
}
