// A round-robin load balancer on loopback, standing in for App Service's front
// end before several instances: each request goes to the next instance; one
// that refuses the connection (stopped, killed) is skipped, as a front end
// takes an unhealthy instance out of rotation. Each answer names who served it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each instance answered. */
  served(): Record<string, number>;
  close(): Promise<void>;
}

function forward(upstream: string, req: http.IncomingMessage, body: Buffer): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const target = new URL(req.url ?? '/', upstream);
    const out = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
      resolve,
    );
    out.once('error', reject);
    out.end(body);
  });
}

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const counts: Record<string, number> = Object.fromEntries(upstreams.map((u) => [u, 0]));
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const first = next++ % upstreams.length;
    for (let i = 0; i < upstreams.length; i++) {
      const upstream = upstreams[(first + i) % upstreams.length]!;
      let answer: http.IncomingMessage;
      try {
        answer = await forward(upstream, req, body);
      } catch {
        continue; // refused or reset before an answer: the next instance gets it
      }
      counts[upstream]!++;
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': upstream });
      answer.pipe(res);
      return;
    }
    res.writeHead(502, { 'content-type': 'text/plain' }).end('no instance answered');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served: () => ({ ...counts }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
