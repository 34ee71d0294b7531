import { createHash } from "node:crypto";
import { encodeMessageRef, MESSAGE_HASH_LENGTH, type MessageRefView } from "../domain/message-refs.js";
import type { MessageListRow, MessageRow } from "../domain/rows.js";
import { capPayload, payloadJson, serializePayload, type SerializedPayload } from "./serialize-payload.js";

/**
 * Hash length in base64url characters (6 bits each): 22 characters keep 132 bits of the
 * sha256. Collision budget: among n distinct messages (or list nodes) the chance that
 * any two share a hash is about n² / 2^133 — 1e-22 for a billion, 1e-16 for a trillion,
 * far below the odds of the disk corrupting a row — so a hash is taken as the content's
 * identity and an existing row is never compared or rewritten.
 */
const HASH_CHARS = MESSAGE_HASH_LENGTH;

/** Outputs and string prompts shorter than this (JSON characters) stay inline: a reference would not pay off. */
export const MIN_ADDRESSED_LENGTH = 256;

/** Payload owners whose string inputs/outputs and output parts are stored as messages. */
const MESSAGE_OWNERS = new Set(["TRACE", "AGENT", "GENERATION"]);

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, HASH_CHARS);
}

/**
 * Canonical JSON of parsed JSON data: object keys sorted (by UTF-16 code units), no
 * whitespace. Two messages that are equal as JSON values hash alike whatever order
 * their keys were built in; the text stored is the first writer's own.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
}

/**
 * Hashes of recently seen message texts. A chat re-sends its whole history every turn,
 * so most messages of a batch were hashed before; a hit skips the parse, the canonical
 * form and the sha256 (a pure function of the text, so the memo is safe to share).
 * Bounded by total characters, oldest first out.
 */
const memo = new Map<string, string>();
const MEMO_MAX_CHARS = 8_000_000;
let memoChars = 0;

function messageHash(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const key = hash(canonicalJson(JSON.parse(text)));
  memo.set(text, key);
  memoChars += text.length;
  for (const old of memo.keys()) {
    if (memoChars <= MEMO_MAX_CHARS) break;
    memo.delete(old);
    memoChars -= old.length;
  }
  return key;
}

/** Hashes of recently built list nodes (the same history is walked again every turn), oldest first out. */
const nodeMemo = new Map<string, string>();
const NODE_MEMO_MAX = 100_000;

function nodeHash(text: string): string {
  let key = nodeMemo.get(text);
  if (key === undefined) {
    key = hash(text);
    nodeMemo.set(text, key);
    if (nodeMemo.size > NODE_MEMO_MAX) nodeMemo.delete(nodeMemo.keys().next().value as string);
  }
  return key;
}

/** The messages and list nodes a batch's payloads reference, each once. */
export class MessageRowSet {
  readonly messages = new Map<string, MessageRow>();
  readonly lists = new Map<string, MessageListRow>();
  /** Lists already addressed in this batch (a trace's input is often its agent's input, the same array). */
  readonly addressed = new WeakMap<object, AddressedPayload>();

  /** Adds a message given as its stored JSON text; returns its hash. */
  message(role: string, text: string): string {
    const key = messageHash(text);
    if (!this.messages.has(key)) this.messages.set(key, { hash: key, role, content: text, bytes: Buffer.byteLength(text, "utf8") });
    return key;
  }

  /** Adds the list node "`parent`, then message `messageHash`"; returns it. */
  node(parent: MessageListRow | null, messageHash: string, textContent: boolean): MessageListRow {
    const key = nodeHash(`${parent?.hash ?? ""}\n${messageHash}\n${textContent ? 1 : 0}`);
    let row = this.lists.get(key);
    if (!row) {
      row = { hash: key, parentHash: parent?.hash ?? null, messageHash, position: parent ? parent.position + 1 : 0, textContent };
      this.lists.set(key, row);
    }
    return row;
  }
}

/** A payload field as stored, with the inline JSON it stands for (for previews). */
export interface AddressedPayload extends SerializedPayload {
  /** The JSON text the field would hold inline (equals `json` unless `json` is a reference). */
  inlineJson(): string;
}

/** Which payload field is being stored. */
export interface PayloadTarget {
  field: "input" | "output" | "metadata";
  /** "TRACE" for a trace's own payload, else the observation type. */
  observationType: string;
  /** For a tool's successful output: the call it answers (its result is re-sent as a tool message). */
  toolCall?: { toolCallId: string; toolName: string };
}

type Loose = Record<string, unknown>;

