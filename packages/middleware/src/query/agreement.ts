import type { TraceStore } from "../store/trace-store.js";

/** How often a judge agrees with humans on the same traces. */
export interface JudgeAgreement {
  /** The judge (evaluator id on its scores). */
  evaluatorId: string;
  judgeScoreName: string;
  humanScoreName: string;
  /** Traces with both a judge score and a human verdict. */
  pairs: number;
  /** Share of pairs where both say good or both say bad. */
  agreementRate: number | null;
  /** Cohen's kappa: agreement beyond chance (1 perfect, 0 chance, < 0 worse than chance). */
  kappa: number | null;
  /** Counts: judge good & human good, judge good & human bad, … */
  matrix: { bothGood: number; judgeGoodHumanBad: number; judgeBadHumanGood: number; bothBad: number };
}

/** Options of {@link judgeAgreement}. */
export interface AgreementOptions {
  /** The judge's score name (e.g. "helpfulness"). */
  judgeScoreName: string;
  /** The human score name: end-user thumbs ("user-feedback") or an annotation name. Default "user-feedback". */
  humanScoreName?: string;
  /** A judge score at or above this counts as "good". Default: 4 (on the 1–5 scale). */
  threshold?: number;
  /** Set for rubrics where higher is worse (toxicity). */
  lowerIsBetter?: boolean;
}

/** Cohen's kappa for two binary raters from their 2×2 counts. */
export function cohensKappa(m: JudgeAgreement["matrix"]): number | null {
  const n = m.bothGood + m.judgeGoodHumanBad + m.judgeBadHumanGood + m.bothBad;
  if (n === 0) return null;
  const observed = (m.bothGood + m.bothBad) / n;
  const judgeGood = (m.bothGood + m.judgeGoodHumanBad) / n;
  const humanGood = (m.bothGood + m.judgeBadHumanGood) / n;
  const expected = judgeGood * humanGood + (1 - judgeGood) * (1 - humanGood);
  if (expected === 1) return observed === 1 ? 1 : null;
  return (observed - expected) / (1 - expected);
}

/**
 * Judge-vs-human agreement per judge: wherever a trace has both the judge's score and
 * a human verdict (end-user thumbs or a reviewer's boolean/numeric annotation, > 0.5 =
 * good) for the same criterion, the agreement rate and Cohen's kappa.
 */
export async function judgeAgreement(store: Pick<TraceStore, "agreementPairs">, options: AgreementOptions): Promise<JudgeAgreement[]> {
  const humanScoreName = options.humanScoreName ?? "user-feedback";
  const threshold = options.threshold ?? 4;
  const rows = await store.agreementPairs({ judgeScoreName: options.judgeScoreName, humanScoreName });
  const byJudge = new Map<string, JudgeAgreement["matrix"]>();
  for (const row of rows) {
    const key = row.evaluatorId ?? options.judgeScoreName;
    const m = byJudge.get(key) ?? { bothGood: 0, judgeGoodHumanBad: 0, judgeBadHumanGood: 0, bothBad: 0 };
    const judgeValue = Number(row.judge);
    const judgeGood = options.lowerIsBetter ? judgeValue < threshold : judgeValue >= threshold;
    const humanGood = Number(row.human) > 0.5;
    if (judgeGood && humanGood) m.bothGood += 1;
    else if (judgeGood) m.judgeGoodHumanBad += 1;
    else if (humanGood) m.judgeBadHumanGood += 1;
    else m.bothBad += 1;
    byJudge.set(key, m);
  }
  return [...byJudge].map(([evaluatorId, matrix]) => {
    const pairs = matrix.bothGood + matrix.judgeGoodHumanBad + matrix.judgeBadHumanGood + matrix.bothBad;
    return {
      evaluatorId,
      judgeScoreName: options.judgeScoreName,
      humanScoreName,
      pairs,
      agreementRate: pairs ? (matrix.bothGood + matrix.bothBad) / pairs : null,
      kappa: cohensKappa(matrix),
      matrix,
    };
  });
}
