"use client";

import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable, type ColumnVisibilityState, type SortingState, type Updater } from "@tanstack/react-table";
import { Columns3 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Badge } from "../../components/ui/badge.js";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../components/ui/table.js";
import type { TracePageRow } from "../../data/types.js";
import { formatDuration, formatScore, formatTime, formatTokens } from "../../lib/format.js";
import { routePath } from "../../routing/parse-route.js";
import { withParams, type SearchParams } from "../../routing/url-state.js";
import { CostText } from "../shared/cost-text.js";
import { LevelBadge } from "../shared/level-badge.js";

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, TracePageRow>();
const SORTABLE = new Set(["time", "latency", "ttft", "tokens", "cost"]);
const STORAGE_KEY = "loupe-traces-columns";

/** Props of {@link TracesTable}. */
export interface TracesTableProps {
  rows: TracePageRow[];
  basePath: string;
  /** The current search params (links keep them). */
  params: SearchParams;
  sort: string;
  order: "asc" | "desc";
}

/**
 * The traces table: TanStack Table in server mode. Sorting changes the URL (the server
 * sorts and pages); column visibility is remembered in localStorage. Cells link to the
 * trace, or filter by their user, session, tag or model.
 */
export function TracesTable({ rows, basePath, params, sort, order }: TracesTableProps) {
  const router = useRouter();
  const filterHref = (param: string, value: string) => `${routePath(basePath, { view: "traces" })}${withParams(params, { [param]: value, after: undefined, before: undefined })}`;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor((r) => r.startTime, {
          id: "time",
          header: "Time (UTC)",
          cell: (c) => (
            <Link href={routePath(basePath, { view: "trace", id: c.row.original.id })} className="lp:whitespace-nowrap lp:font-medium lp:text-chart-1 lp:hover:underline" data-testid="loupe-trace-link">
              {formatTime(c.getValue())}
            </Link>
          ),
        }),
        helper.accessor((r) => r.name, {
          id: "name",
          header: "Name",
          enableSorting: false,
          cell: (c) => (
            <div className="lp:max-w-64">
              <div className="lp:font-medium">{c.getValue() ?? "—"}</div>
              {c.row.original.inputPreview ? <div className="lp:truncate lp:text-xs lp:text-muted-foreground">{c.row.original.inputPreview}</div> : null}
            </div>
          ),
        }),
        helper.accessor((r) => r.userId, {
          id: "user",
          header: "User",
          enableSorting: false,
          cell: (c) => (c.getValue() ? <Link className="lp:hover:underline" href={filterHref("user", c.getValue() as string)}>{c.getValue()}</Link> : "—"),
        }),
        helper.accessor((r) => r.sessionId, {
          id: "session",
          header: "Session",
          enableSorting: false,
          cell: (c) => (c.getValue() ? <Link className="lp:hover:underline lp:font-mono lp:text-xs" href={filterHref("session", c.getValue() as string)}>{c.getValue()}</Link> : "—"),
        }),
        helper.accessor((r) => r.tags, {
          id: "tags",
          header: "Tags",
          enableSorting: false,
          cell: (c) => (
            <div className="lp:flex lp:flex-wrap lp:gap-1">
              {c.getValue().map((tag) => (
                <Link key={tag} href={filterHref("tag", tag)}>
                  <Badge variant="outline">{tag}</Badge>
                </Link>
              ))}
            </div>
          ),
        }),
        helper.accessor((r) => r.environment, { id: "environment", header: "Env", enableSorting: false }),
        helper.accessor((r) => r.models, {
          id: "models",
          header: "Model(s)",
          enableSorting: false,
          cell: (c) => (
            <div className="lp:flex lp:flex-col lp:gap-0.5">
              {c.getValue().map((m) => (
                <Link key={m} href={filterHref("model", m)} className="lp:whitespace-nowrap lp:text-xs lp:hover:underline">
                  {m}
                </Link>
              ))}
            </div>
          ),
        }),
        helper.accessor((r) => r.latencyMs, { id: "latency", header: "Latency", cell: (c) => <span className="lp:tabular-nums lp:whitespace-nowrap">{formatDuration(c.getValue())}</span> }),
        helper.accessor((r) => r.ttftMs, { id: "ttft", header: "TTFT", cell: (c) => <span className="lp:tabular-nums lp:whitespace-nowrap">{formatDuration(c.getValue())}</span> }),
        helper.accessor((r) => r.usage.totalTokens, { id: "tokens", header: "Tokens", cell: (c) => <span className="lp:tabular-nums">{formatTokens(c.getValue())}</span> }),
        helper.accessor((r) => r.totalCost, { id: "cost", header: "Cost", cell: (c) => <CostText cost={c.getValue()} unpricedCount={c.row.original.unpricedCount} /> }),
        helper.accessor((r) => r.level, { id: "level", header: "Level", enableSorting: false, cell: (c) => <LevelBadge level={c.getValue()} /> }),
        helper.accessor((r) => r.scores, {
          id: "scores",
          header: "Scores",
          enableSorting: false,
          cell: (c) => (
            <div className="lp:flex lp:flex-wrap lp:gap-1">
              {c.getValue().map((s) => (
                <Badge key={`${s.source}-${s.name}`} variant={s.source === "FEEDBACK" ? (s.value !== null && s.value > 0 ? "success" : "danger") : "default"} title={`${s.source}: ${s.name}`}>
                  {s.name}: {formatScore(s.value, s.stringValue)}
                </Badge>
              ))}
            </div>
          ),
        }),
      ]),
    // The links depend on the current params; rebuild the columns when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [basePath, JSON.stringify(params)],
  );
  const sorting = useMemo<SortingState>(() => [{ id: sort, desc: order === "desc" }], [sort, order]);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({ session: false, ttft: false });
  useEffect(() => {
    try {
      const saved = localStorage.getItem(STORAGE_KEY);
      if (saved) setColumnVisibility(JSON.parse(saved) as ColumnVisibilityState);
    } catch {
      // unreadable storage: keep the defaults
    }
  }, []);
  const onVisibility = (updater: Updater<ColumnVisibilityState>) => {
    setColumnVisibility((old) => {
      const next = typeof updater === "function" ? updater(old) : updater;
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // private mode: not remembered
      }
      return next;
    });
  };
  const onSorting = (updater: Updater<SortingState>) => {
    const next = (typeof updater === "function" ? updater(sorting) : updater)[0];
    if (!next || !SORTABLE.has(next.id)) return;
    const path = routePath(basePath, { view: "traces" });
    router.push(`${path}${withParams(params, { sort: next.id === "time" ? undefined : next.id, order: next.desc ? undefined : "asc", after: undefined, before: undefined })}`);
  };
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: true,
    state: { sorting, columnVisibility },
    onSortingChange: onSorting,
    onColumnVisibilityChange: onVisibility,
  });
  return (
    <div>
      <details className="lp:relative lp:mb-2 lp:inline-block">
        <summary className="lp:inline-flex lp:h-7 lp:items-center lp:gap-1.5 lp:rounded-md lp:border lp:border-border lp:bg-card lp:px-2 lp:text-xs" data-testid="loupe-columns">
          <Columns3 size={14} aria-hidden="true" /> Columns
        </summary>
        <div className="lp:absolute lp:z-10 lp:mt-1 lp:grid lp:w-44 lp:gap-1 lp:rounded-md lp:border lp:border-border lp:bg-card lp:p-2 lp:shadow-md">
          {table.getAllLeafColumns().map((column) => (
            <label key={column.id} className="lp:flex lp:items-center lp:gap-2 lp:text-xs">
              <input type="checkbox" checked={column.getIsVisible()} onChange={(e) => column.toggleVisibility(e.currentTarget.checked)} />
              {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
            </label>
          ))}
        </div>
      </details>
      <Table data-testid="loupe-traces-table">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <TableHead key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="lp:inline-flex lp:items-center lp:gap-1 lp:hover:text-foreground" data-testid={`loupe-sort-${header.column.id}`}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </TableHead>
                );
              })}
            </tr>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-testid="loupe-trace-row">
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
