import type { PriceBook } from "../cost/index.js";
import type { LoupeEvent, ObservationEvent, TraceEvent } from "../domain/events.js";
import type { ObservationRow, PayloadRow, ScoreRow, TraceRow, WriteBatch } from "../domain/rows.js";
import { addressPayload, MessageRowSet, type AddressedPayload, type PayloadTarget } from "./content-address.js";
import { previewText, serializePayload, type SerializedPayload } from "./serialize-payload.js";

/** Which payload a mask function is looking at. */
export interface MaskInfo {
  field: "input" | "output" | "metadata";
  /** "TRACE" for a trace's own payload, else the observation type. */
  observationType: string;
}

/** A host function that redacts a payload before it is stored. */
export type MaskFunction = (value: unknown, info: MaskInfo) => unknown;

/** What the conversion needs from Loupe's configuration. */
export interface RowSettings {
  priceBook: PriceBook;
  mask?: MaskFunction;
  /** Cap on each serialised payload field, in characters. */
  maxPayloadLength: number;
  onInternalError: (error: unknown) => void;
  /**
   * Store each message of a prompt or output once (content-addressed) and reference it
   * from payloads. Default true; false writes every payload inline, as before.
   */
  addressMessages?: boolean;
}

const MASK_FAILED = "[redacted: mask function failed]";

/** Runs the host's mask on one payload field; a failing mask redacts the field. */
function maskField(value: unknown, info: MaskInfo, mask: MaskFunction, onInternalError: (error: unknown) => void): unknown {
  try {
    return mask(value, info);
  } catch (error) {
    onInternalError(error);
    return MASK_FAILED;
  }
}

/**
 * An event with its payload fields masked (for a writer in another thread, which cannot
 * call the host's function); the writer then converts it without a mask.
 */
export function applyMask<E extends TraceEvent | ObservationEvent>(event: E, observationType: string, mask: MaskFunction, onInternalError: (error: unknown) => void): E {
  const field = (value: unknown, name: MaskInfo["field"]) =>
    value === undefined ? undefined : maskField(value, { field: name, observationType }, mask, onInternalError);
  return { ...event, input: field(event.input, "input"), output: field(event.output, "output"), metadata: field(event.metadata, "metadata") as E["metadata"] };
}

/** The call options a generation's row keeps as its model parameters. */
export const PARAMETER_KEYS = [
  "maxOutputTokens",
  "temperature",
  "topP",
  "topK",
  "presencePenalty",
  "frequencyPenalty",
  "stopSequences",
  "seed",
] as const;

function modelParameters(params: unknown): string | null {
  if (typeof params !== "object" || params === null) return null;
  const p = params as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of PARAMETER_KEYS) if (p[key] !== undefined) out[key] = p[key];
  const responseFormat = p.responseFormat as { type?: string } | undefined;
  if (responseFormat?.type && responseFormat.type !== "text") out.responseFormat = responseFormat.type;
  const toolChoice = p.toolChoice as { type?: string; toolName?: string } | undefined;
  if (toolChoice?.type) out.toolChoice = toolChoice.toolName ?? toolChoice.type;
  if (Array.isArray(p.tools) && p.tools.length) out.tools = p.tools.map((t: { name?: string }) => t.name);
  return Object.keys(out).length ? JSON.stringify(out) : null;
}

function at(ms: number | undefined): Date | null {
  return ms === undefined ? null : new Date(ms);
}

/**
 * Turns queued events into rows: masks and serialises payloads (capped, with a
 * truncation marker), stores each message of a prompt or output once (the batch's
 * `messages` and `messageLists`, referenced from payloads: `content-address.ts`),
 * prices generations with the price book (null for unknown models, never 0), and
 * builds table previews. Runs in the writer, off the request path.
 */
