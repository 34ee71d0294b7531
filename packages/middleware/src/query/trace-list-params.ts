import { z } from "zod";
import type { TraceQuery } from "../domain/read-queries.js";
import { DEFAULT_RANGE, PARAM, PARAM_VALUES, RANGE_KEYS, RANGE_MS } from "./url-vocabulary.js";

const text = z.string().trim().min(1).max(500).optional();

/**
 * The traces filters as URL search parameters — the vocabulary of `url-vocabulary.ts`,
 * which the dashboard's URLs use too, so an export link carries the table's current
 * filter. Validated: bad values are a 400.
 */
export const TraceListParams = z
  .object({
    [PARAM.range]: z.enum(RANGE_KEYS).default(DEFAULT_RANGE),
    [PARAM.from]: z.coerce.date().optional(),
    [PARAM.to]: z.coerce.date().optional(),
    [PARAM.environment]: text,
    [PARAM.model]: text,
    [PARAM.release]: text,
    [PARAM.userId]: text,
    [PARAM.tag]: text,
    [PARAM.name]: text,
    [PARAM.level]: z.enum(PARAM_VALUES.level).optional(),
    [PARAM.sessionId]: text,
    [PARAM.search]: text,
    [PARAM.sort]: z.enum(PARAM_VALUES.traceSort).optional(),
    [PARAM.order]: z.enum(PARAM_VALUES.order).optional(),
    [PARAM.limit]: z.coerce.number().int().min(1).max(200).optional(),
    [PARAM.after]: z.string().max(1_000).optional(),
    [PARAM.before]: z.string().max(1_000).optional(),
  })
  .refine((p) => p.range !== "custom" || p.from !== undefined, { message: "range=custom needs from (ISO time)", path: [PARAM.from] })
  .refine((p) => !p.from || !p.to || p.to > p.from, { message: "to must be after from", path: [PARAM.to] });

/** Parses URL search parameters into a {@link TraceQuery} (throws a ZodError on bad input). */
export function parseTraceListParams(search: URLSearchParams, now = new Date()): TraceQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) if (value !== "") raw[key] = value;
  const p = TraceListParams.parse(raw);
  const to = p.range === "custom" ? (p.to ?? now) : now;
  const from = p.range === "custom" ? p.from! : new Date(now.getTime() - RANGE_MS[p.range]);
  return {
    from,
    to,
    environment: p[PARAM.environment],
    model: p[PARAM.model],
    release: p[PARAM.release],
    userId: p[PARAM.userId],
    tag: p[PARAM.tag],
    name: p[PARAM.name],
    level: p[PARAM.level],
    sessionId: p[PARAM.sessionId],
    search: p[PARAM.search],
    sort: p[PARAM.sort],
    order: p[PARAM.order],
    limit: p[PARAM.limit],
    after: p[PARAM.after],
    before: p[PARAM.before],
  };
}
