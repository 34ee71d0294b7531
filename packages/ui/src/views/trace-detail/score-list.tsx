import { Badge } from "../../components/ui/badge.js";
import type { ScoreView } from "../../data/types.js";
import { formatScore, formatTime } from "../../lib/format.js";

const SOURCE_LABEL: Record<string, string> = { FEEDBACK: "end user", EVAL: "judge", ANNOTATION: "reviewer", API: "api" };

/** Scores and feedback with their comments (text only). */
export function ScoreList({ scores }: { scores: ScoreView[] }) {
  if (scores.length === 0) return <p className="lp:text-xs lp:text-muted-foreground">No scores yet.</p>;
  return (
    <ul className="lp:flex lp:flex-col lp:gap-1.5" data-testid="loupe-scores">
      {scores.map((s) => (
        <li key={s.id} className="lp:flex lp:flex-wrap lp:items-baseline lp:gap-2 lp:text-xs">
          <Badge variant={s.source === "FEEDBACK" ? (s.value !== null && s.value > 0 ? "success" : "danger") : "default"}>
            {s.name}: {formatScore(s.value, s.stringValue, s.dataType)}
          </Badge>
          <span className="lp:text-muted-foreground">
            {SOURCE_LABEL[s.source] ?? s.source}
            {s.authorId ? ` ${s.authorId}` : ""} · {formatTime(s.timestamp)}
          </span>
          {s.comment ? <span className="lp:basis-full lp:whitespace-pre-wrap lp:pl-1">“{s.comment}”</span> : null}
        </li>
      ))}
    </ul>
  );
}
