import type { ObservationRow, ScoreRow, TraceRow } from "../domain/rows.js";

let counter = 0;

/** A unique id with a readable prefix (tests share a database). */
export function testId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A trace row with sensible defaults. */
export function makeTrace(overrides: Partial<TraceRow> = {}): TraceRow {
  return {
    id: testId("trace"),
    name: "chat",
    userId: "user-1",
    sessionId: null,
    tags: [],
    environment: "test",
    startTime: new Date("2026-01-02T10:00:00.000Z"),
    endTime: new Date("2026-01-02T10:00:02.000Z"),
    ...overrides,
  };
}

/** A GENERATION row with usage and cost. */
export function makeGeneration(traceId: string, overrides: Partial<ObservationRow> = {}): ObservationRow {
  return {
    id: testId("gen"),
    traceId,
    type: "GENERATION",
    name: "chat gpt-4o-mini",
    startTime: new Date("2026-01-02T10:00:00.100Z"),
    endTime: new Date("2026-01-02T10:00:01.100Z"),
    completionStartTime: new Date("2026-01-02T10:00:00.350Z"),
    model: "gpt-4o-mini",
    provider: "openai",
    inputTokens: 1000,
    cacheReadTokens: 400,
    cacheWriteTokens: 0,
    outputTokens: 500,
    reasoningTokens: 200,
    totalTokens: 1500,
    inputCost: 0.00012,
    outputCost: 0.0003,
    totalCost: 0.00042,
    ...overrides,
  };
}

/** A feedback score row. */
export function makeScore(overrides: Partial<ScoreRow> = {}): ScoreRow {
  return {
    id: testId("score"),
    name: "user-feedback",
    dataType: "BOOLEAN",
    value: 1,
    source: "FEEDBACK",
    timestamp: new Date("2026-01-02T10:00:05.000Z"),
    ...overrides,
  };
}
