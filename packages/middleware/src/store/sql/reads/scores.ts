import type { AgreementPair } from "../../trace-store.js";
import type { ScoreView } from "../../../domain/views.js";
import { mapScore } from "../map-rows.js";
import { paramList, type SqlContext } from "../params.js";

/** One score by id, or null. */
export async function getScore({ db, sql }: SqlContext, id: string): Promise<ScoreView | null> {
  const p = paramList(sql);
  const [row] = await db.query(`SELECT * FROM loupe_scores WHERE id = ${p.bind(id)}`, p.values);
  return row ? mapScore(row) : null;
}

/**
 * Every trace's judge score (EVAL, numeric) for `judgeScoreName` paired with each human
 * verdict (FEEDBACK or ANNOTATION, numeric) for `humanScoreName` on the same trace.
 */
export async function agreementPairs({ db, sql }: SqlContext, query: { judgeScoreName: string; humanScoreName: string }): Promise<AgreementPair[]> {
  const p = paramList(sql);
  const rows = await db.query<{ evaluator_id: string | null; judge: unknown; human: unknown }>(
    `SELECT j.evaluator_id, j.value AS judge, h.value AS human
       FROM loupe_scores j
       JOIN loupe_scores h ON h.trace_id = j.trace_id
      WHERE j.source = 'EVAL' AND j.name = ${p.bind(query.judgeScoreName)} AND j.value IS NOT NULL
        AND h.source IN ('FEEDBACK', 'ANNOTATION') AND h.name = ${p.bind(query.humanScoreName)} AND h.value IS NOT NULL`,
    p.values,
  );
  return rows.map((r) => ({ evaluatorId: r.evaluator_id ?? null, judge: Number(r.judge), human: Number(r.human) }));
}
