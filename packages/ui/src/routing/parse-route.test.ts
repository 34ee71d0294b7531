import { describe, expect, it } from "vitest";
import { parseRoute, routePath } from "./parse-route.js";

describe("parseRoute", () => {
  it("maps every view", () => {
    expect(parseRoute(undefined)).toEqual({ view: "overview" });
    expect(parseRoute([])).toEqual({ view: "overview" });
    expect(parseRoute(["traces"])).toEqual({ view: "traces" });
    expect(parseRoute(["traces", "abc"])).toEqual({ view: "trace", id: "abc" });
    expect(parseRoute(["sessions"])).toEqual({ view: "sessions" });
    expect(parseRoute(["sessions", "s-1"])).toEqual({ view: "session", id: "s-1" });
    expect(parseRoute(["users"])).toEqual({ view: "users" });
    expect(parseRoute(["users", "u 1"])).toEqual({ view: "user", id: "u 1" });
    expect(parseRoute(["scores"])).toEqual({ view: "scores" });
  });

  it("decodes ids and rejects unknown or too-deep paths", () => {
    expect(parseRoute(["users", "alice%40example.com"])).toEqual({ view: "user", id: "alice@example.com" });
    expect(parseRoute(["users", "%E0%A4%A"])).toEqual({ view: "not-found" });
    expect(parseRoute(["nope"])).toEqual({ view: "not-found" });
    expect(parseRoute(["traces", "a", "b"])).toEqual({ view: "not-found" });
    expect(parseRoute(["scores", "x"])).toEqual({ view: "not-found" });
  });

  it("builds paths that parse back to the same view", () => {
    expect(routePath("/admin/llm/", { view: "overview" })).toBe("/admin/llm");
    const path = routePath("/admin/llm", { view: "user", id: "a/b@c" });
    expect(path).toBe("/admin/llm/users/a%2Fb%40c");
    expect(parseRoute(path.split("/").slice(3))).toEqual({ view: "user", id: "a/b@c" });
  });
});
