import Link from "next/link";
import { Badge } from "../../components/ui/badge.js";
import type { ObservationView } from "../../data/types.js";
import { cn } from "../../lib/cn.js";
import { formatDuration } from "../../lib/format.js";
import { flattenTree, type TreeNode } from "../../lib/observation-tree.js";

const TYPE_COLOR: Record<string, string> = {
  GENERATION: "var(--loupe-chart-1)",
  TOOL: "var(--loupe-chart-3)",
  AGENT: "var(--loupe-chart-2)",
  SPAN: "var(--loupe-chart-5)",
};

/** Props of {@link ObservationTimeline}. */
export interface ObservationTimelineProps {
  tree: TreeNode<ObservationView>[];
  traceStart: Date;
  traceEnd: Date | null;
  selectedId?: string;
  hrefFor: (id: string | null) => string;
}

/**
 * The observation tree beside a waterfall: one row per observation, indented by depth,
 * a bar from its start to its end on the trace's time axis, and a tick at its first
 * token (TTFT). Rows link to the observation's details.
 */
export function ObservationTimeline({ tree, traceStart, traceEnd, selectedId, hrefFor }: ObservationTimelineProps) {
  const nodes = flattenTree(tree);
  const start = traceStart.getTime();
  const end = Math.max(traceEnd?.getTime() ?? start, ...nodes.map((n) => (n.observation.endTime ?? n.observation.startTime).getTime()), start + 1);
  const span = end - start;
  const pct = (t: number) => `${Math.min(100, Math.max(0, ((t - start) / span) * 100))}%`;
  return (
    <div className="lp:rounded-lg lp:border lp:border-border lp:bg-card" data-testid="loupe-observation-tree" role="tree" aria-label="Observations">
      <Link
        href={hrefFor(null)}
        className={cn("lp:flex lp:items-center lp:gap-2 lp:border-b lp:border-border lp:px-3 lp:py-1.5 lp:text-xs lp:font-medium lp:hover:bg-muted/50", !selectedId && "lp:bg-muted")}
      >
        Trace · {formatDuration(span)}
      </Link>
      {nodes.map(({ observation: o, depth }) => {
        const oStart = o.startTime.getTime();
        const oEnd = (o.endTime ?? o.startTime).getTime();
        return (
          <Link
            key={o.id}
            href={hrefFor(o.id)}
            role="treeitem"
            aria-level={depth + 1}
            aria-selected={selectedId === o.id}
            className={cn(
              "lp:grid lp:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lp:items-center lp:gap-3 lp:border-b lp:border-border lp:px-3 lp:py-1 lp:text-xs lp:last:border-0 lp:hover:bg-muted/50",
              selectedId === o.id && "lp:bg-muted",
            )}
            data-testid="loupe-observation-row"
          >
            <span className="lp:flex lp:min-w-0 lp:items-center lp:gap-1.5" style={{ paddingLeft: depth * 14 }}>
              <Badge variant="outline" className="lp:shrink-0">
                {o.type.toLowerCase()}
              </Badge>
              <span className="lp:truncate">{o.name ?? o.model ?? o.id}</span>
              {o.level === "ERROR" ? <Badge variant="danger">error</Badge> : null}
            </span>
            <span className="lp:flex lp:items-center lp:gap-2" title={`${formatDuration(oEnd - oStart)}${o.ttftMs !== null ? ` · TTFT ${formatDuration(o.ttftMs)}` : ""}`}>
              <span className="lp:relative lp:block lp:h-4 lp:min-w-0 lp:flex-1">
              <span
                className="lp:absolute lp:top-1 lp:h-2 lp:rounded-sm"
                style={{ left: pct(oStart), width: `max(2px, calc(${pct(oEnd)} - ${pct(oStart)}))`, background: TYPE_COLOR[o.type] ?? "var(--loupe-muted-foreground)" }}
              />
              {o.completionStartTime ? (
                <span className="lp:absolute lp:top-0 lp:h-4 lp:w-px lp:bg-foreground" style={{ left: pct(o.completionStartTime.getTime()) }} aria-label="first token" />
              ) : null}
              </span>
              {/* The duration sits beside the track, never over a long bar. */}
              <span className="lp:w-14 lp:shrink-0 lp:text-right lp:text-[10px] lp:text-muted-foreground lp:tabular-nums">{formatDuration(o.latencyMs ?? oEnd - oStart)}</span>
            </span>
          </Link>
        );
      })}
    </div>
  );
}
