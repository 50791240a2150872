import { sql, type RawBuilder } from 'kysely';

/**
 * `IN (...)` over a list bound as ONE JSON parameter: D1 allows at most 100 bound parameters
 * per statement, and a center has thousands of members.
 */
export function inJson(values: readonly string[]): RawBuilder<string> {
  return sql<string>`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
