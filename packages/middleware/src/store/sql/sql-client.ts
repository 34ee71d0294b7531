import { LoupeSqlError } from "../../errors/loupe-sql-error.js";

/**
 * The narrow slice of a Prisma client that Loupe's stores use: parameterised raw SQL
 * and interactive transactions. Any Prisma client works (Loupe's own embedded one or
 * the host's), whatever models its schema declares, because Loupe only sends raw SQL.
 */
export interface RawSqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A Prisma client as Loupe needs it (structural, so any generated client fits). */
export interface PrismaLike extends RawSqlRunner {
  $transaction<R>(
    fn: (tx: RawSqlRunner) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<R>;
  $disconnect(): Promise<void>;
}

/** Which SQL flavour a store speaks. */
export type Dialect = "sqlite" | "postgres";

/** Runs SQL for a store: `query` returns rows, `execute` returns the affected count. */
export interface SqlClient {
  readonly dialect: Dialect;
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /** True when array parameters bind as typed arrays (`pg`): upserts then pass one array per column. */
  readonly arrayParams?: boolean;
  /** Runs one statement once per parameter row (prepared once), where the driver makes that cheap. */
  executeEach?(sql: string, rows: readonly (readonly unknown[])[]): Promise<number>;
  /** Runs `fn` in one transaction; the callback's client is bound to it. */
  transaction<R>(fn: (tx: SqlClient) => Promise<R>): Promise<R>;
}

const TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 };

/** A driver's error as a {@link LoupeSqlError}: the database's own message and the start of the statement. */
export function describeSqlFailure(error: unknown, sql: string): LoupeSqlError {
  const raw = error instanceof Error ? error.message : String(error);
  // Prisma's messages carry a long code frame; keep the database's own message.
  const message = /Message: `([^`]*)`/.exec(raw)?.[1] ?? raw.split("\n").filter(Boolean).at(-1) ?? raw;
  const code = /Code: `([^`]*)`/.exec(raw)?.[1] ?? (error as { code?: string }).code;
  const head = sql.replace(/\s+/g, " ").trim().slice(0, 120);
  return new LoupeSqlError(`${message} (in: ${head}…)`, code, error);
}

async function run<T>(sql: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw describeSqlFailure(error, sql);
  }
}

/** Wraps a Prisma client (or a transaction of one) as a {@link SqlClient}. */
export function prismaSqlClient(prisma: PrismaLike, dialect: Dialect): SqlClient {
  const bind = (runner: RawSqlRunner, inTx: boolean): SqlClient => ({
    dialect,
    query: <T>(sql: string, params: readonly unknown[] = []) => run(sql, () => runner.$queryRawUnsafe<T[]>(sql, ...params)),
    execute: (sql: string, params: readonly unknown[] = []) => run(sql, () => runner.$executeRawUnsafe(sql, ...params)),
    transaction: <R>(fn: (tx: SqlClient) => Promise<R>) =>
      inTx ? fn(bind(runner, true)) : prisma.$transaction((tx) => fn(bind(tx, true)), TX_OPTIONS),
  });
  return bind(prisma, false);
}
