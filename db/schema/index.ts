export * from "./catalog";
export * from "./catalog-locations";
export * from "./enums";
export * from "./platform";
export * from "./preferences";
export * from "./slo";
