import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "../../lib/cn.js";

const field =
  "lp:h-8 lp:rounded-md lp:border lp:border-border lp:bg-background lp:px-2 lp:text-sm lp:text-foreground lp:placeholder:text-muted-foreground lp:min-w-0";

/** A text input. */
export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(field, className)} {...props} />;
}

/** A native select (keyboard and screen-reader friendly everywhere). */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(field, "lp:pr-6", className)} {...props} />;
}

/** A multi-line input. */
export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(field, "lp:h-auto lp:min-h-16 lp:py-1.5", className)} {...props} />;
}
