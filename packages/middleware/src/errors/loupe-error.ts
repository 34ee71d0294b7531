const marker = "loupe.error";
const symbol = Symbol.for(marker);

/**
 * The base of Loupe's errors. Each subclass carries a `Symbol.for` marker, so
 * `isInstance` holds across copies of the package (a bundled and an external one, as
 * happens in Next.js) where `instanceof` does not.
 */
export class LoupeError extends Error {
  private readonly [symbol] = true;

  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
  }

  /** True when `error` is any Loupe error. */
  static isInstance(error: unknown): error is LoupeError {
    return LoupeError.hasMarker(error, marker);
  }

  /** True when `error` carries the marker `Symbol.for(key)`. */
  protected static hasMarker(error: unknown, key: string): boolean {
    const flag = Symbol.for(key);
    return error != null && typeof error === "object" && flag in error && (error as Record<symbol, unknown>)[flag] === true;
  }
}
