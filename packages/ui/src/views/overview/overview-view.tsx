import { TimeSeriesChart } from "../../components/charts/time-series-chart.js";
import { FilterBar } from "../../components/filter-bar.js";
import { Card, CardContent, CardHeader, CardTitle } from "../../components/ui/card.js";
import { getFilterOptions, getOverview } from "../../data/queries.js";
import type { TraceStore } from "../../data/types.js";
import { formatCount, formatDuration, formatPercent, formatScore, formatTokens } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { CostText } from "../shared/cost-text.js";
import { EmptyState } from "../shared/empty-state.js";
import { commonFilterFields, rangeProps } from "../shared/filter-fields.js";
import { PageHeader } from "../shared/page-header.js";
import { StatCard } from "../shared/stat-card.js";
import type { ViewContext } from "../shared/view-context.js";
import { pivotByModel } from "./pivot-by-model.js";

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** The overview: cards for the range and charts over time. */
export async function OverviewView({ store, ctx, hasData }: { store: TraceStore; ctx: ViewContext; hasData: boolean }) {
  const { state } = ctx;
  const filters = { from: state.from, to: state.to, environment: state.environment, model: state.model, release: state.release, userId: state.userId, tag: state.tag, name: state.name };
  const [overview, options] = await Promise.all([getOverview(store, filters), getFilterOptions(store, state)]);
  const { totals, series } = overview;
  const buckets = series.map((s) => s.bucket);
  const cost = pivotByModel(overview.costByModel, buckets, (p) => p.cost);
  const rows = series.map((s) => ({ ...s }));
  return (
    <div>
      <PageHeader title="Overview" subtitle="Volume, cost, latency and quality of your app's LLM calls." />
      <FilterBar action={routePath(ctx.basePath, { view: "overview" })} {...rangeProps(state)} fields={commonFilterFields(state, options)} />
      {!hasData ? <EmptyState /> : null}
      <div className="lp:grid lp:grid-cols-2 lp:gap-3 lp:md:grid-cols-3 lp:xl:grid-cols-5" data-testid="loupe-overview-cards">
        <StatCard testId="loupe-card-traces" label="Traces" value={formatCount(totals.traces)} hint={`${formatCount(totals.errorTraces)} with errors`} />
        <StatCard testId="loupe-card-calls" label="Model calls" value={formatCount(totals.generations)} />
        <StatCard
          testId="loupe-card-cost"
          label="Cost"
          value={<CostText cost={totals.generations > 0 && totals.cost === 0 && totals.unpricedCount === totals.generations ? null : totals.cost} unpricedCount={totals.unpricedCount} />}
          hint={totals.unpricedCount > 0 ? `${formatCount(totals.unpricedCount)} calls without a price` : undefined}
        />
        <StatCard testId="loupe-card-tokens" label="Tokens" value={formatTokens(totals.totalTokens)} hint={`${formatTokens(totals.inputTokens)} in · ${formatTokens(totals.outputTokens)} out`} />
        <StatCard testId="loupe-card-errors" label="Error rate" value={formatPercent(totals.errorRate)} />
        <StatCard testId="loupe-card-latency" label="Latency p50" value={formatDuration(totals.latency.p50)} hint={`p95 ${formatDuration(totals.latency.p95)} · p99 ${formatDuration(totals.latency.p99)}`} />
        <StatCard testId="loupe-card-ttft" label="TTFT p50" value={formatDuration(totals.ttftP50)} />
        <StatCard testId="loupe-card-thumbs" label="Thumbs up" value={formatPercent(totals.thumbsUpRatio)} hint={`${formatCount(totals.thumbsUp)} up · ${formatCount(totals.thumbsDown)} down`} />
        <StatCard testId="loupe-card-judge" label="Judge score" value={totals.judgeMean === null ? "—" : formatScore(totals.judgeMean)} hint={`${formatCount(totals.judgeCount)} evaluations`} />
      </div>
      <div className="lp:mt-4 lp:grid lp:gap-3 lp:lg:grid-cols-2">
        <ChartCard title="Volume">
          <TimeSeriesChart title="Traces and errors over time" kind="bar" data={rows} series={[{ key: "traces", label: "Traces" }, { key: "errorTraces", label: "With errors", color: "var(--loupe-danger)" }]} />
        </ChartCard>
        <ChartCard title="Cost by model">
          <TimeSeriesChart title="Cost by model over time" kind="bar" stacked format="cost" data={cost.rows} series={cost.models.map((m) => ({ key: m, label: m }))} />
        </ChartCard>
        <ChartCard title="Latency percentiles">
          <TimeSeriesChart title="Latency p50, p95 and p99 over time" format="ms" data={rows} series={[{ key: "p50", label: "p50" }, { key: "p95", label: "p95" }, { key: "p99", label: "p99" }]} />
        </ChartCard>
        <ChartCard title="Error rate">
          <TimeSeriesChart title="Error rate over time" format="percent" data={rows} series={[{ key: "errorRate", label: "Error rate", color: "var(--loupe-danger)" }]} />
        </ChartCard>
        <ChartCard title="User feedback">
          <TimeSeriesChart title="Thumbs up and down over time" kind="bar" stacked data={rows} series={[{ key: "thumbsUp", label: "Thumbs up", color: "var(--loupe-success)" }, { key: "thumbsDown", label: "Thumbs down", color: "var(--loupe-danger)" }]} />
        </ChartCard>
        <ChartCard title="Judge score">
          <TimeSeriesChart title="Mean judge score over time" format="score" data={rows} series={[{ key: "judgeMean", label: "Mean judge score" }]} />
        </ChartCard>
      </div>
    </div>
  );
}
