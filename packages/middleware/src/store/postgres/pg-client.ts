import type { Pool, PoolClient, QueryResult } from "pg";
import { describeSqlFailure, type SqlClient } from "../sql/sql-client.js";

/** Postgres type ids whose text the store reads as-is or as UTC (see {@link pgPool}). */
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/**
 * A `pg` pool for Loupe's own Postgres: `timestamp` columns (Prisma's `DateTime`, stored
 * in UTC) are read as UTC, whatever the process's time zone (`pg` would read them as
 * local time), and other types keep `pg`'s text forms (bigint and numeric as strings,
 * which the store's mapping turns into numbers).
 */
export async function pgPool(connectionString: string, max = 10): Promise<Pool> {
  const pg = await import("pg");
  const { Pool: PgPool, types } = pg.default ?? pg;
  return new PgPool({
    connectionString,
    max,
    types: {
      getTypeParser: ((id: number, format?: "text" | "binary") => {
        if (id === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
        if (id === TIMESTAMPTZ) return (text: string) => new Date(text);
        return types.getTypeParser(id, format as "text");
      }) as typeof types.getTypeParser,
    },
  });
}

/**
 * A {@link SqlClient} straight on a `pg` pool, without Prisma (the writer thread's
 * connection): each transaction holds one pooled connection from BEGIN to COMMIT.
 */
export function pgSqlClient(pool: Pool): SqlClient {
  const bind = (runner: Pool | PoolClient, inTx: boolean): SqlClient => {
    const run = async (sql: string, params: readonly unknown[]): Promise<QueryResult> => {
      try {
        return await runner.query(sql, params as unknown[]);
      } catch (error) {
        throw describeSqlFailure(error, sql);
      }
    };
    const client: SqlClient = {
      dialect: "postgres",
      arrayParams: true,
      query: async <T>(sql: string, params: readonly unknown[] = []) => (await run(sql, params)).rows as T[],
      execute: async (sql: string, params: readonly unknown[] = []) => (await run(sql, params)).rowCount ?? 0,
      async transaction<R>(fn: (tx: SqlClient) => Promise<R>): Promise<R> {
        if (inTx) return fn(client);
        const connection = await pool.connect();
        try {
          await connection.query("BEGIN");
          const result = await fn(bind(connection, true));
          await connection.query("COMMIT");
          return result;
        } catch (error) {
          await connection.query("ROLLBACK").catch(() => {});
          throw describeSqlFailure(error, "BEGIN … COMMIT");
        } finally {
          connection.release();
        }
      },
    };
    return client;
  };
  return bind(pool, false);
}
