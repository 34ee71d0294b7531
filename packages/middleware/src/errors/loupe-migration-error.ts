import { LoupeError } from "./loupe-error.js";

const marker = "loupe.error.LoupeMigrationError";
const symbol = Symbol.for(marker);

/** Raised when a migration fails; the database is left as it was before that migration. */
export class LoupeMigrationError extends LoupeError {
  private readonly [symbol] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super("LoupeMigrationError", message, options);
  }

  /** True when `error` is a {@link LoupeMigrationError} (works across copies of the package). */
  static override isInstance(error: unknown): error is LoupeMigrationError {
    return LoupeError.hasMarker(error, marker);
  }
}
