import Link from "next/link";
import { buttonVariants } from "../../components/ui/button.js";
import { cn } from "../../lib/cn.js";

/** Previous/next links (disabled look when there is no page that way). */
export function Pager({ prevHref, nextHref, prevLabel = "← Previous", nextLabel = "Next →" }: { prevHref: string | null; nextHref: string | null; prevLabel?: string; nextLabel?: string }) {
  const cls = buttonVariants({ variant: "outline", size: "sm" });
  return (
    <nav aria-label="Pagination" className="lp:mt-3 lp:flex lp:items-center lp:justify-end lp:gap-2">
      {prevHref ? (
        <Link href={prevHref} className={cls} rel="prev" data-testid="loupe-prev">
          {prevLabel}
        </Link>
      ) : (
        <span className={cn(cls, "lp:opacity-40")} aria-disabled="true">
          {prevLabel}
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} className={cls} rel="next" data-testid="loupe-next">
          {nextLabel}
        </Link>
      ) : (
        <span className={cn(cls, "lp:opacity-40")} aria-disabled="true">
          {nextLabel}
        </span>
      )}
    </nav>
  );
}
