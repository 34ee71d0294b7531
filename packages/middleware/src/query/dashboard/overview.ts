import type { DashboardFilters } from "./filters.js";
import { tracePercentiles, type Percentiles } from "./percentiles.js";
import { feedbackSeries } from "./score-aggregates.js";
import type { DashboardStore } from "./sql-params.js";
import { bucketRange, pickGrain, type Grain } from "./time-buckets.js";
import { usageSeries, type ModelUsagePoint } from "./usage-series.js";

/** The overview cards. Rates and means are null when there is nothing to divide. */
export interface OverviewTotals {
  traces: number;
  errorTraces: number;
  /** errorTraces / traces. */
  errorRate: number | null;
  generations: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Sum of known costs (USD). */
  cost: number;
  /** Generations without a price: `cost` is a lower bound when > 0. */
  unpricedCount: number;
  latency: Percentiles;
  ttftP50: number | null;
  thumbsUp: number;
  thumbsDown: number;
  /** thumbsUp / (thumbsUp + thumbsDown). */
  thumbsUpRatio: number | null;
  judgeMean: number | null;
  judgeCount: number;
}

/** One bucket of the overview charts (every bucket of the range is present, zero-filled). */
export interface OverviewPoint extends Percentiles {
  bucket: string;
  traces: number;
  errorTraces: number;
  errorRate: number | null;
  generations: number;
  totalTokens: number;
  cost: number;
  thumbsUp: number;
  thumbsDown: number;
  judgeMean: number | null;
}

/** Everything the overview page shows. */
export interface Overview {
  grain: Grain;
  totals: OverviewTotals;
  series: OverviewPoint[];
  /** Cost, generations and tokens per model and bucket (only non-empty points). */
  costByModel: ModelUsagePoint[];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The overview of a time range: cards and chart series. Cost and volume come from the
 * daily rollup for whole days (raw rows at the edges, or at hour grain); percentiles
 * scan the range's traces; thumbs and judge means scan the range's scores.
 */
export async function getOverview(store: DashboardStore, filters: DashboardFilters, grain = pickGrain(filters.from, filters.to)): Promise<Overview> {
  const usage = await usageSeries(store, filters, grain);
  const latencyTotal = (await tracePercentiles(store, filters, "latency_ms"))[0];
  const ttftTotal = (await tracePercentiles(store, filters, "ttft_ms"))[0];
  const latencySeries = await tracePercentiles(store, filters, "latency_ms", grain);
  const feedback = await feedbackSeries(store, filters, grain);
  // Totals from the series: one scan of the range's scores instead of two.
  const judged = feedback.reduce((n, f) => n + f.judgeCount, 0);
  const feedbackTotal = {
    thumbsUp: feedback.reduce((n, f) => n + f.thumbsUp, 0),
    thumbsDown: feedback.reduce((n, f) => n + f.thumbsDown, 0),
    judgeCount: judged,
    judgeMean: judged ? feedback.reduce((n, f) => n + (f.judgeMean ?? 0) * f.judgeCount, 0) / judged : null,
  };

  const sum = <T>(items: T[], f: (x: T) => number) => items.reduce((acc, x) => acc + f(x), 0);
  const traces = sum(usage.traces, (t) => t.traceCount);
  const errorTraces = sum(usage.traces, (t) => t.errorTraceCount);
  const thumbsUp = feedbackTotal?.thumbsUp ?? 0;
  const thumbsDown = feedbackTotal?.thumbsDown ?? 0;
  const totals: OverviewTotals = {
    traces,
    errorTraces,
    errorRate: ratio(errorTraces, traces),
    generations: sum(usage.models, (m) => m.generationCount),
    inputTokens: sum(usage.models, (m) => m.inputTokens),
    outputTokens: sum(usage.models, (m) => m.outputTokens),
    totalTokens: sum(usage.models, (m) => m.totalTokens),
    cost: sum(usage.models, (m) => m.cost),
    unpricedCount: sum(usage.models, (m) => m.unpricedCount),
    latency: { p50: latencyTotal?.p50 ?? null, p95: latencyTotal?.p95 ?? null, p99: latencyTotal?.p99 ?? null },
    ttftP50: ttftTotal?.p50 ?? null,
    thumbsUp,
    thumbsDown,
    thumbsUpRatio: ratio(thumbsUp, thumbsUp + thumbsDown),
    judgeMean: feedbackTotal?.judgeMean ?? null,
    judgeCount: feedbackTotal?.judgeCount ?? 0,
  };

  const traceBy = new Map(usage.traces.map((t) => [t.bucket, t]));
  const latencyBy = new Map(latencySeries.map((l) => [l.bucket, l]));
  const feedbackBy = new Map(feedback.map((f) => [f.bucket, f]));
  const series = bucketRange(filters.from, filters.to, grain).map((bucket): OverviewPoint => {
    const models = usage.models.filter((m) => m.bucket === bucket);
    const t = traceBy.get(bucket);
    const l = latencyBy.get(bucket);
    const f = feedbackBy.get(bucket);
    return {
      bucket,
      traces: t?.traceCount ?? 0,
      errorTraces: t?.errorTraceCount ?? 0,
      errorRate: ratio(t?.errorTraceCount ?? 0, t?.traceCount ?? 0),
      generations: sum(models, (m) => m.generationCount),
      totalTokens: sum(models, (m) => m.totalTokens),
      cost: sum(models, (m) => m.cost),
      p50: l?.p50 ?? null,
      p95: l?.p95 ?? null,
      p99: l?.p99 ?? null,
      thumbsUp: f?.thumbsUp ?? 0,
      thumbsDown: f?.thumbsDown ?? 0,
      judgeMean: f?.judgeMean ?? null,
    };
  });
  return { grain, totals, series, costByModel: usage.models };
}
