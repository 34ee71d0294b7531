import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

const merge = extendTailwindMerge({ prefix: "lp" });

/** Joins class names and resolves conflicting `lp:` Tailwind utilities (last one wins). */
export function cn(...inputs: ClassValue[]): string {
  return merge(clsx(inputs));
}
