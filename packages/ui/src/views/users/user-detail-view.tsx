import Link from "next/link";
import { notFound } from "next/navigation";
import { TimeSeriesChart } from "../../components/charts/time-series-chart.js";
import { FilterBar } from "../../components/filter-bar.js";
import { Card, CardContent, CardHeader, CardTitle } from "../../components/ui/card.js";
import { getUserDetail, listTracePage } from "../../data/queries.js";
import type { TraceStore } from "../../data/types.js";
import { formatCount, formatPercent, formatTime, formatTokens } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { withParams } from "../../routing/url-state.js";
import { CostText } from "../shared/cost-text.js";
import { rangeProps } from "../shared/filter-fields.js";
import { PageHeader } from "../shared/page-header.js";
import { StatCard } from "../shared/stat-card.js";
import { TraceMiniTable } from "../shared/trace-mini-table.js";
import type { ViewContext } from "../shared/view-context.js";
import { pivotByModel } from "../overview/pivot-by-model.js";

function days(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); t < to.getTime() && out.length < 400; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** One user: totals over the range, daily cost by model, their latest traces and sessions. */
export async function UserDetailView({ store, ctx, id }: { store: TraceStore; ctx: ViewContext; id: string }) {
  const { state } = ctx;
  const [detail, traces, sessions] = await Promise.all([
    getUserDetail(store, id, state),
    listTracePage(store, { userId: id, limit: 20 }),
    store.listSessions({ userId: id, limit: 20 }),
  ]);
  if (!detail) notFound();
  const cost = pivotByModel(
    detail.daily.map((d) => ({ bucket: d.day, model: d.model, cost: d.cost, generationCount: d.calls, errorCount: 0, inputTokens: 0, outputTokens: 0, totalTokens: d.totalTokens, unpricedCount: 0 })),
    days(state.from, state.to),
    (p) => p.cost,
  );
  const path = routePath(ctx.basePath, { view: "user", id });
  return (
    <div data-testid="loupe-user-detail">
      <PageHeader title={detail.userId} subtitle={`First seen ${formatTime(detail.firstSeen)} · last seen ${formatTime(detail.lastSeen)}`} />
      <FilterBar action={path} {...rangeProps(state)} fields={[]} />
      <div className="lp:mb-4 lp:grid lp:grid-cols-2 lp:gap-3 lp:md:grid-cols-5">
        <StatCard label="Cost" value={<CostText cost={detail.cost} unpricedCount={detail.unpricedCount} />} />
        <StatCard label="Tokens" value={formatTokens(detail.totalTokens)} />
        <StatCard label="Model calls" value={formatCount(detail.calls)} />
        <StatCard label="Traces" value={formatCount(detail.traces)} />
        <StatCard label="Error rate" value={formatPercent(detail.traces > 0 ? detail.errorTraces / detail.traces : null)} />
      </div>
      <Card className="lp:mb-4">
        <CardHeader>
          <CardTitle>Cost by model per day</CardTitle>
        </CardHeader>
        <CardContent>
          <TimeSeriesChart title={`Daily cost of ${detail.userId} by model`} kind="bar" stacked format="cost" data={cost.rows} series={cost.models.map((m) => ({ key: m, label: m }))} />
        </CardContent>
      </Card>
      <h2 className="lp:mb-2 lp:text-sm lp:font-semibold">Latest traces</h2>
      <TraceMiniTable traces={traces.items} basePath={ctx.basePath} />
      <Link className="lp:mt-1 lp:inline-block lp:text-xs lp:text-chart-1 lp:hover:underline" href={`${routePath(ctx.basePath, { view: "traces" })}${withParams({}, { user: id })}`}>
        All traces of this user →
      </Link>
      <h2 className="lp:mb-2 lp:mt-4 lp:text-sm lp:font-semibold">Sessions</h2>
      {sessions.items.length === 0 ? (
        <p className="lp:text-xs lp:text-muted-foreground">No session.</p>
      ) : (
        <ul className="lp:flex lp:flex-col lp:gap-1 lp:text-sm" data-testid="loupe-user-sessions">
          {sessions.items.map((s) => (
            <li key={s.id} className="lp:flex lp:gap-3">
              <Link className="lp:font-mono lp:text-xs lp:text-chart-1 lp:hover:underline" href={routePath(ctx.basePath, { view: "session", id: s.id })}>
                {s.id}
              </Link>
              <span className="lp:text-xs lp:text-muted-foreground">
                {formatCount(s.traceCount)} turns · {formatTime(s.lastTraceAt)} · <CostText cost={s.totalCost} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
