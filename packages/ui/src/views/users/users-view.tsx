import Link from "next/link";
import { FilterBar } from "../../components/filter-bar.js";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../components/ui/table.js";
import { getFilterOptions, listUserStats } from "../../data/queries.js";
import type { TraceStore } from "../../data/types.js";
import { formatCount, formatPercent, formatScore, formatTime, formatTokens } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { withParams } from "../../routing/url-state.js";
import { CostText } from "../shared/cost-text.js";
import { EmptyState } from "../shared/empty-state.js";
import { rangeProps } from "../shared/filter-fields.js";
import { PageHeader } from "../shared/page-header.js";
import { Pager } from "../shared/pager.js";
import type { ViewContext } from "../shared/view-context.js";

const COLUMNS: { key?: string; label: string; numeric?: boolean }[] = [
  { key: "userId", label: "User" },
  { key: "cost", label: "Cost", numeric: true },
  { key: "tokens", label: "Tokens", numeric: true },
  { key: "calls", label: "Calls", numeric: true },
  { key: "traces", label: "Traces", numeric: true },
  { key: "errorRate", label: "Error rate", numeric: true },
  { label: "👍 / 👎" },
  { label: "Judge" },
  { label: "First seen" },
  { label: "Last seen" },
];

/** The per-user cost table: sortable by the server, filterable by range, environment and user id. */
export async function UsersView({ store, ctx, hasData }: { store: TraceStore; ctx: ViewContext; hasData: boolean }) {
  const { state } = ctx;
  const sort = state.userSort ?? "cost";
  const order = state.order ?? (sort === "userId" ? "asc" : "desc");
  const pageIndex = (state.page ?? 1) - 1;
  const [page, options] = await Promise.all([
    listUserStats(store, { from: state.from, to: state.to, environment: state.environment, search: state.search, sort, order, page: pageIndex, limit: 50 }),
    getFilterOptions(store, state),
  ]);
  const path = routePath(ctx.basePath, { view: "users" });
  const href = (changes: Record<string, string | undefined>) => `${path}${withParams(ctx.params, changes)}`;
  return (
    <div>
      <PageHeader title="Users" subtitle="Cost and quality per end user (app traffic; whole UTC days of the range)." />
      <FilterBar
        action={path}
        {...rangeProps(state)}
        keep={{ sort: state.userSort, order: state.order }}
        fields={[
          { param: "q", label: "User id contains", value: state.search, placeholder: "text…" },
          { param: "env", label: "Environment", value: state.environment, options: options.environments },
        ]}
      />
      {page.items.length === 0 ? (
        hasData ? <p className="lp:text-muted-foreground">No user in this range. Pass userId to loupe.withTrace() to attribute cost to your users.</p> : <EmptyState />
      ) : (
        <Table data-testid="loupe-users-table">
          <TableHeader>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.key === sort;
                const nextOrder = active ? (order === "desc" ? "asc" : "desc") : c.key === "userId" ? "asc" : "desc";
                return (
                  <TableHead key={c.label} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}>
                    {c.key ? (
                      <Link href={href({ sort: c.key, order: nextOrder, page: undefined })} className="lp:hover:text-foreground" data-testid={`loupe-sort-${c.key}`}>
                        {c.label} {active ? (order === "asc" ? "↑" : "↓") : ""}
                      </Link>
                    ) : (
                      c.label
                    )}
                  </TableHead>
                );
              })}
            </tr>
          </TableHeader>
          <TableBody>
            {page.items.map((u) => (
              <TableRow key={u.userId} data-testid="loupe-user-row">
                <TableCell>
                  <Link className="lp:font-medium lp:text-chart-1 lp:hover:underline" href={routePath(ctx.basePath, { view: "user", id: u.userId })}>
                    {u.userId}
                  </Link>
                </TableCell>
                <TableCell>
                  <CostText cost={u.cost} unpricedCount={u.unpricedCount} />
                </TableCell>
                <TableCell className="lp:tabular-nums">{formatTokens(u.totalTokens)}</TableCell>
                <TableCell className="lp:tabular-nums">{formatCount(u.calls)}</TableCell>
                <TableCell className="lp:tabular-nums">{formatCount(u.traces)}</TableCell>
                <TableCell className="lp:tabular-nums">{formatPercent(u.errorRate)}</TableCell>
                <TableCell className="lp:tabular-nums">
                  {u.thumbsUp} / {u.thumbsDown}
                </TableCell>
                <TableCell className="lp:tabular-nums">{u.judgeMean === null ? "—" : formatScore(u.judgeMean)}</TableCell>
                <TableCell className="lp:whitespace-nowrap">{formatTime(u.firstSeen)}</TableCell>
                <TableCell className="lp:whitespace-nowrap">{formatTime(u.lastSeen)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pager
        prevHref={pageIndex > 0 ? href({ page: pageIndex > 1 ? String(pageIndex) : undefined }) : null}
        nextHref={page.hasMore ? href({ page: String(pageIndex + 2) }) : null}
      />
    </div>
  );
}
