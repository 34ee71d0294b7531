import { LoupeError } from "./loupe-error.js";

const marker = "loupe.error.JudgeOutputError";
const symbol = Symbol.for(marker);

/** Raised when a judge answers something that is not a valid verdict (never turned into a score). */
export class JudgeOutputError extends LoupeError {
  private readonly [symbol] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super("JudgeOutputError", message, options);
  }

  /** True when `error` is a {@link JudgeOutputError} (works across copies of the package). */
  static override isInstance(error: unknown): error is JudgeOutputError {
    return LoupeError.hasMarker(error, marker);
  }
}
