import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../components/ui/table.js";
import type { TraceSummary } from "../../data/types.js";
import { formatDuration, formatTime, formatTokens } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { CostText } from "./cost-text.js";
import { LevelBadge } from "./level-badge.js";

/** A compact list of traces (user page) linking to each trace. */
export function TraceMiniTable({ traces, basePath }: { traces: TraceSummary[]; basePath: string }) {
  return (
    <Table data-testid="loupe-trace-mini-table">
      <TableHeader>
        <tr>
          {["Time (UTC)", "Name", "Model(s)", "Latency", "Tokens", "Cost", ""].map((h) => (
            <TableHead key={h}>{h}</TableHead>
          ))}
        </tr>
      </TableHeader>
      <TableBody>
        {traces.map((t) => (
          <TableRow key={t.id} data-testid="loupe-trace-row">
            <TableCell>
              <Link className="lp:whitespace-nowrap lp:text-chart-1 lp:hover:underline" href={routePath(basePath, { view: "trace", id: t.id })}>
                {formatTime(t.startTime)}
              </Link>
            </TableCell>
            <TableCell>
              <div className="lp:max-w-72 lp:truncate">{t.name ?? "—"}</div>
              {t.inputPreview ? <div className="lp:max-w-72 lp:truncate lp:text-xs lp:text-muted-foreground">{t.inputPreview}</div> : null}
            </TableCell>
            <TableCell className="lp:text-xs">{t.models.join(", ") || "—"}</TableCell>
            <TableCell className="lp:tabular-nums">{formatDuration(t.latencyMs)}</TableCell>
            <TableCell className="lp:tabular-nums">{formatTokens(t.usage.totalTokens)}</TableCell>
            <TableCell>
              <CostText cost={t.totalCost} unpricedCount={t.unpricedCount} />
            </TableCell>
            <TableCell>
              <LevelBadge level={t.level} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