export function eventsToBatch(events: readonly LoupeEvent[], settings: RowSettings): WriteBatch {
  const traces: TraceRow[] = [];
  const observations: ObservationRow[] = [];
  const payloads: PayloadRow[] = [];
  const scores: ScoreRow[] = [];
  const messages = new MessageRowSet();

  const payload = (id: string, traceId: string, type: string, input: unknown, output: unknown, metadata: unknown, toolCall?: PayloadTarget["toolCall"]) => {
    let truncated = false;
    const stored: Partial<Record<MaskInfo["field"], AddressedPayload>> = {};
    const field = (value: unknown, name: MaskInfo["field"]) => {
      if (value === undefined) return null;
      // Masking comes first: only what the mask returns is ever hashed or stored.
      const masked = settings.mask ? maskField(value, { field: name, observationType: type }, settings.mask, settings.onInternalError) : value;
      const serialized: SerializedPayload | undefined =
        settings.addressMessages === false
          ? serializePayload(masked, settings.maxPayloadLength)
          : (stored[name] = addressPayload(masked, { field: name, observationType: type, toolCall }, settings.maxPayloadLength, messages));
      if (serialized?.truncated) truncated = true;
      return serialized?.json ?? null;
    };
    const row: PayloadRow = {
      id,
      traceId,
      input: field(input, "input"),
      output: field(output, "output"),
      metadata: field(metadata, "metadata"),
      truncated,
    };
    if (row.input !== null || row.output !== null || row.metadata !== null) payloads.push(row);
    /** The inline JSON a stored field stands for (a reference's messages included). */
    const inlineOf = (name: MaskInfo["field"]) => stored[name]?.inlineJson() ?? row[name] ?? "null";
    return { row, inlineOf };
  };

  for (const event of events) {
    if (event.kind === "trace") {
      const row = traceRow(event);
      const { row: stored, inlineOf } = payload(
        event.id,
        event.id,
        "TRACE",
        event.recordInputs ? event.input : undefined,
        event.recordOutputs ? event.output : undefined,
        event.metadata,
      );
      // Previews come from what was stored, so a mask applies to them too.
      const fromStored = Boolean(settings.mask || stored.truncated);
      row.inputPreview = stored.input ? previewText(fromStored ? JSON.parse(inlineOf("input")) : event.input) : null;
      row.outputPreview = stored.output ? previewText(fromStored ? JSON.parse(inlineOf("output")) : event.output) : null;
      traces.push(row);
    } else if (event.kind === "observation") {
      observations.push(observationRow(event, settings.priceBook));
      const metadata = event.metadata && Object.keys(event.metadata).length ? event.metadata : undefined;
      payload(
        event.id,
        event.traceId,
        event.type,
        event.recordInputs ? event.input : undefined,
        event.recordOutputs ? event.output : undefined,
        metadata,
        toolCallOf(event),
      );
    } else {
      scores.push(event.row);
    }
  }
  return { traces, observations, payloads, scores, messages: [...messages.messages.values()], messageLists: [...messages.lists.values()] };
}

/** The call a successful tool execution answers (its result is re-sent to the model as a tool message). */
function toolCallOf(event: ObservationEvent): PayloadTarget["toolCall"] {
  const toolCallId = event.metadata?.toolCallId;
  if (event.type !== "TOOL" || event.level === "ERROR" || typeof toolCallId !== "string" || !event.name) return undefined;
  return { toolCallId, toolName: event.name };
}

function traceRow(event: TraceEvent): TraceRow {
  return {
    id: event.id,
    name: event.name ?? null,
    userId: event.userId ?? null,
    sessionId: event.sessionId ?? null,
    tags: event.tags,
    environment: event.environment,
    release: event.release ?? null,
    version: event.version ?? null,
    kind: event.traceKind,
    startTime: new Date(event.startTime),
    endTime: at(event.endTime),
    level: event.level,
    statusMessage: event.statusMessage ?? null,
  };
}

function observationRow(event: ObservationEvent, priceBook: PriceBook): ObservationRow {
  const usage = event.usage;
  const row: ObservationRow = {
    id: event.id,
    traceId: event.traceId,
    parentId: event.parentId ?? null,
    type: event.type,
    name: event.name ?? null,
    startTime: new Date(event.startTime),
    endTime: at(event.endTime),
    completionStartTime: at(event.completionStartTime),
    model: event.model ?? null,
    provider: event.provider ?? null,
    modelParameters: modelParameters(event.params),
    level: event.level,
    statusMessage: event.statusMessage ?? null,
    finishReason: event.finishReason ?? null,
    ...usage,
  };
  if (event.type === "GENERATION" && event.model && usage) {
    const cost = priceBook.cost({
      modelId: event.model,
      provider: event.provider,
      at: new Date(event.startTime),
      serviceTier: event.serviceTier,
      usage: {
        inputTokens: usage.inputTokens ?? undefined,
        cacheReadTokens: usage.cacheReadTokens ?? undefined,
        cacheWriteTokens: usage.cacheWriteTokens ?? undefined,
        outputTokens: usage.outputTokens ?? undefined,
        reasoningTokens: usage.reasoningTokens ?? undefined,
      },
    });
    if (cost) {
      row.inputCost = cost.inputCost;
      row.outputCost = cost.outputCost;
      row.totalCost = cost.totalCost;
    }
  }
  return row;
}
