import { describe, expect, it } from "vitest";
import { requestUrl } from "./request-url.js";

describe("requestUrl", () => {
  it("rebuilds the URL from forwarded headers, path segments and query", () => {
    const headers = new Headers({ host: "internal:3000", "x-forwarded-host": "app.example.com", "x-forwarded-proto": "https" });
    expect(requestUrl(headers, "/admin/llm/", ["users", "a b"], { range: "24h" })).toBe("https://app.example.com/admin/llm/users/a%20b?range=24h");
  });

  it("uses http for localhost without forwarding headers", () => {
    expect(requestUrl(new Headers({ host: "localhost:3000" }), "/admin/llm", undefined, {})).toBe("http://localhost:3000/admin/llm");
  });
});
