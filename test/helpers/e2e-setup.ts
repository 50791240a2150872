/**
 * What the browser journeys share: the demo center's logins (db/seed/demo*.ts), the page
 * heading, Tokyo dates relative to today, reading a JSON API answer that must succeed, and a
 * requester approved after an orientation.
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

/**
 * A requester approved the way a center does it: she attends an orientation going on now
 * (attendance is recorded once a session has started), then staff approve her side.
 */
export async function approveRequesterAfterOrientation(
  staff: APIRequestContext,
  memberId: string,
): Promise<void> {
  const session = await okJson<{ id: string }>(
    await staff.post('/api/v1/orientations', {
      data: {
        startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        endsAt: new Date(Date.now() + 80 * 60_000).toISOString(),
        venue: 'みどり市子育て支援センター',
        capacity: 10,
      },
    }),
    201,
  );
  await okJson(
    await staff.post(`/api/v1/orientations/${session.id}/registrations`, { data: { memberId } }),
    201,
  );
  await okJson(
    await staff.post(`/api/v1/orientations/${session.id}/attendance`, {
      data: { memberIds: [memberId] },
    }),
  );
  await okJson(
    await staff.post(`/api/v1/members/${memberId}/approve`, { data: { side: 'requester' } }),
  );
}
