import { beforeEach, describe, expect, it } from 'vitest';
import {
  countRows,
  createUser,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

describe('API conventions', () => {
  it('GET /api/v1/healthz answers ok', async () => {
    const res = await new TestClient(ctx).get('/api/v1/healthz');
    expect(await res.json()).toEqual({ ok: true });
  });

  it('rejects writes that are not application/json with 415', async () => {
    const client = new TestClient(ctx);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await client.request('/api/v1/auth/login', {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: '{"email":"a@example.jp","password":"x"}',
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
  });

  it('answers malformed JSON with 400', async () => {
    const res = await new TestClient(ctx).request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'malformed_json' } });
  });

  it('answers a body over the limit with 413', async () => {
    const res = await new TestClient(ctx).request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.jp', password: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers invalid and wrongly typed input with 400 and field messages, never 5xx', async () => {
    const client = new TestClient(ctx);
    for (const body of [
      null,
      [],
      'text',
      42,
      {},
      { email: 5, password: [] },
      { email: 'a@example.jp' },
    ]) {
      const res = await client.json('POST', '/api/v1/auth/login', body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toMatch(/invalid_input|unknown_fields/);
      expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('answers unknown API paths with a JSON 404 and unauthenticated calls with 401', async () => {
    const client = new TestClient(ctx);
    const missing = await client.get('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('speaks the caller’s language in error messages', async () => {
    const client = new TestClient(ctx);
    const ja = (await (await client.get('/api/v1/me')).json()) as { error: { message: string } };
    const en = (await (
      await client.get('/api/v1/me', { 'accept-language': 'en-US,en;q=0.9' })
    ).json()) as { error: { message: string } };
    expect(ja.error.message).toBe('ログインが必要です。');
    expect(en.error.message).toBe('Please sign in.');
  });

  it('authorizes before validating: an anonymous or unprivileged invalid body gets 401/403, not 400', async () => {
    const anonymous = new TestClient(ctx);
    for (const body of ['{not json', JSON.stringify({ nope: 1 })]) {
      const res = await anonymous.request('/api/v1/staff', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const member = await TestClient.signedInAs(ctx, await createUser(ctx.deps));
    const forbidden = await member.json('POST', '/api/v1/staff', { nope: 1 });
    expect(forbidden.status).toBe(403);
    const admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
    const invalid = await admin.json('POST', '/api/v1/staff', { nope: 1 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'unknown_fields' } });
  });

  it('serves the API reference to staff under a CSP that allows only its own nonce and origin', async () => {
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const res = await staff.get('/api/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    const html = await res.text();
    expect(html).toContain('<script src="/assets/vendor/scalar-api-reference.js"');
    expect(html).toContain('/api/v1/openapi.json');
    // Every inline script and style carries the nonce; nothing is loaded from another origin.
    expect(
      html.match(/<(script|style)(?![^>]*\bsrc=)[^>]*>/g)?.every((t) => t.includes(nonce!)),
    ).toBe(true);
    expect(html).not.toMatch(/(src|href)="https?:/);
    // Other pages keep the policy without a nonce.
    expect((await staff.get('/api/v1/healthz')).headers.get('content-security-policy')).not.toMatch(
      /nonce/,
    );
    const member = await TestClient.signedInAs(ctx, await createUser(ctx.deps));
    expect((await member.get('/api/docs')).status).toBe(403);
  });

  it('serves an OpenAPI 3.1 document that lists the routes with their body schemas', async () => {
    const res = await new TestClient(ctx).get('/api/v1/openapi.json');
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/auth/login']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/auth/logout', '/me', '/me/password', '/staff']),
    );
  });
});

describe('security headers and CSRF', () => {
  it('every response carries CSP, HSTS, nosniff, Referrer-Policy, frame-ancestors and no-store', async () => {
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    for (const path of ['/', '/login', '/api/v1/me', '/api/v1/healthz', '/nope']) {
      const res = await staff.get(path);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('cross-site form posts, text/plain and missing content types change nothing', async () => {
    const admin = await createUser(ctx.deps, { role: 'admin' });
    const client = await TestClient.signedInAs(ctx, admin);
    const fields = new URLSearchParams({
      name: 'x',
      email: 'evil@example.jp',
      role: 'admin',
      password: 'evil passphrase 2026',
    }).toString();
    const attempts: RequestInit[] = [
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
        },
        body: fields,
      },
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'cross-site',
        },
        body: fields,
      },
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: fields },
      { method: 'POST', body: fields },
    ];
    const before = await countRows(ctx.deps, 'user');
    for (const init of attempts) {
      const res = await client.request('/staff-accounts', init);
      expect(res.status).toBe(403);
    }
    const logout = await client.request('/logout', {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(logout.status).toBe(403);
    expect(await countRows(ctx.deps, 'user')).toBe(before);
    expect(await countRows(ctx.deps, 'session')).toBe(1);
  });
});
