import { describe, expect, it } from "vitest";
import { pivotByModel } from "./pivot-by-model.js";

const point = (bucket: string, model: string, cost: number) => ({ bucket, model, cost, generationCount: 1, errorCount: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0, unpricedCount: 0 });

describe("pivotByModel", () => {
  it("makes one zero-filled row per bucket with a column per model", () => {
    const { rows, models } = pivotByModel([point("d1", "a", 1), point("d2", "b", 3)], ["d1", "d2", "d3"], (p) => p.cost);
    expect(models).toEqual(["b", "a"]);
    expect(rows).toEqual([
      { bucket: "d1", a: 1, b: 0 },
      { bucket: "d2", a: 0, b: 3 },
      { bucket: "d3", a: 0, b: 0 },
    ]);
  });

  it("folds models past the top N into 'other'", () => {
    const { rows, models } = pivotByModel([point("d1", "a", 5), point("d1", "b", 2), point("d1", "c", 1)], ["d1"], (p) => p.cost, 1);
    expect(models).toEqual(["a", "other"]);
    expect(rows[0]).toEqual({ bucket: "d1", a: 5, other: 3 });
  });
});
