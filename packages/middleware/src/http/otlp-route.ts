import { timingSafeEqual } from "node:crypto";
import type { LoupeEvent } from "../domain/events.js";
import { OtlpTraceRequest, otlpToSpans } from "../otel/otlp-json.js";
import { spanToEvents } from "../otel/span-to-events.js";
import { json, problem, readJson } from "./http.js";

/** What the OTLP route needs from Loupe. */
export interface OtlpDeps {
  /** Accepted project keys; none = the endpoint is off (404). */
  otlpKeys: string[];
  environment: string;
  /** Writes the events in one transaction (all or nothing). */
  ingest(events: LoupeEvent[]): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

function keyMatches(given: string, keys: string[]): boolean {
  const a = Buffer.from(given);
  let ok = false;
  for (const key of keys) {
    const b = Buffer.from(key);
    if (a.length === b.length && timingSafeEqual(a, b)) ok = true;
  }
  return ok;
}

/**
 * `POST …/v1/traces`: OTLP/HTTP JSON spans from other services (a Python worker, an edge
 * function), authenticated with a project key (`Authorization: Bearer <key>` or
 * `x-loupe-key`). The whole request is validated before anything is written, and then
 * written in one transaction: bad input gets a 4xx and writes nothing.
 */
export async function postOtlpTraces(request: Request, deps: OtlpDeps): Promise<Response> {
  if (deps.otlpKeys.length === 0) return problem(404, "Not found");
  const given = request.headers.get("x-loupe-key") ?? request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!given || !keyMatches(given, deps.otlpKeys)) return problem(401, "Missing or wrong project key: send `Authorization: Bearer <LOUPE_OTLP_KEY>`.");
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    return problem(415, "Only OTLP/HTTP JSON is accepted: send Content-Type: application/json (protobuf is not supported).");
  }
  const body = await readJson(request, MAX_BODY);
  if (!body.ok) return problem(body.status, body.message);
  const parsed = OtlpTraceRequest.safeParse(body.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
    return problem(400, `Invalid OTLP trace request: ${issues.join("; ")}`);
  }
  const spans = otlpToSpans(parsed.data);
  for (const span of spans) {
    if (span.endMs < span.startMs) return problem(400, `Span ${span.spanId} ends before it starts.`);
  }
  const events = spans.flatMap((span) => spanToEvents(span, deps.environment));
  if (events.length > 0) await deps.ingest(events);
  return json({ partialSuccess: {} });
}
