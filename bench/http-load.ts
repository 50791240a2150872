/**
 * A small closed-loop HTTP load generator over keep-alive sockets (node:http, no dependency):
 * `connections` loops each send a request, wait for the whole response, and send the next, for
 * `durationMs`. Reports requests/s and latency percentiles. One JS thread drives the load, so a
 * very fast target (hello-world) is partly limited by the client: ratios to it are conservative.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarize, type Timing } from './lib.js';

export interface LoadResult {
  path: string;
  requests: number;
  errors: number;
  /** Requests still unanswered when the window closed (slow targets), not counted in rps. */
  abandoned: number;
  /** Status codes seen (a page that is not 200 is a broken benchmark, not a fast one). */
  statuses: Record<string, number>;
  rps: number;
  latency: Timing;
}

export function httpGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  agent?: Agent,
): Promise<{
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}> {
  return new Promise((resolveP, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolveP({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export function httpPostJson(port: number, path: string, body: unknown) {
  return new Promise<{ status: number; cookies: string[] }>((resolveP, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          origin: `http://127.0.0.1:${port}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolveP({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export async function runLoad(
  port: number,
  path: string,
  options: {
    connections: number;
    durationMs: number;
    /** Load before the window, on the same sockets: opens every connection first (see below). */
    warmupMs?: number;
    headers?: Record<string, string>;
  },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let abandoned = 0;
  // Opening 50 sockets against a saturated server takes seconds (accepts wait behind the
  // requests already queued), so requests sent on new sockets measured connection set-up, not
  // the app: only requests started after the warm-up, on established sockets, are counted.
  const t0 = performance.now() + (options.warmupMs ?? 0);
  const end = t0 + options.durationMs;
  // A request still unanswered when the window closes is abandoned (counted as abandoned),
  // so a slow target cannot stretch the run: the window bounds the time, whatever the server does.
  let closeWindow = () => {};
  const windowClosed = new Promise<'closed'>((r) => {
    closeWindow = () => r('closed');
  });
  const timer = setTimeout(closeWindow, end - performance.now());
  const loop = async () => {
    while (performance.now() < end) {
      const s = performance.now();
      try {
        const res = await Promise.race([httpGet(port, path, options.headers, agent), windowClosed]);
        if (res === 'closed') {
          abandoned++;
          break;
        }
        if (s < t0) continue;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        latencies.push(performance.now() - s);
      } catch {
        if (s >= t0) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  clearTimeout(timer);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    path,
    requests: latencies.length,
    errors,
    abandoned,
    statuses,
    rps: latencies.length / elapsed,
    latency: summarize(latencies),
  };
}
