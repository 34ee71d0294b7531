import { CategoryBarChart } from "../../components/charts/category-bar-chart.js";
import { TimeSeriesChart } from "../../components/charts/time-series-chart.js";
import { FilterBar } from "../../components/filter-bar.js";
import { Badge } from "../../components/ui/badge.js";
import { Card, CardContent, CardHeader } from "../../components/ui/card.js";
import { getFilterOptions, judgeAgreement, listScoreSummaries } from "../../data/queries.js";
import type { TraceStore } from "../../data/types.js";
import { formatCount, formatScore } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { commonFilterFields, rangeProps } from "../shared/filter-fields.js";
import { PageHeader } from "../shared/page-header.js";
import type { ViewContext } from "../shared/view-context.js";

const SOURCE_HINT: Record<string, string> = {
  FEEDBACK: "end-user feedback",
  EVAL: "LLM judge / evaluator",
  ANNOTATION: "human reviewers",
  API: "loupe.score()",
};

/** Every score name by source: its distribution and its trend over the range. */
export async function ScoresView({ store, ctx }: { store: TraceStore; ctx: ViewContext }) {
  const { state } = ctx;
  const filters = { from: state.from, to: state.to, environment: state.environment, model: state.model, release: state.release, userId: state.userId, tag: state.tag, name: state.name };
  const [summaries, options] = await Promise.all([listScoreSummaries(store, { ...filters, source: state.source, scoreName: state.scoreName }), getFilterOptions(store, state)]);
  // Judge-vs-human agreement for every judged criterion that end users also rated.
  const agreements = new Map(
    await Promise.all(
      summaries
        .filter((s) => s.source === "EVAL")
        .map(async (s) => {
          // "Good" means ≥ 4 on a 1–5 scale, > 0.5 on 0–1, true for booleans.
          const threshold = s.dataType === "BOOLEAN" ? 1 : (s.max ?? 5) <= 1 ? 0.5 : 4;
          const rows = await judgeAgreement(store, { judgeScoreName: s.name, threshold });
          return [s.name, rows] as const;
        }),
    ),
  );
  return (
    <div>
      <PageHeader title="Scores" subtitle="Feedback, judge evaluations, annotations and API scores over time." />
      <FilterBar
        action={routePath(ctx.basePath, { view: "scores" })}
        {...rangeProps(state)}
        fields={[{ param: "source", label: "Source", value: state.source, options: ["FEEDBACK", "EVAL", "ANNOTATION", "API"] }, ...commonFilterFields(state, options)]}
      />
      {summaries.length === 0 ? (
        <p className="lp:rounded-lg lp:border lp:border-dashed lp:border-border lp:p-6 lp:text-muted-foreground">
          No score in this range. Scores come from the feedback widget (<code>{"<LoupeFeedback />"}</code>), evaluators, reviewers on a trace page, or{" "}
          <code>loupe.score({"{ traceId, name, value, source: \"API\" }"})</code>.
        </p>
      ) : (
        <div className="lp:grid lp:gap-3 lp:lg:grid-cols-2">
          {summaries.map((s) => (
            <Card key={`${s.source}-${s.name}`} data-testid="loupe-score-card">
              <CardHeader className="lp:flex-wrap">
                <span className="lp:flex lp:items-center lp:gap-2">
                  <span className="lp:font-semibold">{s.name}</span>
                  <Badge title={SOURCE_HINT[s.source]}>{s.source}</Badge>
                  <Badge variant="outline">{s.dataType.toLowerCase()}</Badge>
                </span>
                <span className="lp:text-xs lp:text-muted-foreground">
                  {formatCount(s.count)} scores{s.mean !== null ? ` · mean ${formatScore(s.mean)}` : ""}
                </span>
                {s.source === "EVAL"
                  ? (agreements.get(s.name) ?? []).map((a) => (
                      <span key={a.evaluatorId} data-testid="loupe-judge-agreement" className="lp:w-full lp:text-xs lp:text-muted-foreground">
                        {a.evaluatorId} vs users' thumbs: {a.agreementRate === null ? "—" : `${Math.round(a.agreementRate * 100)}% agree`} · κ{" "}
                        {a.kappa === null ? "—" : a.kappa.toFixed(2)} · {formatCount(a.pairs)} traces rated by both
                      </span>
                    ))
                  : null}
              </CardHeader>
              <CardContent className="lp:grid lp:gap-2 lp:md:grid-cols-2">
                <CategoryBarChart title={`Distribution of ${s.name}`} data={s.distribution} />
                <TimeSeriesChart title={`Mean ${s.name} over time`} format="score" height={180} data={s.trend.map((t) => ({ bucket: t.bucket, mean: t.mean, count: t.count }))} series={[{ key: "mean", label: "Mean" }]} />
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
