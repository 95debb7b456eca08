import { servicesSource, teamsSource } from "./catalog-source";
import { incidentsSource } from "./incident-source";
import { problemsSource } from "./problem-source";
import { slosSource } from "./slo-source";
import type { PaletteSource } from "./types";

/** Every domain's palette source, in the order their groups are shown. */
export const PALETTE_SOURCES: readonly PaletteSource[] = [
  servicesSource,
  teamsSource,
  slosSource,
  incidentsSource,
  problemsSource,
];
