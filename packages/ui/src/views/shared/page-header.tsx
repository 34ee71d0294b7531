import type { ReactNode } from "react";

/** A view's title row with optional actions on the right. */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="lp:mb-4 lp:flex lp:flex-wrap lp:items-end lp:justify-between lp:gap-3">
      <div className="lp:min-w-0">
        <h1 className="lp:text-xl lp:font-semibold lp:tracking-tight lp:break-all">{title}</h1>
        {subtitle ? <div className="lp:mt-0.5 lp:text-sm lp:text-muted-foreground">{subtitle}</div> : null}
      </div>
      {actions ? <div className="lp:flex lp:items-center lp:gap-2">{actions}</div> : null}
    </div>
  );
}
