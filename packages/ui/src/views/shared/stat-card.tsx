import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "../../components/ui/card.js";

/** A number card of the overview and user pages. */
export function StatCard({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{label}</CardTitle>
      </CardHeader>
      <CardContent>
        <div className="lp:text-2xl lp:font-semibold lp:tabular-nums">{value}</div>
        {hint ? <div className="lp:mt-0.5 lp:text-xs lp:text-muted-foreground">{hint}</div> : null}
      </CardContent>
    </Card>
  );
}
