export * from "./catalog";
export * from "./enums";
export * from "./platform";
export * from "./preferences";
