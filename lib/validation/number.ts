import { z } from "zod";

// What a number typed into a form looks like: digits, an optional sign and decimals. Not
// "", " ", "0x1f", "1e3" or "12abc", all of which `Number()` would quietly accept or bend.
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

type IntegerOptions = {
  min: number;
  max: number;
  /** When the value is no number at all. */
  notANumber?: string;
  notWhole?: string;
  tooSmall?: string;
  tooLarge?: string;
};

/**
 * A whole number from JSON (a number) or from a form (a numeric string, since form data is
 * text). Arrays, booleans, objects, blank strings and non-finite numbers (`1e400` in JSON is
 * Infinity) are refused, where `z.coerce.number()` would read `[]` as 0 and `true` as 1.
 */
export function integer(options: IntegerOptions) {
  const { min, max } = options;
  return z.preprocess(
    (v) => (typeof v === "string" && DECIMAL.test(v.trim()) ? Number(v.trim()) : v),
    z
      .number({ error: options.notANumber ?? "Use a whole number, e.g. 30." })
      .int(options.notWhole ?? "Use a whole number.")
      .min(min, options.tooSmall ?? `Must be at least ${min.toLocaleString("en-US")}.`)
      .max(max, options.tooLarge ?? `Must be at most ${max.toLocaleString("en-US")}.`),
  );
}
