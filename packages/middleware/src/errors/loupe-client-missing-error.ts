import { LoupeError } from "./loupe-error.js";

const marker = "loupe.error.LoupeClientMissingError";
const symbol = Symbol.for(marker);

/** Raised when Loupe's generated Prisma client is missing (the install step did not run). */
export class LoupeClientMissingError extends LoupeError {
  private readonly [symbol] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super("LoupeClientMissingError", message, options);
  }

  /** True when `error` is a {@link LoupeClientMissingError} (works across copies of the package). */
  static override isInstance(error: unknown): error is LoupeClientMissingError {
    return LoupeError.hasMarker(error, marker);
  }
}
