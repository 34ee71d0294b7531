import { cva, type VariantProps } from "class-variance-authority";
import type { HTMLAttributes } from "react";
import { cn } from "../../lib/cn.js";

const badgeVariants = cva("lp:inline-flex lp:items-center lp:gap-1 lp:rounded lp:border lp:px-1.5 lp:py-px lp:text-[11px] lp:font-medium lp:leading-4 lp:whitespace-nowrap", {
  variants: {
    variant: {
      default: "lp:border-border lp:bg-muted lp:text-foreground",
      outline: "lp:border-border lp:text-muted-foreground",
      danger: "lp:border-danger/40 lp:text-danger",
      warning: "lp:border-warning/40 lp:text-warning",
      success: "lp:border-success/40 lp:text-success",
    },
  },
  defaultVariants: { variant: "default" },
});

/** Props of {@link Badge}. */
export type BadgeProps = HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>;

/** A small label (tags, levels, "unpriced"). */
export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
