/** The storage layer's public face: the port, the two SQL adapters and how to open one. */
export type { TraceStore, AgreementPair } from "./trace-store.js";
export { openStore, DEFAULT_DATABASE_URL, type StoreChoice } from "./open-store.js";
export { createSqliteStore, DEFAULT_SQLITE_FILE, sqliteFilePath, type SqliteStoreOptions } from "./sqlite/sqlite-store.js";
export { createPostgresStore, type PostgresStoreOptions } from "./postgres/postgres-store.js";
export type { PrismaLike, SqlClient } from "./sql/sql-client.js";
export { sqlAccessOf } from "./sql/sql-trace-store.js";
