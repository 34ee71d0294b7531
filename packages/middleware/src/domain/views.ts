import type { Level, ObservationType, ScoreDataType, ScoreSource, TraceKind } from "../domain/rows.js";

/** Token counts of a trace, observation or rollup (AI SDK convention). */
export interface UsageView {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  totalTokens: number;
}

/** A trace as tables show it: no payloads, totals included. */
export interface TraceSummary {
  id: string;
  name: string | null;
  userId: string | null;
  sessionId: string | null;
  tags: string[];
  environment: string;
  release: string | null;
  version: string | null;
  kind: TraceKind;
  startTime: Date;
  endTime: Date | null;
  latencyMs: number | null;
  ttftMs: number | null;
  level: Level;
  statusMessage: string | null;
  models: string[];
  observationCount: number;
  generationCount: number;
  errorCount: number;
  usage: UsageView;
  inputCost: number | null;
  outputCost: number | null;
  /** null when no generation had a known price. */
  totalCost: number | null;
  /** Generations without a price (then the cost is a lower bound). */
  unpricedCount: number;
  inputPreview: string | null;
  outputPreview: string | null;
}

/** An observation with its payloads parsed back from JSON. */
export interface ObservationView {
  id: string;
  traceId: string;
  parentId: string | null;
  type: ObservationType;
  name: string | null;
  startTime: Date;
  endTime: Date | null;
  completionStartTime: Date | null;
  latencyMs: number | null;
  /** Time to first token in ms, for generations that streamed. */
  ttftMs: number | null;
  model: string | null;
  provider: string | null;
  modelParameters: Record<string, unknown> | null;
  level: Level;
  statusMessage: string | null;
  finishReason: string | null;
  promptName: string | null;
  promptVersion: number | null;
  usage: UsageView | null;
  inputCost: number | null;
  outputCost: number | null;
  totalCost: number | null;
  input: unknown;
  output: unknown;
  metadata: unknown;
  truncated: boolean;
}

/** A score as views show it. */
export interface ScoreView {
  id: string;
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
  name: string;
  dataType: ScoreDataType;
  value: number | null;
  stringValue: string | null;
  comment: string | null;
  source: ScoreSource;
  authorId: string | null;
  evaluatorId: string | null;
  userId: string | null;
  timestamp: Date;
}

/** A trace with its tree (observations in start order), payloads and scores. */
export interface TraceDetail extends TraceSummary {
  input: unknown;
  output: unknown;
  metadata: unknown;
  observations: ObservationView[];
  scores: ScoreView[];
}

/** A session with totals. */
export interface SessionSummary {
  id: string;
  userId: string | null;
  environment: string;
  firstTraceAt: Date;
  lastTraceAt: Date;
  traceCount: number;
  errorCount: number;
  totalTokens: number;
  totalCost: number | null;
}

/** One row of the per day/user/environment/model/kind rollup. */
export interface UsageDailyRow extends UsageView {
  day: string;
  userId: string;
  environment: string;
  model: string;
  kind: string;
  traceCount: number;
  errorTraceCount: number;
  generationCount: number;
  errorCount: number;
  totalCost: number;
  unpricedCount: number;
  latencyMsSum: number;
}

/** One page of a keyset-paged list. `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One bin of the hourly latency/TTFT histogram rollup. */
export interface LatencyHourlyRow {
  hour: string;
  environment: string;
  kind: string;
  metric: string;
  bin: number;
  count: number;
}

/** One row of the daily score rollup. */
export interface ScoreDailyRow {
  day: string;
  environment: string;
  source: string;
  name: string;
  scoreCount: number;
  valueCount: number;
  valueSum: number;
  positiveCount: number;
  negativeCount: number;
}

/** Every rollup the store maintains, in key order (for consistency checks and exports). */
export interface RollupSnapshot {
  usageDaily: UsageDailyRow[];
  latencyHourly: LatencyHourlyRow[];
  scoreDaily: ScoreDailyRow[];
}
