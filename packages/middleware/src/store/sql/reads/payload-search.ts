import { MESSAGE_REF_MARK, MESSAGE_REF_PREFIX_LENGTH } from "../../../domain/message-refs.js";
import type { DialectSql } from "../dialect.js";
import type { ParamList } from "../params.js";

/**
 * The full-text condition of the traces table's search on traces `t` (evaluated per
 * candidate trace, so it stays bounded by the page's time range):
 * - the table previews;
 * - inline payload JSON (every row written before content addressing, small fields
 *   since), skipping references, whose hashes are not text;
 * - the content-addressed messages the trace's payloads reference: a recursive walk up
 *   each referenced list (list nodes and messages by primary key, each node once
 *   however many of the trace's lists share it), then a LIKE on each message's JSON.
 * Payloads and messages hold JSON text, so the text is looked for as JSON encodes it.
 */
export function payloadSearchCondition(search: string, p: ParamList, sql: DialectSql): string {
  const like = sql.ilike;
  const plain = p.bindContains(search);
  const plain2 = p.bindContains(search);
  const encoded = JSON.stringify(search).slice(1, -1);
  const json = p.bindContains(encoded);
  const json2 = p.bindContains(encoded);
  const json3 = p.bindContains(encoded);
  const isRef = (column: string) => `substr(${column}, 1, 1) = '${MESSAGE_REF_MARK}'`;
  const node = (column: string) => `substr(${column}, ${MESSAGE_REF_PREFIX_LENGTH + 1})`;
  return `(t.input_preview ${like} ${plain} ESCAPE '\\' OR t.output_preview ${like} ${plain2} ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM loupe_payloads p WHERE p.trace_id = t.id
                AND ((p.input ${like} ${json} ESCAPE '\\' AND NOT ${isRef("p.input")})
                  OR (p.output ${like} ${json2} ESCAPE '\\' AND NOT ${isRef("p.output")})))
    OR EXISTS (
      WITH RECURSIVE walk(hash, parent_hash, message_hash) AS (
        SELECT n.hash, n.parent_hash, n.message_hash FROM loupe_message_lists n
         WHERE n.hash IN (SELECT ${node("p.input")} FROM loupe_payloads p WHERE p.trace_id = t.id AND ${isRef("p.input")}
                          UNION ALL
                          SELECT ${node("p.output")} FROM loupe_payloads p WHERE p.trace_id = t.id AND ${isRef("p.output")})
        UNION
        SELECT n.hash, n.parent_hash, n.message_hash FROM walk w ${sql.joinOneByKey("loupe_message_lists", "n", "n.hash = w.parent_hash")}
      )
      SELECT 1 FROM walk w JOIN loupe_messages m ON m.hash = w.message_hash WHERE m.content ${like} ${json3} ESCAPE '\\'))`;
}
