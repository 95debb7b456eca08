import type { Logger, LoggerOptions } from "pino";

export const CENSOR: string;
export function safePath(url: string | URL | null | undefined): string;
export function scrubText(text: string): string;
export function censor(value: unknown, depth?: number, seen?: WeakSet<object>): unknown;
export function serializeError(err: unknown, depth?: number): unknown;
export function serializeRequest(req: { method?: string; url?: string } | null | undefined): unknown;
export function logOptions(options: { level: string }): LoggerOptions;
export function routeConsole(log: Logger): void;
