import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "../../lib/cn.js";

/** A scrollable table. */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="lp:w-full lp:overflow-x-auto lp:rounded-lg lp:border lp:border-border lp:bg-card">
      <table className={cn("lp:w-full lp:text-sm", className)} {...props} />
    </div>
  );
}

/** Table head. */
export function TableHeader(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...props} className={cn("lp:border-b lp:border-border lp:bg-muted/50", props.className)} />;
}

/** Table body. */
export function TableBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} />;
}

/** A row. */
export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("lp:border-b lp:border-border lp:last:border-0 lp:hover:bg-muted/40", className)} {...props} />;
}

/** A header cell. */
export function TableHead({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={cn("lp:h-9 lp:px-3 lp:text-left lp:text-xs lp:font-medium lp:text-muted-foreground lp:whitespace-nowrap", className)} {...props} />;
}

/** A cell. */
export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("lp:px-3 lp:py-2 lp:align-top", className)} {...props} />;
}
