import { LoupeError } from "./loupe-error.js";

const marker = "loupe.error.InvalidCursorError";
const symbol = Symbol.for(marker);

/** Raised for a cursor that was not issued by Loupe (tampered or truncated). */
export class InvalidCursorError extends LoupeError {
  private readonly [symbol] = true;

  constructor(message = "The page cursor is not valid: start again from the first page.") {
    super("InvalidCursorError", message);
  }

  /** True when `error` is a {@link InvalidCursorError} (works across copies of the package). */
  static override isInstance(error: unknown): error is InvalidCursorError {
    return LoupeError.hasMarker(error, marker);
  }
}
