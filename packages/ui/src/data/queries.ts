/**
 * The dashboard read models (server only): re-exported from @loupe/middleware so views
 * import them from one place.
 */
export {
  getOverview,
  listTracePage,
  listUserStats,
  getUserDetail,
  listScoreSummaries,
  getSessionDetail,
  getFilterOptions,
  hasTraces,
} from "@loupe/middleware";
