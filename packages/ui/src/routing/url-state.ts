/** Search params as Next hands them to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The preset time ranges, and "custom" (explicit from/to). */
export const RANGE_KEYS = ["1h", "24h", "7d", "30d", "custom"] as const;
/** One of {@link RANGE_KEYS}. */
export type RangeKey = (typeof RANGE_KEYS)[number];

const RANGE_MS: Record<Exclude<RangeKey, "custom">, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/** The range a dashboard opens with. */
export const DEFAULT_RANGE: RangeKey = "7d";

const LEVELS = ["DEBUG", "DEFAULT", "WARNING", "ERROR"] as const;
const TRACE_SORTS = ["time", "latency", "ttft", "tokens", "cost"] as const;
const USER_SORTS = ["cost", "tokens", "calls", "traces", "errorRate", "userId"] as const;
const SOURCES = ["API", "ANNOTATION", "EVAL", "FEEDBACK"] as const;

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

/** URL parameter of each filter (also the names the export route reads). */
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
  after: "after",
  before: "before",
  page: "page",
  source: "source",
  scoreName: "score",
  observation: "obs",
} as const;

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
    order: oneOf(["asc", "desc"] as const, get(PARAM.order)),
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
