import { z } from "zod";
import { LEVELS } from "../domain/rows.js";
import type { TraceListQuery } from "./traces-list.js";

const optionalText = z.string().trim().min(1).max(500).optional();

/** The traces list's filters as URL search parameters (API and export), validated. */
export const TraceListParams = z.object({
  cursor: z.string().max(1_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  userId: optionalText,
  sessionId: optionalText,
  name: optionalText,
  environment: optionalText,
  tag: optionalText,
  level: z.enum(LEVELS).optional(),
  kind: z.enum(["app", "eval"]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
/** Parsed {@link TraceListParams}. */
export type TraceListParams = z.infer<typeof TraceListParams>;

/** Parses URL search parameters into a traces query (throws a ZodError on bad input). */
export function parseTraceListParams(search: URLSearchParams): TraceListQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) if (value !== "") raw[key] = value;
  return TraceListParams.parse(raw);
}
