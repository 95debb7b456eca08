import { z } from "zod";
import { MAX_OPENSLO_BYTES, parseOpenSlo } from "./parse";

/**
 * An OpenSLO file as the import command and its dry run take it: at most 1 MB of UTF-8,
 * parsed into documents while the input is parsed, so no YAML is read while a transaction
 * is open, and both refuse and report exactly the same things.
 */
export const openSloFileInput = z.object({
  yaml: z
    .string({ error: "Send the OpenSLO file as text." })
    .min(1, "The file is empty.")
    .refine(
      (text) => Buffer.byteLength(text, "utf8") <= MAX_OPENSLO_BYTES,
      "OpenSLO files are limited to 1 MB; split it into smaller files.",
    )
    .transform(parseOpenSlo),
});
