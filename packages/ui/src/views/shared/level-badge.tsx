import { Badge } from "../../components/ui/badge.js";

/** A trace/observation level; DEFAULT renders nothing. */
export function LevelBadge({ level }: { level: string }) {
  if (level === "ERROR") return <Badge variant="danger">error</Badge>;
  if (level === "WARNING") return <Badge variant="warning">warning</Badge>;
  if (level === "DEBUG") return <Badge variant="outline">debug</Badge>;
  return null;
}
