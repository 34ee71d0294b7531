import { describe, expect, it } from "vitest";
import { ArithmeticError, evaluateArithmetic, findExpression } from "./arithmetic";

describe("evaluateArithmetic", () => {
  it.each([
    ["12*7", 84],
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["2^3^2", 512],
    ["-4 + 10 / 4", -1.5],
    ["10 % 4", 2],
    ["3 x 5", 15],
    ["0.1 + 0.2", 0.3],
  ])("%s = %s", (expression, expected) => expect(evaluateArithmetic(expression)).toBe(expected));

  it.each(["2/0", "1 +", "alert(1)", "2 ** ", "(1 + 2", "process.exit()"])("refuses %s", (expression) => {
    expect(() => evaluateArithmetic(expression)).toThrow(ArithmeticError);
  });

  it("finds the expression in a sentence", () => {
    expect(findExpression("What's the weather in Paris and what is 12*7?")).toBe("12*7");
    expect(findExpression("compute (3 + 4) * 2 please")).toBe("(3 + 4) * 2");
    expect(findExpression("no maths in 2026")).toBeUndefined();
  });
});
