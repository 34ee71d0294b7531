import { withParams, type SearchParams } from "../routing/url-state.js";

/**
 * The absolute URL of the admin request, rebuilt from the forwarded headers (Next does
 * not hand the URL to pages), so `authorize(request)` sees the real path and query.
 */
export function requestUrl(headers: Headers, basePath: string, segments: readonly string[] | undefined, params: SearchParams): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  const path = [basePath.replace(/\/+$/, ""), ...(segments ?? []).map(encodeURIComponent)].join("/") || "/";
  return `${proto}://${host}${path}${withParams(params, {})}`;
}
