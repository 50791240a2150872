import { z } from 'zod';

/**
 * All configuration, parsed once. Nothing else reads process.env or Worker bindings directly:
 * server.ts passes process.env, worker.ts passes its string bindings.
 */
const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === '1' || v === 'true'));

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('./data/tsunagu.db'),
  /** Node: where uploaded files (incident attachments) are kept; default `files/` beside the database. */
  FILES_DIR: z.string().min(1).optional(),
  /** Seed the demo center into a new database (default: on). */
  SEED_DEMO: flag(true),
  /** Only behind a reverse proxy we run: then the last X-Forwarded-For hop is the client. */
  TRUST_PROXY: flag(false),
  /** Secure cookies with the __Host- prefix; on by default in production. */
  SECURE_COOKIES: z.enum(['0', '1', 'true', 'false', '']).optional(),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL', 'EXTRA']).default('FULL'),
  SESSION_STAFF_IDLE_MINUTES: minutes(30),
  SESSION_STAFF_ABSOLUTE_MINUTES: minutes(12 * 60),
  SESSION_MEMBER_IDLE_MINUTES: minutes(7 * 24 * 60),
  SESSION_MEMBER_ABSOLUTE_MINUTES: minutes(30 * 24 * 60),
  /** Failures per (account, address) pair in the window; a stranger elsewhere cannot lock the owner out. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(10),
  LOGIN_WINDOW_MINUTES: minutes(15),
  /** Consecutive failures per account from any address (NIST SP 800-63B: at most 100), over a day. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
  /** Membership applications (public form and API) per client address, and in total, per hour. */
  APPLICATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(5),
  APPLICATIONS_PER_HOUR: z.coerce.number().int().positive().default(60),
  /** The public origin (https://fsc.example.jp) when a proxy terminates TLS; forms must come from it. */
  PUBLIC_ORIGIN: z.url().optional(),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Tsunagu <no-reply@tsunagu.invalid>'),
  /** Workers: an HTTP mail API (src/lib/http-mailer.ts); a secret. Unset: mail is logged. */
  MAIL_API_KEY: z.string().optional(),
  /** The API's send endpoint: Resend's by default; any API taking the same JSON works. */
  MAIL_API_URL: z.url().default('https://api.resend.com/emails'),
  /** Node: '0' keeps this process from running the scheduled jobs (another process or a test does). */
  RUN_SCHEDULED_JOBS: z.enum(['0', '1']).default('1'),
  /**
   * The LINE channel (issue #21), named as @line/bot-sdk's examples name them; secrets. Without
   * both, the LINE channel is off (the webhook answers 404). README: "LINE".
   */
  LINE_CHANNEL_SECRET: z.string().optional(),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().optional(),
  /** The Messaging API's base URL: another endpoint (e.g. the local fake) for development. */
  LINE_API_BASE: z.url().default('https://api.line.me'),
  /** The official account's add-friend URL (https://line.me/R/ti/p/@…), shown with the code. */
  LINE_ADD_FRIEND_URL: z.url().optional(),
});

type RawConfig = z.output<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'SECURE_COOKIES'> {
  SECURE_COOKIES: boolean;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw = configSchema.parse(env);
  const secure =
    raw.SECURE_COOKIES === undefined || raw.SECURE_COOKIES === ''
      ? raw.NODE_ENV === 'production'
      : raw.SECURE_COOKIES === '1' || raw.SECURE_COOKIES === 'true';
  return { ...raw, SECURE_COOKIES: secure };
}

/** The configuration of a Node process (server, CLI commands): its environment, parsed once. */
export function loadNodeConfig(): Config {
  return parseConfig(process.env);
}
