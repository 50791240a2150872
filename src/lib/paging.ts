import { z } from 'zod';

/**
 * A page number from a page's query string (`?page=3`): anything missing or odd is page 1, so a
 * stale bookmark or a typed URL never fails. Lists that grow without bound read one page at a time.
 */
export function pageNumberOf(raw: string | undefined): number {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(raw ?? 1);
}

/** How many pages `total` rows fill (at least one, for the empty list). */
export const pageCountOf = (total: number, pageSize: number) =>
  Math.max(1, Math.ceil(total / pageSize));
