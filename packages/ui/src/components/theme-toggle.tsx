"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";

/** The admin's theme choice: follow the OS, or force light/dark. */
export type ThemeChoice = "system" | "light" | "dark";

/** Cookie holding the theme choice (read by the server to render the right class first). */
export const THEME_COOKIE = "loupe-theme";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const ICON = { system: Monitor, light: Sun, dark: Moon };

/** Cycles system → light → dark, stores the choice in a cookie and re-themes the page at once. */
export function ThemeToggle({ initial }: { initial: ThemeChoice }) {
  const [theme, setTheme] = useState<ThemeChoice>(initial);
  const Icon = ICON[theme];
  const change = (event: React.MouseEvent<HTMLButtonElement>) => {
    const next = NEXT[theme];
    setTheme(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    const root = event.currentTarget.closest(".loupe-root");
    root?.classList.remove("loupe-system", "loupe-light", "loupe-dark");
    root?.classList.add(`loupe-${next}`);
  };
  return (
    <button
      type="button"
      onClick={change}
      className="lp:inline-flex lp:h-8 lp:items-center lp:gap-1.5 lp:rounded-md lp:px-2 lp:text-xs lp:text-muted-foreground lp:hover:bg-muted"
      aria-label={`Theme: ${theme}. Switch to ${NEXT[theme]}`}
      data-testid="loupe-theme-toggle"
    >
      <Icon size={14} aria-hidden="true" />
      {theme}
    </button>
  );
}
