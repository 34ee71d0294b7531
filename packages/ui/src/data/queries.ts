/**
 * The dashboard reads (server only): re-exported from @loupe/middleware/dashboard
 * (backend-neutral functions over the store port, so the admin bundle does not carry a
 * second Loupe) so views import them from one place.
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
  InvalidCursorError,
} from "@loupe/middleware/dashboard";
