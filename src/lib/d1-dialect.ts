import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * A minimal Kysely dialect over a Cloudflare D1 binding. D1 has no interactive transactions, so
 * beginTransaction throws: multi-statement writes go through the atomic port (batch()).
 */
export class D1Dialect implements Dialect {
  constructor(private readonly d1: D1Database) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new D1Driver(this.d1);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

class D1Driver implements Driver {
  constructor(private readonly d1: D1Database) {}
  async init() {}
  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new D1Connection(this.d1));
  }
  beginTransaction(): Promise<void> {
    return Promise.reject(new Error('D1 has no interactive transactions: use the atomic port'));
  }
  commitTransaction(): Promise<void> {
    return Promise.reject(new Error('D1 has no interactive transactions'));
  }
  rollbackTransaction(): Promise<void> {
    return Promise.reject(new Error('D1 has no interactive transactions'));
  }
  async releaseConnection() {}
  async destroy() {}
}

class D1Connection implements DatabaseConnection {
  constructor(private readonly d1: D1Database) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.d1
      .prepare(query.sql)
      .bind(...(query.parameters as unknown[]))
      .all<R>();
    const changes = result.meta?.changes ?? 0;
    const lastRowId = result.meta?.last_row_id;
    return {
      rows: result.results ?? [],
      numAffectedRows: BigInt(changes),
      insertId: lastRowId == null ? undefined : BigInt(lastRowId),
    };
  }

  // eslint-disable-next-line require-yield, @typescript-eslint/require-await
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not support streaming');
  }
}
