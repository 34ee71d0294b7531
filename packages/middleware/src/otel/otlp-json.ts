import { z } from "zod";
import type { AttributeValue, SpanData } from "./span-data.js";

type AnyValue = {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: { key: string; value?: AnyValue }[] };
  bytesValue?: string;
};

const AnyValueSchema: z.ZodType<AnyValue> = z.lazy(() =>
  z
    .object({
      stringValue: z.string().optional(),
      intValue: z.union([z.string().regex(/^-?\d+$/), z.number().int()]).optional(),
      doubleValue: z.number().optional(),
      boolValue: z.boolean().optional(),
      arrayValue: z.object({ values: z.array(AnyValueSchema).max(1_000).optional() }).optional(),
      kvlistValue: z.object({ values: z.array(z.object({ key: z.string(), value: AnyValueSchema.optional() })).max(1_000).optional() }).optional(),
      bytesValue: z.string().optional(),
    })
    .strict(),
);

const KeyValue = z.object({ key: z.string().min(1).max(256), value: AnyValueSchema.optional() });
const UnixNano = z.union([z.string().regex(/^\d{1,20}$/, "must be a decimal string of nanoseconds"), z.number().int().nonnegative()]);

const OtlpSpan = z.object({
  traceId: z.string().regex(/^[0-9a-f]{32}$/i, "must be 32 hex characters"),
  spanId: z.string().regex(/^[0-9a-f]{16}$/i, "must be 16 hex characters"),
  parentSpanId: z.union([z.literal(""), z.string().regex(/^[0-9a-f]{16}$/i, "must be 16 hex characters")]).optional(),
  name: z.string().min(1).max(1_000),
  kind: z.number().int().min(0).max(5).optional(),
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  attributes: z.array(KeyValue).max(1_000).optional(),
  status: z.object({ code: z.number().int().min(0).max(2).optional(), message: z.string().max(10_000).optional() }).optional(),
  events: z.array(z.object({ name: z.string(), attributes: z.array(KeyValue).optional() }).passthrough()).max(1_000).optional(),
}).passthrough();

/** An OTLP/HTTP JSON trace export request (`POST /v1/traces`), validated. */
export const OtlpTraceRequest = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource: z.object({ attributes: z.array(KeyValue).max(1_000).optional() }).passthrough().optional(),
        scopeSpans: z.array(z.object({ scope: z.object({}).passthrough().optional(), spans: z.array(OtlpSpan).max(10_000) }).passthrough()).max(1_000),
      }).passthrough(),
    )
    .max(1_000),
});
/** Parsed {@link OtlpTraceRequest}. */
export type OtlpTraceRequest = z.infer<typeof OtlpTraceRequest>;

function toValue(value: AnyValue | undefined): AttributeValue {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map((v) => {
    const inner = toValue(v);
    return Array.isArray(inner) || inner === undefined ? JSON.stringify(inner ?? null) : inner;
  });
  if (value.kvlistValue) return JSON.stringify(Object.fromEntries((value.kvlistValue.values ?? []).map((kv) => [kv.key, toValue(kv.value)])));
  return undefined;
}

function attributes(list: { key: string; value?: AnyValue }[] | undefined): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const kv of list ?? []) out[kv.key] = toValue(kv.value);
  return out;
}

function nanosToMs(value: string | number): number {
  return typeof value === "number" ? Math.round(value / 1e6) : Number(BigInt(value) / 1_000_000n);
}

/** Flattens a validated OTLP request into {@link SpanData} (resource attributes included). */
export function otlpToSpans(request: OtlpTraceRequest): SpanData[] {
  const spans: SpanData[] = [];
  for (const resourceSpans of request.resourceSpans) {
    const resource = attributes(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans) {
      for (const span of scopeSpans.spans) {
        const exception = span.events?.find((e) => e.name === "exception");
        const exceptionMessage = exception ? attributes(exception.attributes)["exception.message"] : undefined;
        spans.push({
          traceId: span.traceId.toLowerCase(),
          spanId: span.spanId.toLowerCase(),
          parentSpanId: span.parentSpanId ? span.parentSpanId.toLowerCase() : undefined,
          name: span.name,
          startMs: nanosToMs(span.startTimeUnixNano),
          endMs: nanosToMs(span.endTimeUnixNano),
          attributes: { ...resource, ...attributes(span.attributes) },
          statusCode: span.status?.code ?? 0,
          statusMessage: span.status?.message || undefined,
          exceptionMessage: typeof exceptionMessage === "string" ? exceptionMessage : undefined,
        });
      }
    }
  }
  return spans;
}
