import { runtime } from '#test-runtime';
import { createApp } from '../../src/app.js';
import { createSessionAdapter } from '../../src/auth/adapter.js';
import { parseConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/context.js';
import { ManualClock } from '../../src/lib/clock.js';
import { randomToken } from '../../src/lib/ids.js';
import type { Role, User } from '../../db/schema.js';
import { newId } from '../../src/lib/ids.js';
import { API_BASE, contractOf } from './api-contract.js';

export const ORIGIN = 'http://localhost';
export const TEST_PASSWORD = 'correct horse battery staple';
/** 10:00 JST on a Saturday in November 2026. */
export const DEFAULT_NOW = '2026-11-21T01:00:00.000Z';

export interface TestContext {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  clock: ManualClock;
  runtime: typeof runtime.name;
}

export async function setupTestApp(
  options: { now?: string; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const clock = new ManualClock(options.now ?? DEFAULT_NOW);
  const config = parseConfig({ NODE_ENV: 'test', ...options.env });
  const deps = await runtime.createDeps({ clock, config });
  return { app: createApp(deps), deps, clock, runtime: runtime.name };
}

// Password hashes are slow by design: hash each distinct password once per run.
const hashCache = new Map<string, Promise<string>>();
function cachedHash(deps: AppDeps, password: string) {
  let hash = hashCache.get(password);
  if (!hash) hashCache.set(password, (hash = deps.passwordHasher.hash(password)));
  return hash;
}

let sequence = 0;

/** A deterministic user factory. */
export async function createUser(
  deps: AppDeps,
  overrides: Partial<Pick<User, 'email' | 'name' | 'role' | 'locale' | 'disabled_at'>> & {
    password?: string;
  } = {},
): Promise<User & { password: string }> {
  sequence += 1;
  const role: Role = overrides.role ?? 'member';
  const password = overrides.password ?? TEST_PASSWORD;
  const now = deps.clock.now().toISOString();
  const user: User = {
    id: newId(),
    email: overrides.email ?? `${role}${sequence}@example.jp`,
    name: overrides.name ?? `テスト ${role} ${sequence}`,
    role,
    password_hash: await cachedHash(deps, password),
    locale: overrides.locale ?? null,
    disabled_at: overrides.disabled_at ?? null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.insertInto('user').values(user).execute();
  return { ...user, password };
}

/** Signs a user in by creating a session directly (no password round trip). Returns the token. */
export async function createSessionFor(
  deps: AppDeps,
  user: Pick<User, 'id' | 'role'>,
): Promise<string> {
  const token = randomToken(20);
  await createSessionAdapter(deps.db, deps.clock, deps.config).setSession({
    id: token,
    userId: user.id,
    expiresAt: new Date(deps.clock.now().getTime() + 3600_000),
    attributes: { role: user.role },
  });
  return token;
}

export function sessionCookieHeader(ctx: TestContext, token: string): string {
  return `${ctx.deps.config.SECURE_COOKIES ? '__Host-' : ''}tsunagu_session=${token}`;
}

const documents = new WeakMap<TestContext['app'], Promise<string>>();
const OPENAPI_PATH = `${API_BASE}/openapi.json`;

/**
 * Every API answer a test receives keeps the contract: a documented status and, for JSON, a body
 * that matches its schema in the app's own OpenAPI document. A breach fails the test.
 */
async function checkApiContract(ctx: TestContext, method: string, path: string, res: Response) {
  const pathname = new URL(path, ORIGIN).pathname;
  if (!pathname.startsWith(`${API_BASE}/`) || pathname === OPENAPI_PATH) return;
  let document = documents.get(ctx.app);
  if (!document) {
    document = Promise.resolve(ctx.app.request(`${ORIGIN}${OPENAPI_PATH}`)).then((r) => r.text());
    documents.set(ctx.app, document);
  }
  const contentType = res.headers.get('content-type') ?? '';
  const body = /^application\/json/i.test(contentType) ? await res.clone().json() : undefined;
  const problems = contractOf(await document).check(
    method.toUpperCase(),
    pathname.slice(API_BASE.length),
    res.status,
    contentType,
    body,
  );
  if (problems.length) throw new Error(`API contract broken:\n${problems.join('\n')}`);
}

/** A browser-like client: keeps cookies, sends JSON or same-origin forms. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly ctx: TestContext,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  static async signedInAs(ctx: TestContext, user: Pick<User, 'id' | 'role'>) {
    const client = new TestClient(ctx);
    client.cookies.set('tsunagu_session', await createSessionFor(ctx.deps, user));
    return client;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.defaultHeaders))
      if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await this.ctx.app.request(`${ORIGIN}${path}`, { ...init, headers });
    await checkApiContract(this.ctx, init.method ?? 'GET', path, res);
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair, ...attrs] = setCookie.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (name) {
        if (expired) this.cookies.delete(name.trim());
        else this.cookies.set(name.trim(), value);
      }
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** A same-origin form post, as the browser sends it. */
  form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

export async function countRows(
  deps: AppDeps,
  table: 'session' | 'user' | 'audit_log' | 'login_attempt',
) {
  const row = await deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
