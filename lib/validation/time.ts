import { z } from "zod";

/**
 * An ISO-8601 date and time with its zone ("2026-12-01T10:05Z", "…+01:00"). A time without
 * a zone means something different on every machine that reads it, so it is refused.
 */
export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const isIsoWithZone = (v: string) => ISO_WITH_ZONE.test(v) && !Number.isNaN(Date.parse(v));

/** A required time, parsed to a Date; `label` names it in the message. */
export function isoTime(label: string) {
  return z
    .string({ error: `${label}: give a date and time with its zone, e.g. 2026-12-06T02:00Z.` })
    .trim()
    .refine(
      isIsoWithZone,
      `${label}: give a date and time with its zone, e.g. 2026-12-06T02:00Z (or an offset such as +01:00).`,
    )
    .transform((v) => new Date(Date.parse(v)));
}
