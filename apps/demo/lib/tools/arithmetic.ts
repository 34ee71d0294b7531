/** Raised for input the calculator cannot evaluate (shown to the model as a tool error). */
export class ArithmeticError extends Error {
  override readonly name = "ArithmeticError";
}

/**
 * Evaluates an arithmetic expression without eval: numbers, + - * / % ^, parentheses and
 * unary minus (recursive descent, `^` right-associative). Throws {@link ArithmeticError}.
 */
export function evaluateArithmetic(source: string): number {
  const text = source.replace(/[×x]/g, "*").replace(/÷/g, "/").replace(/\*\*/g, "^");
  if (text.length > 200) throw new ArithmeticError("expression too long (200 characters at most)");
  let pos = 0;
  const peek = () => {
    while (text[pos] === " ") pos++;
    return text[pos];
  };
  const expect = (ch: string) => {
    if (peek() !== ch) throw new ArithmeticError(`expected "${ch}" at position ${pos + 1}`);
    pos++;
  };
  const number = (): number => {
    const match = /^\d+(?:\.\d+)?|^\.\d+/.exec(text.slice(pos));
    if (!match) throw new ArithmeticError(peek() === undefined ? "unexpected end of expression" : `unexpected "${text[pos]}" at position ${pos + 1}`);
    pos += match[0].length;
    return Number(match[0]);
  };
  const primary = (): number => {
    const ch = peek();
    if (ch === "(") {
      pos++;
      const value = sum();
      expect(")");
      return value;
    }
    if (ch === "-") {
      pos++;
      return -primary();
    }
    if (ch === "+") {
      pos++;
      return primary();
    }
    return number();
  };
  const power = (): number => {
    const base = primary();
    if (peek() === "^") {
      pos++;
      return base ** power();
    }
    return base;
  };
  const product = (): number => {
    let value = power();
    for (let op = peek(); op === "*" || op === "/" || op === "%"; op = peek()) {
      pos++;
      const right = power();
      if ((op === "/" || op === "%") && right === 0) throw new ArithmeticError("division by zero");
      value = op === "*" ? value * right : op === "/" ? value / right : value % right;
    }
    return value;
  };
  function sum(): number {
    let value = product();
    for (let op = peek(); op === "+" || op === "-"; op = peek()) {
      pos++;
      const right = product();
      value = op === "+" ? value + right : value - right;
    }
    return value;
  }
  const value = sum();
  if (peek() !== undefined) throw new ArithmeticError(`unexpected "${text[pos]}" at position ${pos + 1}`);
  if (!Number.isFinite(value)) throw new ArithmeticError("the result is not a finite number");
  return Math.round(value * 1e10) / 1e10;
}

/** The first arithmetic expression in a sentence ("what is 12*7?" → "12*7"), if any. */
export function findExpression(text: string): string | undefined {
  const match = /[-(]*\d+(?:\.\d+)?\)*(?:\s*(?:[-+*/^%×÷]|\*\*|\bx\b)\s*[-(]*\d+(?:\.\d+)?\)*)+/.exec(text);
  return match?.[0].trim();
}
