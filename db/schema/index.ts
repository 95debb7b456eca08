export * from "./catalog";
export * from "./catalog-locations";
export * from "./enums";
export * from "./jobs";
export * from "./platform";
export * from "./preferences";
export * from "./slo";
export * from "./webhooks";
