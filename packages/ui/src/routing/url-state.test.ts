import { describe, expect, it } from "vitest";
import { filterParams, parseTime, readViewState, withParams } from "./url-state.js";

const now = new Date("2026-03-01T12:00:00.000Z");

describe("readViewState", () => {
  it("defaults to the last 7 days and ignores empty params", () => {
    const state = readViewState({ env: "", model: "  " }, now);
    expect(state.range).toBe("7d");
    expect(state.from.toISOString()).toBe("2026-02-22T12:00:00.000Z");
    expect(state.to).toEqual(now);
    expect(state.environment).toBeUndefined();
    expect(state.model).toBeUndefined();
  });

  it("reads presets, filters, sort and cursors; drops invalid values", () => {
    const state = readViewState(
      { range: "1h", env: "prod", model: "gpt-4o", user: "u1", tag: "vip", level: "LOUD", sort: "cost", order: "asc", after: "abc", q: "hello" },
      now,
    );
    expect(state.from.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    expect(state).toMatchObject({ environment: "prod", model: "gpt-4o", userId: "u1", tag: "vip", traceSort: "cost", userSort: "cost", order: "asc", after: "abc", search: "hello" });
    expect(state.level).toBeUndefined();
    expect(readViewState({ level: "ERROR", sort: "errorRate" }, now)).toMatchObject({ level: "ERROR", userSort: "errorRate", traceSort: undefined });
  });

  it("reads a custom range as UTC and falls back when it is unusable", () => {
    const custom = readViewState({ range: "custom", from: "2026-01-01T00:00", to: "2026-01-02T00:00" }, now);
    expect([custom.from.toISOString(), custom.to.toISOString()]).toEqual(["2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z"]);
    const noFrom = readViewState({ range: "custom", to: "2026-01-02" }, now);
    expect(noFrom.range).toBe("7d");
    const backwards = readViewState({ range: "custom", from: "2026-01-03", to: "2026-01-02" }, now);
    expect(backwards.to).toEqual(now);
  });

  it("round-trips filters through filterParams", () => {
    const state = readViewState({ range: "custom", from: "2026-01-01T00:00:00.000Z", to: "2026-01-05T00:00:00.000Z", env: "prod", q: "a b" }, now);
    const params = Object.fromEntries(filterParams(state));
    expect(params).toEqual({ range: "custom", from: "2026-01-01T00:00:00.000Z", to: "2026-01-05T00:00:00.000Z", env: "prod", q: "a b" });
    expect(readViewState(params, now)).toMatchObject({ from: state.from, to: state.to, environment: "prod", search: "a b" });
  });
});

describe("withParams / parseTime", () => {
  it("sets, replaces and removes params, keeping the rest", () => {
    expect(withParams({ env: "prod", after: "x" }, { after: undefined, before: "y" })).toBe("?env=prod&before=y");
    expect(withParams({}, { a: "" })).toBe("");
    expect(withParams(new URLSearchParams("q=a%26b"), { page: "2" })).toBe("?q=a%26b&page=2");
  });

  it("parses zoned, zone-less and invalid times", () => {
    expect(parseTime("2026-01-01T10:00")?.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(parseTime("2026-01-01T10:00:00+02:00")?.toISOString()).toBe("2026-01-01T08:00:00.000Z");
    expect(parseTime("yesterday")).toBeUndefined();
  });
});
