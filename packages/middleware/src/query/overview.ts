import type { Overview, OverviewPoint, OverviewTotals } from "../domain/dashboard-views.js";
import type { DashboardFilters } from "../domain/read-queries.js";
import { bucketRange, pickGrain } from "../domain/time-buckets.js";
import type { TraceStore } from "../store/trace-store.js";

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The overview of a time range: cards and chart series, composed from the store's
 * usage, percentile and feedback reads (each answers from a rollup where one can — the
 * store's rule — and from raw rows otherwise). Every bucket of the range is present.
 */
export async function getOverview(store: TraceStore, filters: DashboardFilters, grain = pickGrain(filters.from, filters.to)): Promise<Overview> {
  const usage = await store.usageSeries(filters, grain);
  const latencyTotal = (await store.tracePercentiles(filters, "latency"))[0];
  const ttftTotal = (await store.tracePercentiles(filters, "ttft"))[0];
  const latencySeries = await store.tracePercentiles(filters, "latency", grain);
  const feedback = await store.feedbackSeries(filters, grain);
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
