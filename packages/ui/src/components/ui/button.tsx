import { cva, type VariantProps } from "class-variance-authority";
import type { ButtonHTMLAttributes } from "react";
import { cn } from "../../lib/cn.js";

/** Button styles, usable on links too (`buttonVariants({ variant })`). */
export const buttonVariants = cva(
  "lp:inline-flex lp:items-center lp:justify-center lp:gap-1.5 lp:whitespace-nowrap lp:rounded-md lp:text-sm lp:font-medium lp:transition-colors lp:disabled:opacity-50 lp:disabled:pointer-events-none",
  {
    variants: {
      variant: {
        default: "lp:bg-primary lp:text-primary-foreground lp:hover:opacity-90",
        outline: "lp:border lp:border-border lp:bg-card lp:hover:bg-muted",
        ghost: "lp:hover:bg-muted",
        danger: "lp:bg-danger lp:text-white lp:hover:opacity-90",
      },
      size: {
        default: "lp:h-8 lp:px-3",
        sm: "lp:h-7 lp:px-2 lp:text-xs",
        icon: "lp:h-8 lp:w-8",
      },
    },
    defaultVariants: { variant: "default", size: "default" },
  },
);

/** Props of {@link Button}. */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & VariantProps<typeof buttonVariants>;

/** A shadcn-style button. */
export function Button({ className, variant, size, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
