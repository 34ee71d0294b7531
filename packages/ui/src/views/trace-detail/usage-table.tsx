import type { UsageView } from "../../data/types.js";
import { formatTokens } from "../../lib/format.js";
import { CostText } from "../shared/cost-text.js";

/** Token usage (input, cached, output, reasoning, total) and cost of a node or trace. */
export function UsageSummary({ usage, cost, unpricedCount = 0 }: { usage: UsageView | null; cost: number | null; unpricedCount?: number }) {
  if (!usage) return null;
  const cells: [string, string][] = [
    ["Input", formatTokens(usage.inputTokens)],
    ["Cached", formatTokens(usage.cacheReadTokens)],
    ["Output", formatTokens(usage.outputTokens)],
    ["Reasoning", formatTokens(usage.reasoningTokens)],
    ["Total", formatTokens(usage.totalTokens)],
  ];
  return (
    <dl className="lp:grid lp:grid-cols-3 lp:gap-x-4 lp:gap-y-1 lp:text-xs lp:sm:grid-cols-6" data-testid="loupe-usage">
      {cells.map(([label, value]) => (
        <div key={label}>
          <dt className="lp:text-muted-foreground">{label}</dt>
          <dd className="lp:tabular-nums lp:font-medium">{value}</dd>
        </div>
      ))}
      <div>
        <dt className="lp:text-muted-foreground">Cost</dt>
        <dd className="lp:font-medium">
          <CostText cost={cost} unpricedCount={unpricedCount} />
        </dd>
      </div>
    </dl>
  );
}
