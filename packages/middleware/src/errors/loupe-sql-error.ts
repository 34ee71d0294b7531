import { LoupeError } from "./loupe-error.js";

const marker = "loupe.error.LoupeSqlError";
const symbol = Symbol.for(marker);

/** A failed SQL statement: the database's message and the start of the statement. */
export class LoupeSqlError extends LoupeError {
  private readonly [symbol] = true;

  /** The database error code (SQLSTATE on Postgres), when known. */
  readonly code: string | undefined;
  /** The driver's own error (not `cause`: Prisma's carries a long code frame that floods logs). */
  declare readonly original: unknown;

  constructor(message: string, code: string | undefined, original?: unknown) {
    super("LoupeSqlError", message);
    this.code = code;
    Object.defineProperty(this, "original", { value: original, enumerable: false });
  }

  /** True when `error` is a {@link LoupeSqlError} (works across copies of the package). */
  static override isInstance(error: unknown): error is LoupeSqlError {
    return LoupeError.hasMarker(error, marker);
  }
}
