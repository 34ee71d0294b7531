import type { FilterField } from "../../components/filter-bar.js";
import type { FilterOptions } from "../../data/types.js";
import type { ViewState } from "../../routing/url-state.js";

/** The common filter fields (environment, model, release, user, tag, name) with choices. */
export function commonFilterFields(state: ViewState, options: FilterOptions): FilterField[] {
  return [
    { param: "env", label: "Environment", value: state.environment, options: options.environments },
    { param: "model", label: "Model", value: state.model, options: options.models },
    { param: "release", label: "Release", value: state.release, options: options.releases },
    { param: "name", label: "Name", value: state.name, options: options.names },
    { param: "tag", label: "Tag", value: state.tag, options: options.tags },
    { param: "user", label: "User", value: state.userId, placeholder: "user id" },
  ];
}

/** The range part of the filter bar's props. */
export function rangeProps(state: ViewState): { range: string; from?: string; to?: string } {
  return state.range === "custom" ? { range: "custom", from: state.from.toISOString(), to: state.to.toISOString() } : { range: state.range };
}
