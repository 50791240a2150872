import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';

/**
 * `IN (...)` over a list bound as ONE JSON parameter: D1 allows at most 100 bound parameters
 * per statement, and a center has thousands of members.
 */
export function inJson(values: readonly string[]): RawBuilder<string> {
  return sql<string>`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/**
 * One page of a list and the number of rows of the whole list, read side by side: `page` is the
 * page's query (ordered, limited, offset); `all` is the list's query, whose columns are dropped
 * for one COUNT(*) over what its conditions keep.
 */
export async function pageWithTotal<Item>(
  page: Promise<Item[]>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, any columns
  all: SelectQueryBuilder<any, any, unknown>,
): Promise<{ items: Item[]; total: number }> {
  const [items, total] = await Promise.all([
    page,
    all
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
