import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "../../components/ui/badge.js";
import { Card, CardContent, CardHeader } from "../../components/ui/card.js";
import { getSessionDetail } from "../../data/queries.js";
import type { TraceStore } from "../../data/types.js";
import { formatCount, formatDuration, formatTime, formatTokens } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { CostText } from "../shared/cost-text.js";
import { LevelBadge } from "../shared/level-badge.js";
import { PageHeader } from "../shared/page-header.js";
import { StatCard } from "../shared/stat-card.js";
import type { ViewContext } from "../shared/view-context.js";
import { ChatView } from "../trace-detail/chat-view.js";
import { ScoreList } from "../trace-detail/score-list.js";

/** A conversation replayed turn by turn, with each turn's cost, latency and feedback. */
export async function SessionDetailView({ store, ctx, id }: { store: TraceStore; ctx: ViewContext; id: string }) {
  const session = await getSessionDetail(store, id);
  if (!session) notFound();
  return (
    <div data-testid="loupe-session-detail">
      <PageHeader
        title={<span className="lp:font-mono lp:text-lg">{session.id}</span>}
        subtitle={
          <>
            Session of {session.userId ? <Link className="lp:text-chart-1 lp:hover:underline" href={routePath(ctx.basePath, { view: "user", id: session.userId })}>{session.userId}</Link> : "an anonymous user"} ·{" "}
            {formatTime(session.firstTraceAt)} → {formatTime(session.lastTraceAt)}
          </>
        }
      />
      <div className="lp:mb-4 lp:grid lp:grid-cols-2 lp:gap-3 lp:md:grid-cols-4">
        <StatCard label="Turns" value={formatCount(session.traceCount)} />
        <StatCard label="Errors" value={formatCount(session.errorCount)} />
        <StatCard label="Tokens" value={formatTokens(session.totalTokens)} />
        <StatCard label="Cost" value={<CostText cost={session.totalCost} />} />
      </div>
      <ol className="lp:flex lp:flex-col lp:gap-3">
        {session.turns.map((turn, i) => (
          <li key={turn.id}>
            <Card data-testid="loupe-session-turn">
              <CardHeader className="lp:flex-wrap lp:text-xs lp:text-muted-foreground">
                <span className="lp:flex lp:items-center lp:gap-2">
                  <Badge>Turn {i + 1}</Badge>
                  <Link className="lp:text-chart-1 lp:hover:underline" href={routePath(ctx.basePath, { view: "trace", id: turn.id })}>
                    {turn.name ?? "trace"} · {formatTime(turn.startTime)}
                  </Link>
                  <LevelBadge level={turn.level} />
                </span>
                <span className="lp:flex lp:items-center lp:gap-3">
                  <span>{formatDuration(turn.latencyMs)}</span>
                  <span>{formatTokens(turn.usage.totalTokens)} tokens</span>
                  <CostText cost={turn.totalCost} unpricedCount={turn.unpricedCount} />
                </span>
              </CardHeader>
              <CardContent className="lp:flex lp:flex-col lp:gap-2">
                <ChatView lastInputOnly input={turn.input ?? turn.inputPreview} output={turn.output ?? turn.outputPreview} />
                {turn.scores.length > 0 ? <ScoreList scores={turn.scores} /> : null}
              </CardContent>
            </Card>
          </li>
        ))}
      </ol>
      {session.truncated ? <p className="lp:mt-3 lp:text-xs lp:text-muted-foreground">Only the first {session.turns.length} turns are shown.</p> : null}
    </div>
  );
}
