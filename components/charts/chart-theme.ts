/*
 * The one look of every chart: axes, grid and tooltip drawn with the app's own custom
 * properties (app/globals.css), so light, dark and print follow without a chart knowing.
 * Series colours come from their domain's palette (STATE_COLORS, SEVERITY_COLORS).
 */

export const CHART_HEIGHT = 220;

export const axis = { stroke: "var(--muted-foreground)", fontSize: 11, tickLine: false } as const;

export const grid = { stroke: "var(--border)" } as const;

export const tooltipStyle = {
  contentStyle: {
    background: "var(--card)",
    border: "1px solid var(--border)",
    borderRadius: 6,
    color: "var(--foreground)",
    fontSize: 12,
  },
  labelStyle: { color: "var(--muted-foreground)" },
};
