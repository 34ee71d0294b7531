import { parseMessageRef, type MessageRef } from "../../domain/message-refs.js";
import type { DialectSql } from "./dialect.js";
import { chunks, placeholders } from "./in-list.js";
import { parseJson, toNumber } from "./map-rows.js";
import type { SqlClient } from "./sql-client.js";

/** Turns a stored payload field (JSON text or a message reference) back into its value. */
export type PayloadDecoder = (text: unknown) => unknown;

/** What a reference resolves to when its rows are missing (never written, or deleted by hand). */
export const UNRESOLVED_MESSAGES = "[loupe: messages not found]";

const MISSING = Symbol("missing");

interface ListNode {
  parentHash: string | null;
  messageHash: string;
  position: number;
  textContent: boolean;
}

/**
 * The list nodes reachable from `heads` (each node once, however many lists share it)
 * and the messages they hold, in one round trip: a recursive walk up the parent links,
 * then the walked nodes' messages.
 */
async function loadLists(db: SqlClient, sql: DialectSql, heads: string[]): Promise<{ nodes: Map<string, ListNode>; messages: Map<string, string> }> {
  const nodes = new Map<string, ListNode>();
  const messages = new Map<string, string>();
  for (const part of chunks(heads)) {
    const rows = await db.query(
      `WITH RECURSIVE walk(hash, parent_hash, message_hash, position, text_content) AS (
         SELECT hash, parent_hash, message_hash, position, text_content FROM loupe_message_lists WHERE hash IN (${placeholders(sql, part.length)})
         UNION
         SELECT n.hash, n.parent_hash, n.message_hash, n.position, n.text_content FROM walk w ${sql.joinOneByKey("loupe_message_lists", "n", "n.hash = w.parent_hash")}
       )
       SELECT 'n' AS kind, hash, parent_hash, message_hash, position, text_content, NULL AS content FROM walk
       UNION ALL
       SELECT 'm' AS kind, hash, NULL, NULL, NULL, NULL, content FROM loupe_messages WHERE hash IN (SELECT message_hash FROM walk)`,
      part,
    );
    for (const r of rows) {
      if (r.kind === "m") messages.set(String(r.hash), String(r.content));
      else {
        nodes.set(String(r.hash), {
          parentHash: r.parent_hash === null || r.parent_hash === undefined ? null : String(r.parent_hash),
          messageHash: String(r.message_hash),
          position: toNumber(r.position),
          textContent: Boolean(r.text_content),
        });
      }
    }
  }
  return { nodes, messages };
}

/**
 * Loads what the references among `texts` point to and returns a decoder for them:
 * inline JSON (every row written before content addressing, and small fields since)
 * parses as before; a reference is rebuilt into the exact messages that were written.
 */
export async function loadPayloadDecoder(db: SqlClient, sql: DialectSql, texts: readonly unknown[]): Promise<PayloadDecoder> {
  const heads = [...new Set(texts.map(parseMessageRef).flatMap((ref) => (ref ? [ref.node] : [])))];
  if (heads.length === 0) return parseJson;
  const { nodes, messages } = await loadLists(db, sql, heads);

  const messageAt = (node: ListNode): unknown => {
    const text = messages.get(node.messageHash);
    if (text === undefined) return undefined;
    const message = JSON.parse(text) as Record<string, unknown>;
    // Stored as one text part; it was written as a plain string.
    const parts = message.content as { text?: unknown }[] | undefined;
    if (node.textContent && Array.isArray(parts) && parts.length === 1 && typeof parts[0]?.text === "string") message.content = parts[0].text;
    return message;
  };

  const list = (head: string): unknown[] | undefined => {
    const out: unknown[] = [];
    let hash: string | null = head;
    let expected: number | undefined;
    while (hash !== null) {
      const node = nodes.get(hash);
      if (!node || (expected !== undefined && node.position !== expected)) return undefined;
      const message = messageAt(node);
      if (message === undefined) return undefined;
      out.push(message);
      expected = node.position - 1;
      hash = node.parentHash;
    }
    return expected === -1 ? out.reverse() : undefined;
  };

  const resolve = (ref: MessageRef): unknown => {
    const messagesOfList = list(ref.node);
    if (!messagesOfList) return MISSING;
    if (ref.view === "l") return messagesOfList;
    if (messagesOfList.length !== 1) return MISSING;
    const content = (messagesOfList[0] as { content?: unknown }).content;
    if (ref.view === "c") return content;
    const parts = content as { text?: unknown; output?: { value?: unknown } }[] | undefined;
    if (!Array.isArray(parts) || parts.length !== 1) return MISSING;
    if (ref.view === "v") return parts[0].output && "value" in parts[0].output ? parts[0].output.value : MISSING;
    return typeof parts[0].text === "string" ? parts[0].text : MISSING;
  };

  return (text) => {
    const ref = parseMessageRef(text);
    if (!ref) return parseJson(text);
    const value = resolve(ref);
    return value === MISSING ? UNRESOLVED_MESSAGES : value;
  };
}
