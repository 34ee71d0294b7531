import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle, type ThemeChoice } from "../components/theme-toggle.js";
import { cn } from "../lib/cn.js";
import { routePath, type AdminRoute } from "../routing/parse-route.js";
import { AdminStylesheet } from "../styles/stylesheet.js";

const NAV = [
  { view: "overview", label: "Overview", match: ["overview"] },
  { view: "traces", label: "Traces", match: ["traces", "trace"] },
  { view: "sessions", label: "Sessions", match: ["sessions", "session"] },
  { view: "users", label: "Users", match: ["users", "user"] },
  { view: "scores", label: "Scores", match: ["scores"] },
] as const;

/** Props of {@link AdminShell}. */
export interface AdminShellProps {
  basePath: string;
  route: AdminRoute;
  theme: ThemeChoice;
  /** Query string ("?range=24h…") the nav links keep, so the range survives navigation. */
  navQuery: string;
  children: ReactNode;
}

/** The scoped root of the admin (styles, theme class), its header and navigation. */
export function AdminShell({ basePath, route, theme, navQuery, children }: AdminShellProps) {
  return (
    <div className={`loupe-scope loupe-root loupe-${theme}`} data-loupe-admin="">
      <AdminStylesheet />
      <header className="lp:sticky lp:top-0 lp:z-20 lp:border-b lp:border-border lp:bg-background/90 lp:backdrop-blur">
        <div className="lp:mx-auto lp:flex lp:max-w-[1500px] lp:items-center lp:gap-4 lp:px-6 lp:py-2">
          <Link href={routePath(basePath, { view: "overview" })} className="lp:flex lp:items-center lp:gap-2 lp:font-semibold">
            <span aria-hidden="true" className="lp:inline-block lp:h-3 lp:w-3 lp:rounded-full lp:border-2 lp:border-chart-1" />
            Loupe
          </Link>
          <nav aria-label="Loupe" className="lp:flex lp:flex-wrap lp:items-center lp:gap-1">
            {NAV.map((item) => {
              const active = (item.match as readonly string[]).includes(route.view);
              return (
                <Link
                  key={item.view}
                  href={`${routePath(basePath, { view: item.view })}${navQuery}`}
                  aria-current={active ? "page" : undefined}
                  className={cn("lp:rounded-md lp:px-2.5 lp:py-1 lp:text-sm lp:text-muted-foreground lp:hover:bg-muted lp:hover:text-foreground", active && "lp:bg-muted lp:text-foreground lp:font-medium")}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <div className="lp:ml-auto">
            <ThemeToggle initial={theme} />
          </div>
        </div>
      </header>
      <main className="lp:mx-auto lp:max-w-[1500px] lp:px-6 lp:py-5">{children}</main>
    </div>
  );
}
