"use client";

import dynamic from "next/dynamic";
import type { SloSeries } from "@/lib/slo/series";

/** The chart's height, kept while its code loads, so nothing below it moves. */
const Reserved = () => <div className="h-[220px] animate-pulse rounded bg-muted/50" aria-hidden />;

const charts = {
  attainment: dynamic(() => import("./slo-charts").then((m) => m.AttainmentChart), {
    ssr: false,
    loading: Reserved,
  }),
  budget: dynamic(() => import("./slo-charts").then((m) => m.BudgetChart), { ssr: false, loading: Reserved }),
  burn: dynamic(() => import("./slo-charts").then((m) => m.BurnChart), { ssr: false, loading: Reserved }),
};

/**
 * One chart of the SLO page, labelled for screen readers (the table below says the same).
 * Recharts' accessibility layer makes the chart itself focusable: arrow keys move its tooltip.
 */
export function SloChart({
  kind,
  series,
  label,
}: {
  kind: keyof typeof charts;
  series: SloSeries;
  label: string;
}) {
  const Chart = charts[kind];
  return (
    <figure className="slo-chart h-[220px]" aria-label={label} data-testid={`chart-${kind}`}>
      <Chart series={series} />
    </figure>
  );
}
