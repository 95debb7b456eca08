"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { axis, CHART_HEIGHT, grid, tooltipStyle } from "@/components/charts/chart-theme";
import type { SloSeries } from "@/lib/slo/series";

/*
 * The SLO page's three charts, drawn in the browser only (dates are shown in the viewer's
 * time zone, which the server does not know). Each chart keeps its height while it loads,
 * takes keyboard focus (arrow keys move the tooltip), and has a data table beside it on
 * the page. Colours are the app's own custom properties, so light, dark and print follow.
 */

// Each daily point is a UTC day (the table beside the charts says so): labelled as that day.
const dayFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const hourFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
});
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const pct = (v: number, digits = 2) => `${(v * 100).toFixed(digits)} %`;
/** A line through a point or two is invisible: with so little data, draw the points. */
const sparse = <T extends Record<string, unknown>>(data: T[], key: keyof T) =>
  data.filter((d) => d[key] !== null && d[key] !== undefined).length < 3;

function Excluded({ series }: { series: SloSeries }) {
  return series.excluded.map((e) => (
    <ReferenceArea
      key={e.start}
      x1={Date.parse(e.start)}
      x2={Date.parse(e.end)}
      fill="var(--muted-foreground)"
      fillOpacity={0.15}
      stroke="none"
      ifOverflow="hidden"
    />
  ));
}

export function AttainmentChart({ series }: { series: SloSeries }) {
  const data = series.days.map((d) => ({ t: Date.parse(d.day), window: d.windowSli, day: d.sli }));
  const values = data.flatMap((d) => [d.window, d.day]).filter((v): v is number => v !== null);
  const low = Math.min(series.target, ...values);
  const floor = Math.max(0, low - (1 - low) * 0.25);
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={data} accessibilityLayer margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid stroke={grid.stroke} vertical={false} />
        <Excluded series={series} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t) => dayFormat.format(t)}
          {...axis}
        />
        <YAxis domain={[floor, 1]} tickFormatter={(v) => pct(v, 2)} width={78} {...axis} />
        <Tooltip
          {...tooltipStyle}
          labelFormatter={(t) => dayFormat.format(Number(t))}
          formatter={(v, name) => [typeof v === "number" ? pct(v, 3) : "No data", name]}
        />
        <ReferenceLine
          y={series.target}
          stroke="var(--breaching)"
          strokeDasharray="4 4"
          label={{ value: "Target", position: "insideTopLeft", fill: "var(--breaching-fg)", fontSize: 11 }}
        />
        <Line
          name="Window SLI"
          dataKey="window"
          stroke="var(--primary)"
          strokeWidth={2}
          dot={sparse(data, "window")}
          isAnimationActive={false}
        />
        <Line
          name="That day"
          dataKey="day"
          stroke="var(--muted-foreground)"
          strokeWidth={1}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function BudgetChart({ series }: { series: SloSeries }) {
  const data = series.days.map((d) => ({ t: Date.parse(d.day), budget: d.budgetRemaining }));
  const values = data.map((d) => d.budget).filter((v): v is number => v !== null);
  // Ticks on round shares of the budget (quarters, or halves when it is far overspent).
  const step = Math.min(0, ...values) < -1 ? 0.5 : 0.25;
  const low = Math.floor(Math.min(0, ...values) / step) * step;
  const ticks = Array.from({ length: Math.round((1 - low) / step) + 1 }, (_, i) => low + i * step);
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <AreaChart data={data} accessibilityLayer margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid stroke={grid.stroke} vertical={false} />
        <Excluded series={series} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t) => dayFormat.format(t)}
          {...axis}
        />
        <YAxis domain={[low, 1]} ticks={ticks} tickFormatter={(v) => pct(v, 0)} width={52} {...axis} />
        <Tooltip
          {...tooltipStyle}
          labelFormatter={(t) => dayFormat.format(Number(t))}
          formatter={(v) => [typeof v === "number" ? pct(v, 1) : "No data", "Budget left"]}
        />
        <ReferenceLine y={0} stroke="var(--breaching)" strokeWidth={1.5} />
        <ReferenceLine y={0.25} stroke="var(--at-risk)" strokeDasharray="4 4" />
        <Area
          name="Budget left"
          dataKey="budget"
          stroke="var(--primary)"
          fill="var(--primary)"
          fillOpacity={0.15}
          strokeWidth={2}
          dot={sparse(data, "budget")}
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}

export function BurnChart({ series }: { series: SloSeries }) {
  const data = series.hours.map((h) => ({ t: Date.parse(h.hour), burn1h: h.burn1h, burn6h: h.burn6h }));
  const top = Math.max(
    series.thresholds.page_fast * 1.15,
    ...data.flatMap((d) => [d.burn1h ?? 0, d.burn6h ?? 0]),
  );
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={data} accessibilityLayer margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid stroke={grid.stroke} vertical={false} />
        <Excluded series={series} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t) => hourFormat.format(t)}
          minTickGap={40}
          {...axis}
        />
        <YAxis domain={[0, Math.ceil(top)]} tickFormatter={(v) => `${v}×`} width={40} {...axis} />
        <Tooltip
          {...tooltipStyle}
          labelFormatter={(t) => fullFormat.format(Number(t))}
          formatter={(v, name) => [typeof v === "number" ? `${v.toFixed(2)}×` : "No data", name]}
        />
        <ReferenceLine
          y={series.thresholds.page_fast}
          stroke="var(--breaching)"
          strokeDasharray="4 4"
          label={{
            value: `Page, 1h > ${series.thresholds.page_fast.toFixed(1)}×`,
            position: "insideTopRight",
            fill: "var(--breaching-fg)",
            fontSize: 11,
          }}
        />
        <ReferenceLine
          y={series.thresholds.page_slow}
          stroke="var(--at-risk)"
          strokeDasharray="4 4"
          label={{
            value: `Page, 6h > ${series.thresholds.page_slow.toFixed(1)}×`,
            position: "insideTopRight",
            fill: "var(--at-risk-fg)",
            fontSize: 11,
          }}
        />
        <ReferenceLine y={1} stroke="var(--muted-foreground)" strokeDasharray="2 4" />
        <Line
          name="1 hour"
          dataKey="burn1h"
          stroke="var(--primary)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          name="6 hours"
          dataKey="burn6h"
          stroke="var(--at-risk)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
