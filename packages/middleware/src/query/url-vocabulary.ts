import { TRACE_SORT_KEYS, USER_SORT_KEYS } from "../domain/read-queries.js";
import { LEVELS, SCORE_SOURCES } from "../domain/rows.js";

/**
 * The dashboard's URL vocabulary, defined once: the admin's pages (`@loupe/ui`) and the
 * data routes (export, traces API) read the same parameter names and values, so a link
 * carries its filter from one to the other. Client-safe (no server imports):
 * `@loupe/middleware/url`.
 */

/** URL parameter of each filter, sort and paging field. */
export const PARAM = {
  range: "range",
  from: "from",
  to: "to",
  environment: "env",
  model: "model",
  release: "release",
  userId: "user",
  tag: "tag",
  name: "name",
  level: "level",
  sessionId: "session",
  search: "q",
  sort: "sort",
  order: "order",
  limit: "limit",
  after: "after",
  before: "before",
  page: "page",
  source: "source",
  scoreName: "score",
  observation: "obs",
} as const;

/** The preset time ranges, and "custom" (explicit from/to). */
export const RANGE_KEYS = ["1h", "24h", "7d", "30d", "custom"] as const;
/** One of {@link RANGE_KEYS}. */
export type RangeKey = (typeof RANGE_KEYS)[number];

/** The length of each preset range, in ms (a preset ends now). */
export const RANGE_MS: Record<Exclude<RangeKey, "custom">, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/** The range a dashboard opens with, and the data routes assume. */
export const DEFAULT_RANGE: RangeKey = "7d";

/** The values each enumerated parameter accepts. */
export const PARAM_VALUES = {
  level: LEVELS,
  source: SCORE_SOURCES,
  traceSort: TRACE_SORT_KEYS,
  userSort: USER_SORT_KEYS,
  order: ["asc", "desc"],
} as const;
