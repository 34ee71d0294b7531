/** OpenTelemetry both ways: GenAI span export, the span processor, OTLP/JSON ingest. */
export { LoupeSpanProcessor, fromReadableSpan, type ReadableSpanLike } from "./loupe-span-processor.js";
export { spanToEvents, classifySpan, LOUPE_RECORDED_ATTRIBUTE, LOUPE_TRACE_ID_ATTRIBUTE } from "./span-to-events.js";
export { OtlpTraceRequest, otlpToSpans } from "./otlp-json.js";
export type { SpanData } from "./span-data.js";
