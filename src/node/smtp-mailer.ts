import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { consoleMailer, type Mailer } from '../lib/mailer.js';

/**
 * Mail over SMTP (Node only: nodemailer needs sockets, so it is never imported by app.ts or the
 * Worker). `smtpUrl` is e.g. `smtps://user:pass@mail.example.jp:465` or
 * `smtp://mail.example.jp:587` (STARTTLS is used when the server offers it).
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(
    {
      url: smtpUrl,
      // Short timeouts: a stuck server must not hold up the scheduled run; the outbox retries.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    },
    { from },
  );
  return {
    async send(message) {
      await transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** SMTP when `SMTP_URL` is configured; otherwise mail is only written to the console. */
export function createNodeMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'NODE_ENV'>) {
  if (config.SMTP_URL) return createSmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  if (config.NODE_ENV === 'production')
    console.warn('SMTP_URL is not set: notification mail is written to the console, not sent.');
  return consoleMailer;
}
