import { serialize } from "node:v8";
import type { LoupeEvent } from "../domain/events.js";
import { applyMask, PARAMETER_KEYS, type MaskFunction } from "./event-to-rows.js";


/**
 * The call options reduced to what the writer reads, in the same shape: the full options
 * hold an AbortSignal, headers and tool schemas that are costly or impossible to clone.
 */
function reduceParams(params: unknown): unknown {
  if (typeof params !== "object" || params === null) return undefined;
  const p = params as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of PARAMETER_KEYS) if (p[key] !== undefined) out[key] = p[key];
  const responseFormat = p.responseFormat as { type?: string } | undefined;
  if (responseFormat?.type) out.responseFormat = { type: responseFormat.type };
  const toolChoice = p.toolChoice as { type?: string; toolName?: string } | undefined;
  if (toolChoice?.type) out.toolChoice = { type: toolChoice.type, toolName: toolChoice.toolName };
  if (Array.isArray(p.tools)) out.tools = p.tools.map((t: { name?: string }) => ({ name: t?.name }));
  return out;
}

/**
 * Prepares events for the writer thread: reduces call options and, when the host set a
 * `mask` (a function cannot cross threads), masks payloads here — everything else
 * (serialising, pricing, SQL) happens in the worker.
 */
export function eventsForWorker(events: readonly LoupeEvent[], mask: MaskFunction | undefined, onInternalError: (error: unknown) => void): LoupeEvent[] {
  return events.map((event) => {
    if (event.kind === "score") return event;
    const type = event.kind === "trace" ? "TRACE" : event.type;
    const masked = mask ? applyMask(event, type, mask, onInternalError) : event;
    return masked.kind === "observation" && masked.params !== undefined ? { ...masked, params: reduceParams(masked.params) } : masked;
  });
}

/**
 * Encodes a batch once (v8 serialisation, what a structured clone does): the encoded
 * bytes live outside the JS heap, so holding batches until they are confirmed does not
 * grow the host's garbage-collection pauses, and a replay costs a copy, not a re-encode.
 * Undefined when the batch cannot be encoded at all (counted as dropped by the caller).
 */
export function encodeBatch(events: readonly LoupeEvent[], mask: MaskFunction | undefined, onInternalError: (error: unknown) => void): Buffer | undefined {
  const prepared = eventsForWorker(events, mask, onInternalError);
  try {
    return serialize(prepared);
  } catch (error) {
    // A payload that cannot be cloned (a function, a class with private state): encode it as JSON would.
    onInternalError(error);
    try {
      return serialize(JSON.parse(JSON.stringify(prepared)));
    } catch (again) {
      onInternalError(again);
      return undefined;
    }
  }
}
