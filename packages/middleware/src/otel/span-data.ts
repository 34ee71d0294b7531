/** An attribute value as OpenTelemetry carries it. */
export type AttributeValue = string | number | boolean | (string | number | boolean | null)[] | null | undefined;

/**
 * A finished span in a shape shared by the span processor (SDK spans) and the OTLP
 * endpoint (OTLP/JSON), so both map to Loupe rows the same way.
 */
export interface SpanData {
  /** 32 hex characters. */
  traceId: string;
  /** 16 hex characters. */
  spanId: string;
  parentSpanId?: string;
  name: string;
  startMs: number;
  endMs: number;
  attributes: Record<string, AttributeValue>;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage?: string;
  /** Exception messages from span events, if any. */
  exceptionMessage?: string;
}

/** Reads a string attribute. */
export function str(span: SpanData, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = span.attributes[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/** Reads a numeric attribute. */
export function num(span: SpanData, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = span.attributes[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value !== "" && Number.isFinite(Number(value))) return Number(value);
  }
  return undefined;
}

/** Parses a JSON-text attribute, falling back to the text. */
export function jsonAttr(span: SpanData, ...keys: string[]): unknown {
  const text = str(span, ...keys);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
