import type { Mailer } from './mailer.js';

export interface HttpMailerOptions {
  /** The send endpoint, e.g. https://api.resend.com/emails. */
  url: string;
  /** Sent as `Authorization: Bearer …`. */
  apiKey: string;
  from: string;
  fetch?: typeof fetch;
}

/**
 * Mail through an HTTP mail API (Workers have no SMTP): one POST per message with JSON
 * `{ from, to, subject, text }` and a bearer key — Resend's `POST /emails` as documented, and the
 * shape other providers' simple send APIs accept. A non-2xx answer throws, so the outbox keeps
 * the message and retries it on its schedule (src/modules/notifications/outbox.service.ts).
 */
export function createHttpMailer(options: HttpMailerOptions): Mailer {
  const send = options.fetch ?? fetch;
  return {
    async send(message) {
      const res = await send(options.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          from: options.from,
          to: [message.to],
          subject: message.subject,
          text: message.text,
        }),
      });
      if (!res.ok) {
        const detail = (await res.text()).slice(0, 200);
        throw new Error(`mail API answered ${res.status}: ${detail}`);
      }
    },
  };
}
