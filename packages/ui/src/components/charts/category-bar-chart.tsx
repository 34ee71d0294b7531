"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Props of {@link CategoryBarChart}. */
export interface CategoryBarChartProps {
  data: { label: string; count: number }[];
  title: string;
  height?: number;
}

/** A bar per category or bin (score distributions). */
export function CategoryBarChart({ data, title, height = 180 }: CategoryBarChartProps) {
  const axis = { stroke: "var(--loupe-muted-foreground)", fontSize: 11, tickLine: false, axisLine: false } as const;
  return (
    <div role="img" aria-label={title} style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--loupe-border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} {...axis} />
          <YAxis width={40} allowDecimals={false} {...axis} />
          <Tooltip
            contentStyle={{ background: "var(--loupe-card)", border: "1px solid var(--loupe-border)", borderRadius: 6, fontSize: 12 }}
            labelStyle={{ color: "var(--loupe-foreground)" }}
            cursor={{ fill: "var(--loupe-muted)" }}
          />
          <Bar dataKey="count" name="scores" fill="var(--loupe-chart-1)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
