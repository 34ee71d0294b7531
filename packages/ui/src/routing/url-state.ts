import { DEFAULT_RANGE, PARAM, PARAM_VALUES, RANGE_KEYS, RANGE_MS, type RangeKey } from "@loupe/middleware/url";

// The URL vocabulary (parameter names, ranges, enumerated values) is defined once in
// @loupe/middleware/url and shared with the data routes, so links carry their filters.
export { DEFAULT_RANGE, PARAM, RANGE_KEYS, type RangeKey };

/** Search params as Next hands them to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

const LEVELS = PARAM_VALUES.level;
const TRACE_SORTS = PARAM_VALUES.traceSort;
const USER_SORTS = PARAM_VALUES.userSort;
const SOURCES = PARAM_VALUES.source;

/** Everything a dashboard URL can hold. Absent optional fields mean "no filter". */
export interface ViewState {
  range: RangeKey;
  from: Date;
  to: Date;
  environment?: string;
  model?: string;
  release?: string;
  userId?: string;
  tag?: string;
  name?: string;
  level?: (typeof LEVELS)[number];
  sessionId?: string;
  search?: string;
  traceSort?: (typeof TRACE_SORTS)[number];
  userSort?: (typeof USER_SORTS)[number];
  order?: "asc" | "desc";
  after?: string;
  before?: string;
  page?: number;
  source?: (typeof SOURCES)[number];
  scoreName?: string;
  /** The selected observation on the trace page. */
  observation?: string;
}

/** The first value of a param, trimmed; empty strings count as absent. */
export function param(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** Parses an ISO time; a value without a zone (from `<input type="datetime-local">`) is UTC. */
export function parseTime(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const withZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(value) || /^\d{4}-\d\d-\d\d$/.test(value) ? value : `${value}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

/** Reads the view state from search params; invalid values are ignored, `now` anchors presets. */
export function readViewState(params: SearchParams, now: Date = new Date()): ViewState {
  const get = (key: string) => param(params, key);
  let range = oneOf(RANGE_KEYS, get(PARAM.range)) ?? DEFAULT_RANGE;
  let from: Date;
  let to: Date;
  const customFrom = parseTime(get(PARAM.from));
  const customTo = parseTime(get(PARAM.to));
  if (range === "custom" && customFrom) {
    from = customFrom;
    to = customTo && customTo > customFrom ? customTo : now;
  } else {
    if (range === "custom") range = DEFAULT_RANGE;
    to = now;
    from = new Date(now.getTime() - RANGE_MS[range as Exclude<RangeKey, "custom">]);
  }
  const page = Number(get(PARAM.page));
  const sort = get(PARAM.sort);
  return {
    range,
    from,
    to,
    environment: get(PARAM.environment),
    model: get(PARAM.model),
    release: get(PARAM.release),
    userId: get(PARAM.userId),
    tag: get(PARAM.tag),
    name: get(PARAM.name),
    level: oneOf(LEVELS, get(PARAM.level)),
    sessionId: get(PARAM.sessionId),
    search: get(PARAM.search),
    traceSort: oneOf(TRACE_SORTS, sort),
    userSort: oneOf(USER_SORTS, sort),
    order: oneOf(PARAM_VALUES.order, get(PARAM.order)),
    after: get(PARAM.after),
    before: get(PARAM.before),
    page: Number.isInteger(page) && page > 0 ? page : undefined,
    source: oneOf(SOURCES, get(PARAM.source)),
    scoreName: get(PARAM.scoreName),
    observation: get(PARAM.observation),
  };
}

/** The filter part of a state (what the traces table and the export share). */
export function filterParams(state: ViewState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.range !== DEFAULT_RANGE) out.set(PARAM.range, state.range);
  if (state.range === "custom") {
    out.set(PARAM.from, state.from.toISOString());
    out.set(PARAM.to, state.to.toISOString());
  }
  const keys = ["environment", "model", "release", "userId", "tag", "name", "level", "sessionId", "search"] as const;
  for (const key of keys) {
    const value = state[key];
    if (value !== undefined) out.set(PARAM[key], value);
  }
  return out;
}

/**
 * A query string ("?a=1" or "") made of `params` with `changes` applied: a string sets
 * a param, undefined removes it. Keeps the other params as they are.
 */
export function withParams(params: SearchParams | URLSearchParams, changes: Record<string, string | undefined>): string {
  const out = new URLSearchParams();
  if (params instanceof URLSearchParams) params.forEach((v, k) => out.append(k, v));
  else
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
    }
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") out.delete(k);
    else out.set(k, v);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}
