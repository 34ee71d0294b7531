import Link from "next/link";
import { Input } from "../../components/ui/input.js";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../components/ui/table.js";
import type { TraceStore } from "../../data/types.js";
import { formatCount, formatTime, formatTokens } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { withParams } from "../../routing/url-state.js";
import { CostText } from "../shared/cost-text.js";
import { EmptyState } from "../shared/empty-state.js";
import { PageHeader } from "../shared/page-header.js";
import { Pager } from "../shared/pager.js";
import type { ViewContext } from "../shared/view-context.js";

/** Conversations by last activity, keyset-paged, filterable by user. */
export async function SessionsView({ store, ctx, hasData }: { store: Pick<TraceStore, "listSessions">; ctx: ViewContext; hasData: boolean }) {
  const { state } = ctx;
  const page = await store.listSessions({ limit: 50, cursor: state.after ?? null, userId: state.userId });
  const path = routePath(ctx.basePath, { view: "sessions" });
  return (
    <div>
      <PageHeader title="Sessions" subtitle="Conversations: traces that share a session id, most recent first." />
      <form method="get" action={path} className="lp:mb-4 lp:flex lp:items-end lp:gap-2" role="search">
        <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
          User
          <Input name="user" defaultValue={state.userId ?? ""} placeholder="user id" data-testid="loupe-filter-user" />
        </label>
      </form>
      {page.items.length === 0 ? (
        hasData ? (
          <p className="lp:text-muted-foreground">No session yet. Pass a sessionId to loupe.withTrace() to group a conversation&apos;s turns.</p>
        ) : (
          <EmptyState />
        )
      ) : (
        <Table data-testid="loupe-sessions-table">
          <TableHeader>
            <tr>
              {["Session", "User", "Env", "Last activity", "Started", "Turns", "Errors", "Tokens", "Cost"].map((h) => (
                <TableHead key={h}>{h}</TableHead>
              ))}
            </tr>
          </TableHeader>
          <TableBody>
            {page.items.map((s) => (
              <TableRow key={s.id} data-testid="loupe-session-row">
                <TableCell>
                  <Link className="lp:font-mono lp:text-xs lp:text-chart-1 lp:hover:underline" href={routePath(ctx.basePath, { view: "session", id: s.id })}>
                    {s.id}
                  </Link>
                </TableCell>
                <TableCell>{s.userId ? <Link className="lp:hover:underline" href={routePath(ctx.basePath, { view: "user", id: s.userId })}>{s.userId}</Link> : "—"}</TableCell>
                <TableCell>{s.environment}</TableCell>
                <TableCell className="lp:whitespace-nowrap">{formatTime(s.lastTraceAt)}</TableCell>
                <TableCell className="lp:whitespace-nowrap">{formatTime(s.firstTraceAt)}</TableCell>
                <TableCell className="lp:tabular-nums">{formatCount(s.traceCount)}</TableCell>
                <TableCell className="lp:tabular-nums">{formatCount(s.errorCount)}</TableCell>
                <TableCell className="lp:tabular-nums">{formatTokens(s.totalTokens)}</TableCell>
                <TableCell>
                  <CostText cost={s.totalCost} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pager
        prevHref={state.after ? `${path}${withParams(ctx.params, { after: undefined })}` : null}
        prevLabel="← Most recent"
        nextHref={page.nextCursor ? `${path}${withParams(ctx.params, { after: page.nextCursor })}` : null}
        nextLabel="Older →"
      />
    </div>
  );
}
