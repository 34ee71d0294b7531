import type { WriteBatch } from "../../domain/rows.js";
import type { TraceStore } from "../trace-store.js";
import { refreshScoreOwners, refreshSessions, refreshTraceTotals } from "./trace-totals.js";
import { applyRollupChange, readContributions, rebuildRollup } from "./usage-rollup.js";
import { LOCKS, type DialectSql } from "./dialect.js";
import { applyScoreRollupChange, readScoreContributions, rebuildScoreRollup } from "./score-rollup.js";
import { migrate, type EmbeddedMigration } from "./migrator.js";
import type { SqlClient } from "./sql-client.js";
import { observationUpsert, payloadUpsert, scoreUpsert, traceUpsert } from "./table-specs.js";
import { sqlReads } from "./reads/sql-reads.js";
import { messageStatements } from "./message-writes.js";
import { buildUpserts, runStatement } from "./upsert-sql.js";

/** Lets timers and I/O run: a synchronous driver resolves every await without yielding. */
const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Options of {@link createSqlTraceStore}. */
export interface SqlTraceStoreOptions {
  db: SqlClient;
  sql: DialectSql;
  migrations: readonly EmbeddedMigration[];
  /** Called by close() (disconnect the client the store opened itself). */
  onClose?: () => Promise<void>;
}

/** The SQL implementation of {@link TraceStore} shared by the SQLite and Postgres adapters. */
export function createSqlTraceStore(options: SqlTraceStoreOptions): TraceStore {
  const { db, sql } = options;
  // One writer at a time per database: totals and rollups are recounted inside the write
  // transaction, and a concurrent writer's uncommitted rows would be missed otherwise.
  const lock = sql.lock(LOCKS.write);

  async function write(batch: WriteBatch): Promise<void> {
    const traces = batch.traces ?? [];
    const observations = batch.observations ?? [];
    const payloads = batch.payloads ?? [];
    const scores = batch.scores ?? [];
    const messageRows = (batch.messages?.length ?? 0) + (batch.messageLists?.length ?? 0);
    if (traces.length + observations.length + payloads.length + scores.length + messageRows === 0) return;
    const traceIds = [
      ...new Set([
        ...traces.map((t) => t.id),
        ...observations.map((o) => o.traceId),
        ...scores.flatMap((s) => (s.traceId ? [s.traceId] : [])),
      ]),
    ];
    await db.transaction(async (tx) => {
      if (lock) await tx.query(lock);
      const before = await readContributions(tx, sql, traceIds);
      // A score's user and environment change only when its trace or the score itself is written.
      const ownerIds = [...new Set([...traces.map((t) => t.id), ...scores.flatMap((s) => (s.traceId ? [s.traceId] : []))])];
      const scoreIds = scores.map((s) => s.id);
      const scoresBefore = scoreIds.length + ownerIds.length ? await readScoreContributions(tx, sql, scoreIds, ownerIds) : new Map();
      const statements = [
        // Messages land in the same transaction as the payloads that reference them.
        ...(messageRows ? await messageStatements(tx, sql, batch) : []),
        ...buildUpserts(traceUpsert, traces, sql),
        ...buildUpserts(observationUpsert, observations, sql),
        ...buildUpserts(payloadUpsert, payloads, sql),
        ...buildUpserts(scoreUpsert, scores, sql),
      ];
      const pause = sql.synchronous ? yieldToHost : async () => {};
      for (const statement of statements) {
        await runStatement(tx, statement);
        await pause();
      }
      await refreshTraceTotals(tx, sql, traceIds);
      await pause();
      const after = await readContributions(tx, sql, traceIds);
      await applyRollupChange(tx, sql, before, after);
      await pause();
      await refreshSessions(tx, sql, [...new Set([...before.sessionIds, ...after.sessionIds])]);
      await refreshScoreOwners(tx, sql, ownerIds);
      if (scoreIds.length + ownerIds.length) {
        await applyScoreRollupChange(tx, sql, scoresBefore, await readScoreContributions(tx, sql, scoreIds, ownerIds));
      }
    });
  }

  const store: TraceStore = {
    dialect: sql.name,
    migrate: () => migrate(db, sql, options.migrations),
    write,
    ...sqlReads(db, sql),
    rebuildRollups: () =>
      db.transaction(async (tx) => {
        await rebuildRollup(tx, sql);
        await rebuildScoreRollup(tx, sql);
      }),
    close: async () => {
      await options.onClose?.();
    },
  };
  rawAccess.set(store, { db, sql });
  return store;
}

const rawAccess = new WeakMap<TraceStore, { db: SqlClient; sql: DialectSql }>();

/**
 * The SQL client and dialect behind a SQL store, for tests and maintenance scripts that
 * count rows themselves (undefined for other stores). Not part of the port.
 */
export function sqlAccessOf(store: TraceStore): { db: SqlClient; sql: DialectSql } | undefined {
  return rawAccess.get(store);
}
