import type { FilterOptions, ScoreSummary, SessionDetail, TracePage, UserDetail, UserStatsPage } from "../domain/dashboard-views.js";
import type { ScoreSummaryQuery, TraceQuery, UserStatsQuery } from "../domain/read-queries.js";
import { pickGrain, type Grain } from "../domain/time-buckets.js";
import type { TraceStore } from "../store/trace-store.js";

/** One page of the traces table (the one traces query: see {@link TraceQuery}). */
export function listTracePage(store: TraceStore, query: TraceQuery = {}): Promise<TracePage> {
  return store.listTraces(query);
}

/** The users table: usage, quality and activity per end user over whole UTC days. */
export function listUserStats(store: TraceStore, query: UserStatsQuery): Promise<UserStatsPage> {
  return store.userStats(query);
}

/** One user's page: activity and cost per day and model, or null for an unknown user. */
export function getUserDetail(store: TraceStore, userId: string, range: { from: Date; to: Date }): Promise<UserDetail | null> {
  return store.userDetail(userId, range);
}

/** Each score's distribution and trend over the range (hourly up to two days, daily beyond). */
export function listScoreSummaries(store: TraceStore, query: ScoreSummaryQuery, grain: Grain = pickGrain(query.from, query.to)): Promise<ScoreSummary[]> {
  return store.scoreSummaries(query, grain);
}

/** A session's turns in start order (at most `limit`), or null. */
export function getSessionDetail(store: TraceStore, sessionId: string, limit = 200): Promise<SessionDetail | null> {
  return store.getSession(sessionId, limit);
}

/** The values the filter pickers offer over a range. */
export function getFilterOptions(store: TraceStore, range: { from: Date; to: Date }): Promise<FilterOptions> {
  return store.filterOptions(range);
}

/** True once at least one trace is stored (the dashboard shows setup steps before that). */
export function hasTraces(store: TraceStore): Promise<boolean> {
  return store.hasTraces();
}
