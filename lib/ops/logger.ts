import pino from "pino";

/** Structured JSON logs on stdout, one object a line, for whatever collects them. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "pharos" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