function isPlainObject(value: unknown): value is Loose {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A message of a prompt: a role and content (AI SDK) or parts (OpenTelemetry GenAI). */
function isMessage(value: unknown): value is Loose {
  return isPlainObject(value) && typeof value.role === "string" && ("content" in value || "parts" in value);
}

/** A non-empty array of messages. */
function isMessageList(value: unknown): value is Loose[] {
  return Array.isArray(value) && value.length > 0 && value.every(isMessage);
}

function isPartList(value: unknown): value is Loose[] {
  return Array.isArray(value) && value.length > 0 && value.every((part) => isPlainObject(part) && typeof part.type === "string");
}

const inline = (stored: SerializedPayload): AddressedPayload => ({ ...stored, inlineJson: () => stored.json });

const reference = (view: MessageRefView, node: MessageListRow, inlineJson: () => string): AddressedPayload => ({
  json: encodeMessageRef({ view, node: node.hash }),
  truncated: false,
  inlineJson,
});

/**
 * Serialises one (already masked) payload field, storing its messages once: a message
 * list becomes a reference to a list node; a generation's output parts, a long text and
 * a tool's result a reference to a one-message list (the message a later prompt
 * re-sends, so both share it); everything else is JSON text as before. The size
 * cap applies to the inline JSON first, so an oversized field is the same truncation
 * marker as ever (and nothing of it is hashed or stored).
 */
export function addressPayload(value: unknown, target: PayloadTarget, maxLength: number, rows: MessageRowSet): AddressedPayload | undefined {
  if (value === undefined) return undefined;
  if (target.field !== "metadata") {
    if (isMessageList(value)) {
      const known = rows.addressed.get(value);
      if (known) return known;
      const stored = addressList(value, maxLength, rows) ?? fallback(value, maxLength);
      if (stored) rows.addressed.set(value, stored);
      return stored;
    }
    if (MESSAGE_OWNERS.has(target.observationType)) {
      const role = target.field === "output" ? "assistant" : "user";
      if (typeof value === "string" && target.observationType !== "GENERATION") return addressText(value, role, maxLength, rows);
      if (target.field === "output" && isPartList(value)) return addressContent(value, maxLength, rows) ?? fallback(value, maxLength);
    }
    if (target.field === "output" && target.toolCall) return addressToolResult(value, target.toolCall, maxLength, rows) ?? fallback(value, maxLength);
  }
  return fallback(value, maxLength);
}

function fallback(value: unknown, maxLength: number): AddressedPayload | undefined {
  const stored = serializePayload(value, maxLength);
  return stored && inline(stored);
}

function addressList(list: Loose[], maxLength: number, rows: MessageRowSet): AddressedPayload | undefined {
  const entries: { role: string; original: string; stored: string; textContent: boolean }[] = [];
  let length = 1 + list.length;
  for (const message of list) {
    const original = payloadJson(message);
    if (original === undefined) return undefined;
    // A string content (ModelMessage style) is stored as the one text part a provider prompt has.
    const textContent = typeof message.content === "string" && message.role !== "system";
    const stored = textContent ? payloadJson({ ...message, content: [{ type: "text", text: message.content }] }) : original;
    if (stored === undefined) return undefined;
    entries.push({ role: String(message.role), original, stored, textContent });
    length += original.length;
  }
  const inlineJson = () => `[${entries.map((e) => e.original).join(",")}]`;
  if (length > maxLength) return inline(capPayload(inlineJson(), maxLength));
  let node: MessageListRow | null = null;
  for (const entry of entries) node = rows.node(node, rows.message(entry.role, entry.stored), entry.textContent);
  return reference("l", node!, inlineJson);
}

function addressText(text: string, role: string, maxLength: number, rows: MessageRowSet): AddressedPayload {
  const json = JSON.stringify(text);
  if (json.length > maxLength || json.length < MIN_ADDRESSED_LENGTH) return inline(capPayload(json, maxLength));
  const message = JSON.stringify({ role, content: [{ type: "text", text }] });
  return reference("t", rows.node(null, rows.message(role, message), false), () => json);
}

function addressContent(parts: Loose[], maxLength: number, rows: MessageRowSet): AddressedPayload | undefined {
  const json = payloadJson(parts);
  if (json === undefined) return undefined;
  if (json.length > maxLength || json.length < MIN_ADDRESSED_LENGTH) return inline(capPayload(json, maxLength));
  // Stored as the assistant message a later prompt re-sends, so both share one row.
  const message = `{"role":"assistant","content":${json}}`;
  return reference("c", rows.node(null, rows.message("assistant", message), false), () => json);
}

function addressToolResult(value: unknown, call: { toolCallId: string; toolName: string }, maxLength: number, rows: MessageRowSet): AddressedPayload | undefined {
  const json = payloadJson(value);
  if (json === undefined) return undefined;
  if (json.length > maxLength || json.length < MIN_ADDRESSED_LENGTH) return inline(capPayload(json, maxLength));
  // Stored as the tool message the AI SDK re-sends on the next step (one result, as
  // createToolModelOutput shapes it), so the two share one row when they match.
  const output = typeof value === "string" ? { type: "text", value } : { type: "json", value: JSON.parse(json) };
  const message = payloadJson({ role: "tool", content: [{ type: "tool-result", toolCallId: call.toolCallId, toolName: call.toolName, output }] });
  if (message === undefined) return undefined;
  return reference("v", rows.node(null, rows.message("tool", message), false), () => json);
}
