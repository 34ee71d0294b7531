import type BetterSqlite3 from "better-sqlite3";
import { describeSqlFailure, type SqlClient } from "../sql/sql-client.js";

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[]>;

const CACHE_SIZE = 256;

/**
 * A {@link SqlClient} straight on better-sqlite3, without Prisma: prepared statements
 * cached by text, transactions as `BEGIN IMMEDIATE … COMMIT` (one writer, no upgrade
 * deadlock with readers of the same file). Measured here, Prisma's query compiler and
 * client round trip were most of a small write's cost. Used by the writer thread,
 * which is this connection's only user, so one transaction runs at a time.
 */
export function betterSqliteClient(db: Database): SqlClient {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql) as Statement;
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
  const run = <T>(sql: string, fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(describeSqlFailure(error, sql));
    }
  };
  let inTransaction = false;
  const client: SqlClient = {
    dialect: "sqlite",
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      run(sql, () => {
        const statement = prepare(sql);
        return (statement.reader ? statement.all(params as unknown[]) : (statement.run(params as unknown[]), [])) as T[];
      }),
    execute: (sql: string, params: readonly unknown[] = []) => run(sql, () => prepare(sql).run(params as unknown[]).changes),
    executeEach: (sql: string, rows: readonly (readonly unknown[])[]) =>
      run(sql, () => {
        const statement = prepare(sql);
        let changes = 0;
        for (const row of rows) changes += statement.run(row as unknown[]).changes;
        return changes;
      }),
    async transaction<R>(fn: (tx: SqlClient) => Promise<R>): Promise<R> {
      if (inTransaction) return fn(client);
      db.exec("BEGIN IMMEDIATE");
      inTransaction = true;
      try {
        const result = await fn(client);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        inTransaction = false;
      }
    },
  };
  return client;
}
