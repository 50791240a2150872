/**
 * What the browser journeys share: the demo center's logins (db/seed/demo*.ts), the page
 * heading, Tokyo dates relative to today, and reading a JSON API answer that must succeed.
 */
import type { APIRequestContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';
export const DEMO_STAFF = 'staff@example.jp';
export const DEMO_ADMIN = 'admin@example.jp';

/** The page's one h1, as a person reads it. */
export async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

/** The Tokyo calendar date (YYYY-MM-DD) `days` from now. */
export function tokyoDate(days = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** The JSON body of an API answer, or a failure naming the URL, status and body. */
export async function okJson<T>(
  response: Awaited<ReturnType<APIRequestContext['get']>>,
  status = 200,
): Promise<T> {
  if (response.status() !== status)
    throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A JSON API call from a browser context's request (its cookies): the body, or a failure naming it. */
export async function apiJson<T>(
  request: APIRequestContext,
  method: 'post' | 'put' | 'get',
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await request.fetch(path, {
    method: method.toUpperCase(),
    ...(data === undefined ? {} : { data, headers: { 'content-type': 'application/json' } }),
  });
  if (!res.ok())
    throw new Error(`${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}
