import { describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_TABLE,
  registeredRouteKeys,
  routeKey,
} from '../security/authorization-table.js';
import { setupTestApp } from '../helpers/test-app.js';

describe('authorization table coverage (QUALITY.md security item 1)', () => {
  it('maps every registered route (0 unmapped) and lists no route that is gone (0 stale)', async () => {
    const { app } = await setupTestApp();
    const registered = registeredRouteKeys(app.routes);
    const tableKeys = AUTHORIZATION_TABLE.map((row) => routeKey(row.method, row.path));
    const unmapped = registered.filter((key) => !tableKeys.includes(key));
    const stale = tableKeys.filter((key) => !registered.includes(key));
    const duplicates = tableKeys.filter((key, i) => tableKeys.indexOf(key) !== i);
    console.log(
      `route coverage: ${registered.length} routes, ${unmapped.length} unmapped, ${stale.length} stale`,
    );
    expect({ unmapped, stale, duplicates }).toEqual({ unmapped: [], stale: [], duplicates: [] });
    // A sanity floor, so an empty route list cannot pass: the app had 268 endpoints when written.
    expect(registered.length).toBeGreaterThanOrEqual(268);
  });

  it('names a fixture object for every path parameter', () => {
    const missing = AUTHORIZATION_TABLE.flatMap((row) =>
      [...row.path.matchAll(/:(\w+)/g)]
        .map((m) => m[1]!)
        .filter((name) => !row.params?.[name])
        .map((name) => `${row.method} ${row.path} :${name}`),
    );
    expect(missing).toEqual([]);
  });
});
