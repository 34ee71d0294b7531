import { Badge } from "../../components/ui/badge.js";
import { Card, CardContent, CardHeader, CardTitle } from "../../components/ui/card.js";
import type { ObservationView, ScoreView } from "../../data/types.js";
import { formatDuration, formatTime } from "../../lib/format.js";
import { JsonView } from "../shared/json-view.js";
import { LevelBadge } from "../shared/level-badge.js";
import { ChatView } from "./chat-view.js";
import { ScoreList } from "./score-list.js";
import { UsageSummary } from "./usage-table.js";

/** The details of one observation: timing, model, usage and cost, chat or tool I/O. */
export function ObservationPanel({ observation: o, scores }: { observation: ObservationView; scores: ScoreView[] }) {
  const isGeneration = o.type === "GENERATION";
  return (
    <Card data-testid="loupe-observation-panel">
      <CardHeader className="lp:flex-wrap">
        <CardTitle className="lp:normal-case lp:text-sm lp:text-foreground lp:tracking-normal">
          {o.name ?? o.id} <Badge variant="outline">{o.type.toLowerCase()}</Badge> <LevelBadge level={o.level} />
        </CardTitle>
        <span className="lp:text-xs lp:text-muted-foreground">
          {formatTime(o.startTime)} · {formatDuration(o.latencyMs)}
          {o.ttftMs !== null ? ` · TTFT ${formatDuration(o.ttftMs)}` : ""}
        </span>
      </CardHeader>
      <CardContent className="lp:flex lp:flex-col lp:gap-3">
        {o.model ? (
          <div className="lp:text-xs lp:text-muted-foreground">
            {o.provider ? `${o.provider} · ` : ""}
            <span className="lp:font-medium lp:text-foreground">{o.model}</span>
            {o.finishReason ? ` · finish: ${o.finishReason}` : ""}
            {o.promptName ? ` · prompt ${o.promptName}${o.promptVersion !== null ? ` v${o.promptVersion}` : ""}` : ""}
          </div>
        ) : null}
        {o.statusMessage ? <p className="lp:whitespace-pre-wrap lp:text-xs lp:text-danger">{o.statusMessage}</p> : null}
        <UsageSummary usage={o.usage} cost={o.totalCost} unpricedCount={isGeneration && o.totalCost === null ? 1 : 0} />
        {o.truncated ? <Badge variant="warning">payload truncated to the size cap</Badge> : null}
        {isGeneration ? (
          <ChatView input={o.input} output={o.output} />
        ) : (
          <>
            <JsonView label="Input" value={o.input} open />
            <JsonView label="Output" value={o.output} open />
          </>
        )}
        <JsonView label="Model parameters" value={o.modelParameters} />
        <JsonView label="Metadata" value={o.metadata} />
        {scores.length > 0 ? <ScoreList scores={scores} /> : null}
      </CardContent>
    </Card>
  );
}
