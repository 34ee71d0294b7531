import type { SearchParams, ViewState } from "../../routing/url-state.js";

/** What every view receives from the admin page besides its data. */
export interface ViewContext {
  /** Where the admin is mounted, e.g. "/admin/llm". */
  basePath: string;
  /** Where `loupe.handlers` are mounted, e.g. "/api/loupe". */
  apiBasePath: string;
  /** The parsed URL state (range, filters, sort, cursors). */
  state: ViewState;
  /** The raw search params (to build links that keep them). */
  params: SearchParams;
}
