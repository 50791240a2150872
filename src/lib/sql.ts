import {
  sql,
  type OrderByDirection,
  type RawBuilder,
  type SelectQueryBuilder,
  type StringReference,
} from 'kysely';

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

/**
 * One page of a list read in two steps, and the number of rows of the whole list: first the ids
 * of the page from `list` (the list's table and conditions, no columns), ordered by `orderBy`
 * then by the id; then `rows`, the columns the page shows, for those ids only and in the same
 * order. The joins behind the columns are read for the page's rows, not for every row the
 * conditions keep.
 */
export function pageByIds<
  DB,
  TB extends keyof DB,
  RowsDB,
  RowsTB extends keyof RowsDB,
  O,
  Column extends StringReference<DB, TB> & StringReference<RowsDB, RowsTB>,
>(
  list: SelectQueryBuilder<DB, TB, object>,
  rows: SelectQueryBuilder<RowsDB, RowsTB, O>,
  order: { id: Column; orderBy: Column; direction?: OrderByDirection },
  paging: { page: number; pageSize: number },
): Promise<{ items: O[]; total: number }> {
  const { id, orderBy, direction } = order;
  const pageIds = list
    .select(id)
    .orderBy(orderBy, direction)
    .orderBy(id)
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return pageWithTotal(
    // `id` names the same column in both queries, which the compiler cannot follow through
    // the generic tables: the subquery's type is asserted, not converted.
    rows
      .where(id, 'in', pageIds as never)
      .orderBy(orderBy, direction)
      .orderBy(id)
      .execute(),
    list,
  );
}
