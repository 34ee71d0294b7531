import type { Context } from "@opentelemetry/api";
import type { LoupeEvent } from "../domain/events.js";
import type { SpanData } from "./span-data.js";
import { LOUPE_RECORDED_ATTRIBUTE, LOUPE_TRACE_ID_ATTRIBUTE, spanToEvents } from "./span-to-events.js";

/** The slice of an OpenTelemetry SDK `ReadableSpan` the processor reads. */
export interface ReadableSpanLike {
  name: string;
  spanContext(): { traceId: string; spanId: string };
  parentSpanContext?: { spanId: string };
  parentSpanId?: string;
  startTime: [number, number];
  endTime: [number, number];
  attributes: Record<string, unknown>;
  status: { code: number; message?: string };
  events?: { name: string; attributes?: Record<string, unknown> }[];
}

/** What the processor needs from Loupe. */
export interface SpanIngest {
  enqueue(event: LoupeEvent): void;
  flush(): Promise<boolean>;
  environment: string;
}

const MAX_REMEMBERED_TRACES = 10_000;

function hrToMs([seconds, nanos]: [number, number]): number {
  return seconds * 1000 + nanos / 1e6;
}

/** Converts an SDK span to {@link SpanData}. */
export function fromReadableSpan(span: ReadableSpanLike): SpanData {
  const context = span.spanContext();
  const exception = span.events?.find((e) => e.name === "exception")?.attributes?.["exception.message"];
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? span.parentSpanId,
    name: span.name,
    startMs: Math.round(hrToMs(span.startTime)),
    endMs: Math.round(hrToMs(span.endTime)),
    attributes: span.attributes as SpanData["attributes"],
    statusCode: span.status.code,
    statusMessage: span.status.message || undefined,
    exceptionMessage: typeof exception === "string" ? exception : undefined,
  };
}

/**
 * An OpenTelemetry span processor that records the AI SDK's spans (`@ai-sdk/otel`
 * GenAI spans or the legacy `ai.*` spans) into Loupe, for apps that already trace with
 * OpenTelemetry: `registerOTel({ spanProcessors: [new LoupeSpanProcessor(loupe)] })`.
 * Calls Loupe's middleware already recorded are skipped (never stored twice), and so
 * are Loupe's own exported spans. Work on span end is a conversion and an enqueue.
 */
export class LoupeSpanProcessor {
  private readonly recordedTraces = new Set<string>();

  constructor(private readonly loupe: SpanIngest) {}

  /** Nothing to do when a span starts. */
  onStart(_span: unknown, _parentContext: Context): void {}

  /** Records the span if it is AI work Loupe has not recorded already. */
  onEnd(span: ReadableSpanLike): void {
    try {
      if (span.attributes[LOUPE_TRACE_ID_ATTRIBUTE] !== undefined) return;
      const traceId = span.spanContext().traceId;
      if (span.attributes[LOUPE_RECORDED_ATTRIBUTE] === true) {
        this.remember(traceId);
        return;
      }
      if (this.recordedTraces.has(traceId)) return;
      for (const event of spanToEvents(fromReadableSpan(span), this.loupe.environment)) this.loupe.enqueue(event);
    } catch {
      // never break the host's tracing pipeline
    }
  }

  /** Writes what is queued. */
  async forceFlush(): Promise<void> {
    await this.loupe.flush();
  }

  /** Writes what is queued (Loupe itself is shut down by its owner). */
  async shutdown(): Promise<void> {
    await this.loupe.flush();
  }

  private remember(traceId: string): void {
    if (this.recordedTraces.size >= MAX_REMEMBERED_TRACES) {
      this.recordedTraces.delete(this.recordedTraces.values().next().value as string);
    }
    this.recordedTraces.add(traceId);
  }
}
