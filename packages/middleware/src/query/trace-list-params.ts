import { z } from "zod";
import { LEVELS } from "../domain/rows.js";
import { TRACE_SORT_KEYS, type TracePageQuery } from "./dashboard/traces-page.js";

const text = z.string().trim().min(1).max(500).optional();
const RANGE_MS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;

/**
 * The traces filters as URL search parameters — the same names the dashboard's URLs use,
 * so an export link carries the table's current filter. Validated: bad values are a 400.
 */
export const TraceListParams = z
  .object({
    range: z.enum(["1h", "24h", "7d", "30d", "custom"]).default("7d"),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    env: text,
    model: text,
    release: text,
    user: text,
    tag: text,
    name: text,
    level: z.enum(LEVELS).optional(),
    session: text,
    q: text,
    sort: z.enum(TRACE_SORT_KEYS).optional(),
    order: z.enum(["asc", "desc"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    after: z.string().max(1_000).optional(),
    before: z.string().max(1_000).optional(),
  })
  .refine((p) => p.range !== "custom" || p.from !== undefined, { message: "range=custom needs from (ISO time)", path: ["from"] })
  .refine((p) => !p.from || !p.to || p.to > p.from, { message: "to must be after from", path: ["to"] });

/** Parses URL search parameters into a traces page query (throws a ZodError on bad input). */
export function parseTraceListParams(search: URLSearchParams, now = new Date()): TracePageQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) if (value !== "") raw[key] = value;
  const p = TraceListParams.parse(raw);
  const to = p.range === "custom" ? (p.to ?? now) : now;
  const from = p.range === "custom" ? p.from! : new Date(now.getTime() - RANGE_MS[p.range]);
  return {
    from,
    to,
    environment: p.env,
    model: p.model,
    release: p.release,
    userId: p.user,
    tag: p.tag,
    name: p.name,
    level: p.level,
    sessionId: p.session,
    search: p.q,
    sort: p.sort,
    order: p.order,
    limit: p.limit,
    after: p.after,
    before: p.before,
  };
}
