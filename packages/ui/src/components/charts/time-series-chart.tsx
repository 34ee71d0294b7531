"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBucket } from "../../lib/format.js";
import { formatValue, type ValueFormat } from "./value-format.js";

/** One plotted series: a key of the data rows. */
export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS color; default: the theme's chart colors in order. */
  color?: string;
}

/** Props of {@link TimeSeriesChart}. */
export interface TimeSeriesChartProps {
  /** Rows with a `bucket` key ("YYYY-MM-DD" or "YYYY-MM-DDTHH") and one number per series. */
  data: Record<string, string | number | null>[];
  series: ChartSeries[];
  kind?: "line" | "bar";
  stacked?: boolean;
  format?: ValueFormat;
  height?: number;
  /** Accessible name of the chart. */
  title: string;
}

const PALETTE = ["var(--loupe-chart-1)", "var(--loupe-chart-2)", "var(--loupe-chart-3)", "var(--loupe-chart-4)", "var(--loupe-chart-5)"];

/** A line or (stacked) bar chart over time buckets, themed by Loupe's CSS variables. */
export function TimeSeriesChart({ data, series, kind = "line", stacked = false, format = "count", height = 220, title }: TimeSeriesChartProps) {
  const color = (s: ChartSeries, i: number) => s.color ?? PALETTE[i % PALETTE.length];
  const axis = { stroke: "var(--loupe-muted-foreground)", fontSize: 11, tickLine: false, axisLine: false } as const;
  const common = (
    <>
      <CartesianGrid stroke="var(--loupe-border)" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="bucket" tickFormatter={formatBucket} minTickGap={24} {...axis} />
      <YAxis width={56} tickFormatter={(v: number) => formatValue(format, v)} {...axis} />
      <Tooltip
        labelFormatter={(label) => String(label).replace("T", " ") + (String(label).length === 13 ? ":00" : "")}
        formatter={(value) => formatValue(format, value)}
        contentStyle={{ background: "var(--loupe-card)", border: "1px solid var(--loupe-border)", borderRadius: 6, fontSize: 12 }}
        labelStyle={{ color: "var(--loupe-foreground)" }}
        cursor={{ fill: "var(--loupe-muted)" }}
      />
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
    </>
  );
  return (
    <div role="img" aria-label={title} style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "bar" ? (
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {common}
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={color(s, i)} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
            ))}
          </BarChart>
        ) : (
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {common}
            {series.map((s, i) => (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={color(s, i)} dot={false} strokeWidth={2} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
