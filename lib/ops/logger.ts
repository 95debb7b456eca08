import pino, { type DestinationStream, type Logger } from "pino";
import { logOptions } from "./log-redaction.mjs";

function defaultLevel(): string {
  return process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
}

/**
 * A logger with Pharos's redaction (lib/ops/log-redaction.mjs), writing JSON lines to
 * `destination` (stdout by default). Tests pass a stream to read what would be logged.
 */
export function createLogger(destination?: DestinationStream, level = defaultLevel()): Logger {
  return pino(logOptions({ level }), destination);
}

/** Structured JSON logs on stdout, one object a line, for whatever collects them. */
export const logger = createLogger();
