import type { HTMLAttributes } from "react";
import { cn } from "../../lib/cn.js";

/** A bordered panel. */
export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("lp:rounded-lg lp:border lp:border-border lp:bg-card", className)} {...props} />;
}

/** A card's heading row. */
export function CardHeader({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("lp:flex lp:items-center lp:justify-between lp:gap-2 lp:px-4 lp:pt-3", className)} {...props} />;
}

/** A card's title. */
export function CardTitle({ className, ...props }: HTMLAttributes<HTMLHeadingElement>) {
  return <h3 className={cn("lp:text-xs lp:font-medium lp:uppercase lp:tracking-wide lp:text-muted-foreground", className)} {...props} />;
}

/** A card's body. */
export function CardContent({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("lp:px-4 lp:pb-3 lp:pt-2", className)} {...props} />;
}
