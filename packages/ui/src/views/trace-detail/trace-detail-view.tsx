import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "../../components/ui/badge.js";
import { Card, CardContent, CardHeader, CardTitle } from "../../components/ui/card.js";
import type { TraceStore } from "../../data/types.js";
import { formatDuration, formatTime } from "../../lib/format.js";
import { buildObservationTree } from "../../lib/observation-tree.js";
import { routePath } from "../../routing/parse-route.js";
import { withParams } from "../../routing/url-state.js";
import { JsonView } from "../shared/json-view.js";
import { LevelBadge } from "../shared/level-badge.js";
import { PageHeader } from "../shared/page-header.js";
import type { ViewContext } from "../shared/view-context.js";
import { AnnotationForm } from "./annotation-form.js";
import { ChatView } from "./chat-view.js";
import { ObservationPanel } from "./observation-panel.js";
import { ObservationTimeline } from "./observation-timeline.js";
import { ScoreList } from "./score-list.js";
import { UsageSummary } from "./usage-table.js";

/** One trace: its tree and waterfall, the selected node's details, scores and the annotation form. */
export async function TraceDetailView({ store, ctx, id }: { store: Pick<TraceStore, "getTrace">; ctx: ViewContext; id: string }) {
  const trace = await store.getTrace(id);
  if (!trace) notFound();
  const tree = buildObservationTree(trace.observations);
  const selected = trace.observations.find((o) => o.id === ctx.state.observation);
  const here = routePath(ctx.basePath, { view: "trace", id: trace.id });
  const hrefFor = (obs: string | null) => `${here}${withParams({}, { obs: obs ?? undefined })}`;
  const meta: [string, React.ReactNode][] = [
    ["Started", formatTime(trace.startTime)],
    ["Latency", formatDuration(trace.latencyMs)],
    ["TTFT", formatDuration(trace.ttftMs)],
    ["Environment", trace.environment],
    ["Release", trace.release ?? "—"],
    ["User", trace.userId ? <Link className="lp:text-chart-1 lp:hover:underline" href={routePath(ctx.basePath, { view: "user", id: trace.userId })}>{trace.userId}</Link> : "—"],
    ["Session", trace.sessionId ? <Link className="lp:text-chart-1 lp:hover:underline" href={routePath(ctx.basePath, { view: "session", id: trace.sessionId })}>{trace.sessionId}</Link> : "—"],
  ];
  return (
    <div data-testid="loupe-trace-detail">
      <PageHeader
        title={
          <span className="lp:inline-flex lp:flex-wrap lp:items-center lp:gap-2">
            {trace.name ?? "Trace"} <LevelBadge level={trace.level} />
            {trace.tags.map((t) => (
              <Badge key={t} variant="outline">
                {t}
              </Badge>
            ))}
          </span>
        }
        subtitle={<span className="lp:font-mono lp:text-xs">{trace.id}</span>}
        actions={
          <Link className="lp:text-sm lp:text-muted-foreground lp:hover:underline" href={routePath(ctx.basePath, { view: "traces" })}>
            ← All traces
          </Link>
        }
      />
      <Card className="lp:mb-4">
        <CardContent className="lp:flex lp:flex-col lp:gap-3 lp:pt-3">
          <dl className="lp:grid lp:grid-cols-2 lp:gap-x-4 lp:gap-y-1 lp:text-xs lp:sm:grid-cols-4 lp:lg:grid-cols-7">
            {meta.map(([label, value]) => (
              <div key={label} className="lp:min-w-0">
                <dt className="lp:text-muted-foreground">{label}</dt>
                <dd className="lp:truncate lp:font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          <UsageSummary usage={trace.usage} cost={trace.totalCost} unpricedCount={trace.unpricedCount} />
          {trace.statusMessage ? <p className="lp:whitespace-pre-wrap lp:text-xs lp:text-danger">{trace.statusMessage}</p> : null}
        </CardContent>
      </Card>
      <div className="lp:grid lp:gap-4 lp:lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="lp:flex lp:flex-col lp:gap-4">
          <ObservationTimeline tree={tree} traceStart={trace.startTime} traceEnd={trace.endTime} selectedId={selected?.id} hrefFor={hrefFor} />
          <Card>
            <CardHeader>
              <CardTitle>Scores & feedback</CardTitle>
            </CardHeader>
            <CardContent className="lp:flex lp:flex-col lp:gap-3">
              <ScoreList scores={trace.scores} />
              <AnnotationForm traceId={trace.id} apiBasePath={ctx.apiBasePath} />
            </CardContent>
          </Card>
        </div>
        <div>
          {selected ? (
            <ObservationPanel observation={selected} scores={trace.scores.filter((s) => s.observationId === selected.id)} />
          ) : (
            <Card data-testid="loupe-trace-io">
              <CardHeader>
                <CardTitle>Input & output</CardTitle>
              </CardHeader>
              <CardContent className="lp:flex lp:flex-col lp:gap-3">
                <ChatView input={trace.input ?? trace.inputPreview} output={trace.output ?? trace.outputPreview} />
                <JsonView label="Metadata" value={trace.metadata} />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
