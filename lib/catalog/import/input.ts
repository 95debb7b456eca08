import { z } from "zod";
import { MAX_IMPORT_BYTES, tooLargeMessage } from "./limits";
import { readCatalogFile } from "./plan";

/**
 * A catalog-info.yaml as a command or query takes it: at most MAX_IMPORT_BYTES of UTF-8,
 * and read into entities while the input is parsed, so a 50 MB file is never parsed while
 * a transaction (and its locks) is open. The dry run and the import share it, so both
 * refuse and report exactly the same things.
 */
export const importFileInput = z.object({
  yaml: z
    .string({ error: "Send the catalog-info.yaml as text." })
    .min(1, "The file is empty.")
    .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_IMPORT_BYTES, tooLargeMessage())
    .transform(readCatalogFile),
});
