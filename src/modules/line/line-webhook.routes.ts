import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import { lineEnabled } from '../../lib/line-client.js';
import { verifyHmacBase64 } from '../../lib/line-signature.js';
import { handleLineEvents, webhookBody } from './line-webhook.service.js';

/**
 * POST /line/webhook: LINE's Messaging API webhook (issue #21). The x-line-signature over the raw
 * body is checked before anything else (401, nothing read or written otherwise); then 200 at
 * once. On Workers the events are handled after the answer (waitUntil); where there is no
 * execution context (Node), before it — a few milliseconds of database work and the replies.
 * Without the channel's secrets the LINE channel is off: 404.
 */
export const lineWebhook = new Hono<AppEnv>();

lineWebhook.post('/line/webhook', async (c) => {
  const deps = c.var.deps;
  if (!lineEnabled(deps.config)) return c.json({ error: { code: 'not_found' } }, 404);
  const raw = await c.req.text();
  const valid = await verifyHmacBase64(
    deps.config.LINE_CHANNEL_SECRET!,
    raw,
    c.req.header('x-line-signature'),
  );
  if (!valid) return c.json({ error: { code: 'invalid_signature' } }, 401);
  let parsed: ReturnType<typeof webhookBody.safeParse>;
  try {
    parsed = webhookBody.safeParse(JSON.parse(raw));
  } catch {
    return c.json({ error: { code: 'malformed_json' } }, 400);
  }
  if (!parsed.success) return c.json({ error: { code: 'invalid_input' } }, 400);
  const work = handleLineEvents(deps, parsed.data.events);
  let waitUntil: ((p: Promise<unknown>) => void) | undefined;
  try {
    const ctx = c.executionCtx;
    waitUntil = (p) => ctx.waitUntil(p);
  } catch {
    // No execution context (Node, tests): handled before answering.
  }
  if (waitUntil) waitUntil(work);
  else await work;
  return c.json({ ok: true }, 200);
});
