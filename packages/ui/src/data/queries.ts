/**
 * The dashboard read models (server only): re-exported from @loupe/middleware/dashboard
 * (SQL builders only, so the admin bundle does not carry a second Loupe) so views
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
  judgeAgreement,
} from "@loupe/middleware/dashboard";
