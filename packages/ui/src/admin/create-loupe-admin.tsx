import "server-only";
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactElement } from "react";
import type { ThemeChoice } from "../components/theme-toggle.js";
import { hasTraces, InvalidCursorError } from "../data/queries.js";
import type { TraceStore } from "../data/types.js";
import { parseRoute, routePath } from "../routing/parse-route.js";
import { filterParams, readViewState, withParams, type SearchParams } from "../routing/url-state.js";
import { OverviewView } from "../views/overview/overview-view.js";
import { ScoresView } from "../views/scores/scores-view.js";
import { SessionDetailView } from "../views/sessions/session-detail-view.js";
import { SessionsView } from "../views/sessions/sessions-view.js";
import type { ViewContext } from "../views/shared/view-context.js";
import { TraceDetailView } from "../views/trace-detail/trace-detail-view.js";
import { TracesView } from "../views/traces/traces-view.js";
import { UserDetailView } from "../views/users/user-detail-view.js";
import { UsersView } from "../views/users/users-view.js";
import { AdminShell } from "./admin-shell.js";
import { requestUrl } from "./request-url.js";

/** The store the admin reads (the port: the dashboard reads are its domain operations). */
export type AdminStore = TraceStore;

/** What the admin needs from a Loupe instance (`createLoupe()` returns one). */
export interface LoupeAdminSource {
  store(): Promise<AdminStore>;
  /** False (→ 404) unless the host's `authorize` accepts the request. */
  authorize(request: Request): Promise<boolean>;
}

/** Options of {@link createLoupeAdmin}. */
export interface LoupeAdminOptions {
  loupe: LoupeAdminSource;
  /** Where the `[[...path]]` page is mounted. Default "/admin/llm". */
  basePath?: string;
  /** Where `loupe.handlers` are mounted (scores, export). Default "/api/loupe". */
  apiBasePath?: string;
  /** The page title. Default "LLM observability". */
  title?: string;
}

/** The props Next 16 passes to an optional catch-all page. */
export interface LoupeAdminPageProps {
  params: Promise<{ path?: string[] }>;
  searchParams: Promise<SearchParams>;
}

/** The page component and metadata function to export from `app/<base>/[[...path]]/page.tsx`. */
export interface LoupeAdmin {
  LoupeAdminPage: (props: LoupeAdminPageProps) => Promise<ReactElement>;
  generateMetadata: () => Metadata;
}

const THEMES = new Set<ThemeChoice>(["system", "light", "dark"]);
/** Views that show setup steps before the first trace. */
const WITH_EMPTY_STATE = new Set(["overview", "traces", "sessions", "users"]);

/**
 * Creates the admin dashboard for a Next.js app. Every request is checked with
 * `loupe.authorize(request)` and answered 404 (never 401) when it is refused.
 *
 * ```ts
 * // lib/loupe-admin.tsx
 * export const { LoupeAdminPage, generateMetadata } = createLoupeAdmin({ loupe, basePath: "/admin/llm" });
 * // app/admin/llm/[[...path]]/page.tsx
 * export { LoupeAdminPage as default, generateMetadata } from "@/lib/loupe-admin";
 * ```
 */
export function createLoupeAdmin(options: LoupeAdminOptions): LoupeAdmin {
  const basePath = (options.basePath ?? "/admin/llm").replace(/\/+$/, "");
  const apiBasePath = (options.apiBasePath ?? "/api/loupe").replace(/\/+$/, "");
  const title = options.title ?? "LLM observability";

  async function LoupeAdminPage({ params, searchParams }: LoupeAdminPageProps): Promise<ReactElement> {
    const [{ path }, query, requestHeaders, cookieStore] = await Promise.all([params, searchParams, headers(), cookies()]);
    const request = new Request(requestUrl(requestHeaders, basePath, path, query), { headers: new Headers(requestHeaders) });
    if (!(await options.loupe.authorize(request))) notFound();
    const route = parseRoute(path);
    if (route.view === "not-found") notFound();

    const store = await options.loupe.store();
    const state = readViewState(query);
    const ctx: ViewContext = { basePath, apiBasePath, state, params: query };
    const themeCookie = cookieStore.get("loupe-theme")?.value as ThemeChoice | undefined;
    const theme: ThemeChoice = themeCookie && THEMES.has(themeCookie) ? themeCookie : "system";
    const navParams = filterParams(state);
    navParams.delete("q");
    navParams.delete("session");
    navParams.delete("level");

    let content: ReactElement;
    try {
      const hasData = WITH_EMPTY_STATE.has(route.view) ? await hasTraces(store) : true;
      switch (route.view) {
        case "overview":
          content = await OverviewView({ store, ctx, hasData });
          break;
        case "traces":
          content = await TracesView({ store, ctx, hasData });
          break;
        case "trace":
          content = await TraceDetailView({ store, ctx, id: route.id });
          break;
        case "sessions":
          content = await SessionsView({ store, ctx, hasData });
          break;
        case "session":
          content = await SessionDetailView({ store, ctx, id: route.id });
          break;
        case "users":
          content = await UsersView({ store, ctx, hasData });
          break;
        case "user":
          content = await UserDetailView({ store, ctx, id: route.id });
          break;
        case "scores":
          content = await ScoresView({ store, ctx });
          break;
      }
    } catch (error) {
      if (!InvalidCursorError.isInstance(error)) throw error;
      const first = `${routePath(basePath, route.view === "sessions" ? { view: "sessions" } : { view: "traces" })}${withParams(query, { after: undefined, before: undefined })}`;
      content = (
        <p className="lp:text-muted-foreground">
          This page link has expired or was changed.{" "}
          <Link className="lp:text-chart-1 lp:underline" href={first}>
            Start again from the first page
          </Link>
          .
        </p>
      );
    }
    return (
      <AdminShell basePath={basePath} route={route} theme={theme} navQuery={withParams(navParams, {})}>
        {content}
      </AdminShell>
    );
  }

  return {
    LoupeAdminPage,
    generateMetadata: () => ({ title, robots: { index: false, follow: false } }),
  };
}
