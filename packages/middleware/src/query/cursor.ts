/** A keyset position: the sort value and id of the last row of a page. */
export interface KeysetPosition {
  value: string | number;
  id: string;
}

/** Raised for a cursor that was not issued by Loupe (tampered or truncated). */
export class InvalidCursorError extends Error {
  override readonly name = "InvalidCursorError";
  /** True when `error` is an {@link InvalidCursorError}. */
  static isInstance(error: unknown): error is InvalidCursorError {
    return error instanceof Error && error.name === "InvalidCursorError";
  }
}

/** Encodes a keyset position as an opaque URL-safe cursor. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString("base64url");
}

/** Decodes a cursor from {@link encodeCursor}; throws {@link InvalidCursorError} on anything else. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === "string" || typeof parsed[0] === "number") &&
      typeof parsed[1] === "string"
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError("The page cursor is not valid: start again from the first page.");
}
