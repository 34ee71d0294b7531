import { Download } from "lucide-react";
import { FilterBar } from "../../components/filter-bar.js";
import { buttonVariants } from "../../components/ui/button.js";
import { getFilterOptions, listTracePage } from "../../data/queries.js";
import type { TraceStore } from "../../data/types.js";
import { routePath } from "../../routing/parse-route.js";
import { filterParams, withParams } from "../../routing/url-state.js";
import { EmptyState } from "../shared/empty-state.js";
import { commonFilterFields, rangeProps } from "../shared/filter-fields.js";
import { PageHeader } from "../shared/page-header.js";
import { Pager } from "../shared/pager.js";
import type { ViewContext } from "../shared/view-context.js";
import { TracesTable } from "./traces-table.js";

/** The traces page: filters, search, the server-sorted table, keyset pager and export links. */
export async function TracesView({ store, ctx, hasData }: { store: TraceStore; ctx: ViewContext; hasData: boolean }) {
  const { state } = ctx;
  const sort = state.traceSort ?? "time";
  const order = state.order ?? "desc";
  const [page, options] = await Promise.all([
    listTracePage(store, {
      from: state.from,
      to: state.to,
      environment: state.environment,
      model: state.model,
      release: state.release,
      userId: state.userId,
      tag: state.tag,
      name: state.name,
      level: state.level,
      sessionId: state.sessionId,
      search: state.search,
      sort,
      order,
      after: state.after,
      before: state.before,
      limit: 50,
    }),
    getFilterOptions(store, state),
  ]);
  const path = routePath(ctx.basePath, { view: "traces" });
  const pageHref = (changes: Record<string, string | undefined>) => `${path}${withParams(ctx.params, changes)}`;
  const exportQuery = filterParams(state);
  if (state.traceSort) exportQuery.set("sort", sort);
  if (state.order) exportQuery.set("order", order);
  const exportHref = (format: string) => `${ctx.apiBasePath}/export${withParams(exportQuery, { format })}`;
  const timeSorted = sort === "time" && order === "desc";
  return (
    <div>
      <PageHeader
        title="Traces"
        subtitle="Every request your app made through Loupe's middleware, newest first."
        actions={
          <>
            <a href={exportHref("csv")} download className={buttonVariants({ variant: "outline", size: "sm" })} data-testid="loupe-export-csv">
              <Download size={14} aria-hidden="true" /> CSV
            </a>
            <a href={exportHref("json")} download className={buttonVariants({ variant: "outline", size: "sm" })} data-testid="loupe-export-json">
              <Download size={14} aria-hidden="true" /> JSON
            </a>
          </>
        }
      />
      <FilterBar
        action={path}
        {...rangeProps(state)}
        keep={{ sort: state.traceSort, order: state.order }}
        fields={[
          { param: "q", label: "Search input/output", value: state.search, placeholder: "text…" },
          ...commonFilterFields(state, options),
          { param: "session", label: "Session", value: state.sessionId, placeholder: "session id" },
          { param: "level", label: "Level", value: state.level, options: ["ERROR", "WARNING", "DEFAULT", "DEBUG"] },
        ]}
      />
      {!hasData ? (
        <EmptyState />
      ) : page.items.length === 0 ? (
        <p className="lp:rounded-lg lp:border lp:border-dashed lp:border-border lp:p-6 lp:text-muted-foreground" data-testid="loupe-no-match">
          No trace matches these filters in this time range.
        </p>
      ) : (
        <TracesTable rows={page.items} basePath={ctx.basePath} params={ctx.params} sort={sort} order={order} />
      )}
      <Pager
        prevHref={page.prevCursor ? pageHref({ before: page.prevCursor, after: undefined }) : null}
        nextHref={page.nextCursor ? pageHref({ after: page.nextCursor, before: undefined }) : null}
        prevLabel={timeSorted ? "← Newer" : "← Previous"}
        nextLabel={timeSorted ? "Older →" : "Next →"}
      />
    </div>
  );
}
