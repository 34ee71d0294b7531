/** The result of serialising a payload for storage. */
export interface SerializedPayload {
  json: string;
  truncated: boolean;
}

/** Marker stored in place of a payload larger than the cap. */
export interface TruncatedPayload {
  __loupe_truncated: true;
  /** Size of the full JSON text, in characters. */
  originalLength: number;
  /** The first characters of the JSON text. */
  preview: string;
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return { type: "binary", bytes: value.byteLength };
  if (value instanceof ArrayBuffer) return { type: "binary", bytes: value.byteLength };
  if (value instanceof URL) return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  return value;
}

/**
 * Serialises any value to JSON text for the payload table: binary data becomes a size
 * marker, cycles are cut, bigint becomes text, and text longer than `maxLength`
 * characters is replaced by a {@link TruncatedPayload} marker with a preview.
 */
export function serializePayload(value: unknown, maxLength: number): SerializedPayload | undefined {
  if (value === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(value, replacer);
  } catch {
    json = JSON.stringify(value, cycleSafeReplacer());
  }
  if (json === undefined) return undefined;
  return capPayload(json, maxLength);
}

/** `json` as stored: itself within `maxLength` characters, else a {@link TruncatedPayload} marker. */
export function capPayload(json: string, maxLength: number): SerializedPayload {
  if (json.length <= maxLength) return { json, truncated: false };
  const marker: TruncatedPayload = {
    __loupe_truncated: true,
    originalLength: json.length,
    preview: json.slice(0, Math.max(0, maxLength - 200)),
  };
  return { json: JSON.stringify(marker), truncated: true };
}

/**
 * JSON text of one value exactly as {@link serializePayload} writes it inside a payload
 * (binary as a size marker, bigint as text), or undefined when it has a cycle or no
 * JSON form; callers then fall back to serializing the whole payload.
 */
export function payloadJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, replacer);
  } catch {
    return undefined;
  }
}

function cycleSafeReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return function (this: unknown, key: string, value: unknown) {
    const replaced = replacer.call(this, key, value);
    if (typeof replaced === "object" && replaced !== null) {
      if (seen.has(replaced)) return "[Circular]";
      seen.add(replaced);
    }
    return replaced;
  };
}

/** A one-line plain-text preview of a prompt or output, for tables. */
export function previewText(value: unknown, maxLength = 200): string | null {
  const text = extractText(value);
  if (!text) return null;
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** The most telling text of a prompt (last user message) or an output (its text parts). */
function extractText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const users = value.filter((m) => isObject(m) && m.role === "user");
    if (users.length > 0) return extractText(users[users.length - 1]);
    const texts = value.map((part) => (isObject(part) && part.type === "text" ? String(part.text ?? "") : typeof part === "string" ? part : ""));
    const joined = texts.filter(Boolean).join(" ");
    if (joined) return joined;
    const last = value[value.length - 1];
    return isObject(last) && "content" in last ? extractText(last.content) : undefined;
  }
  if (isObject(value)) {
    if (typeof value.text === "string") return value.text;
    if ("content" in value) return extractText(value.content);
    if ("messages" in value) return extractText(value.messages);
    if ("prompt" in value) return extractText(value.prompt);
    try {
      return JSON.stringify(value, replacer);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
