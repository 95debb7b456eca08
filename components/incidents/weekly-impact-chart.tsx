"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { axis, CHART_HEIGHT, grid, tooltipStyle } from "@/components/charts/chart-theme";

type Week = { weekStart: string; incidents: number; impactMinutes: number };

const weekFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Incidents per ISO week (bars) and minutes of impact (line, its own axis): a week of many
 * short incidents and a week of one long outage look different, as they should. The page
 * shows the same numbers as a table beside it.
 */
export function WeeklyImpactChart({ weeks }: { weeks: Week[] }) {
  const data = weeks.map((w) => ({
    ...w,
    t: Date.parse(w.weekStart),
    impactMinutes: Math.round(w.impactMinutes),
  }));
  return (
    <div
      role="img"
      aria-label="Incidents and minutes of impact per week; the table below lists the same numbers"
      tabIndex={-1}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT + 30}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid stroke={grid.stroke} vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t) => weekFormat.format(t)}
            {...axis}
          />
          <YAxis yAxisId="n" allowDecimals={false} width={32} {...axis} />
          <YAxis yAxisId="m" orientation="right" width={48} {...axis} />
          <Tooltip
            {...tooltipStyle}
            labelFormatter={(t) => `Week of ${weekFormat.format(Number(t))}`}
            formatter={(value, name) => [value, name === "incidents" ? "Incidents" : "Minutes of impact"]}
          />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(v) => (v === "incidents" ? "Incidents" : "Minutes of impact")}
          />
          <Bar yAxisId="n" dataKey="incidents" fill="var(--primary)" radius={[3, 3, 0, 0]} maxBarSize={18} />
          <Line
            yAxisId="m"
            dataKey="impactMinutes"
            stroke="var(--sev1)"
            strokeWidth={2}
            dot={false}
            type="monotone"
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
