import { describe, expect, it } from "vitest";
import { buildObservationTree, flattenTree } from "./observation-tree.js";

const obs = (id: string, parentId: string | null, second: number) => ({ id, parentId, startTime: new Date(Date.UTC(2026, 0, 1, 0, 0, second)) });

describe("buildObservationTree", () => {
  it("nests agent → steps → generation and tool in start order", () => {
    const tree = buildObservationTree([obs("tool", "step1", 3), obs("gen1", "step1", 2), obs("step1", "agent", 1), obs("agent", null, 0), obs("step2", "agent", 5)]);
    expect(flattenTree(tree).map((n) => `${"-".repeat(n.depth)}${n.observation.id}`)).toEqual(["agent", "-step1", "--gen1", "--tool", "-step2"]);
  });

  it("puts orphans (missing parent) at the root instead of hiding them", () => {
    const tree = buildObservationTree([obs("a", null, 0), obs("late", "never-arrived", 1)]);
    expect(tree.map((n) => n.observation.id)).toEqual(["a", "late"]);
  });

  it("survives self-parents and cycles, listing every observation once", () => {
    const tree = buildObservationTree([obs("x", "y", 0), obs("y", "x", 1), obs("self", "self", 2)]);
    const ids = flattenTree(tree).map((n) => n.observation.id);
    expect(ids.sort()).toEqual(["self", "x", "y"]);
  });
});
