/**
 * The yardstick of the HTTP benchmark: a hello-world Hono route on the same Node adapter as the
 * app (`PORT=3999 npx tsx bench/hello.ts`). bench/run.ts starts it next to the real server.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.json({ hello: 'world' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3999) }, (info) =>
  console.log(`hello on ${info.port}`),
);
