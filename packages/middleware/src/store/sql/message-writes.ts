import type { WriteBatch } from "../../domain/rows.js";
import type { DialectSql } from "./dialect.js";
import { chunks, placeholders } from "./in-list.js";
import type { SqlClient } from "./sql-client.js";
import { messageListUpsert, messageUpsert } from "./table-specs.js";
import { buildUpserts, type Statement } from "./upsert-sql.js";

async function storedHashes(tx: SqlClient, sql: DialectSql, table: string, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(hashes)) {
    const rows = await tx.query<{ hash: string }>(`SELECT hash FROM ${table} WHERE hash IN (${placeholders(sql, part.length)})`, part);
    for (const row of rows) found.add(String(row.hash));
  }
  return found;
}

/**
 * The inserts of a batch's messages and list nodes, without those already stored: a
 * chat re-sends its whole history every turn, and only the new messages' text needs to
 * travel to the database. Still `ON CONFLICT DO NOTHING`, so a replay or a concurrent
 * writer can never fail or change a stored row. Run inside the batch's transaction.
 */
export async function messageStatements(tx: SqlClient, sql: DialectSql, batch: WriteBatch): Promise<Statement[]> {
  const messages = batch.messages ?? [];
  const lists = batch.messageLists ?? [];
  const storedMessages = messages.length ? await storedHashes(tx, sql, messageUpsert.table, messages.map((m) => m.hash)) : new Set();
  const storedLists = lists.length ? await storedHashes(tx, sql, messageListUpsert.table, lists.map((l) => l.hash)) : new Set();
  return [
    ...buildUpserts(messageUpsert, messages.filter((m) => !storedMessages.has(m.hash)), sql),
    ...buildUpserts(messageListUpsert, lists.filter((l) => !storedLists.has(l.hash)), sql),
  ];
}
