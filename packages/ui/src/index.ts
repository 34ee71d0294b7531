/**
 * @loupe/ui — client-safe pieces: the feedback widget, route and URL-state helpers and
 * formatters. The admin dashboard (server) is at "@loupe/ui/admin".
 */
export { LoupeFeedback, type LoupeFeedbackProps, type FeedbackValue } from "./feedback/loupe-feedback.js";
export { parseRoute, routePath, type AdminRoute } from "./routing/parse-route.js";
export { readViewState, filterParams, withParams, PARAM, RANGE_KEYS, type ViewState, type RangeKey, type SearchParams } from "./routing/url-state.js";
export { formatCost, costDisplay, formatTokens, formatDuration, formatPercent, formatCount, formatTime } from "./lib/format.js";
export { buildObservationTree, flattenTree, type TreeNode } from "./lib/observation-tree.js";
