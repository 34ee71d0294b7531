import { Badge } from "../../components/ui/badge.js";
import { costDisplay } from "../../lib/format.js";

/** A cost with an "unpriced" badge when it is unknown or a lower bound (never "$0" for unpriced). */
export function CostText({ cost, unpricedCount = 0 }: { cost: number | null | undefined; unpricedCount?: number }) {
  const { text, unpriced } = costDisplay(cost, unpricedCount);
  return (
    <span className="lp:inline-flex lp:items-center lp:gap-1 lp:tabular-nums">
      {text}
      {unpriced ? (
        <Badge variant="warning" title={cost === null || cost === undefined ? "No price known for this model" : `${unpricedCount} call(s) without a price: the cost is a lower bound`}>
          unpriced
        </Badge>
      ) : null}
    </span>
  );
}
