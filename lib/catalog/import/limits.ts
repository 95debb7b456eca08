/*
 * The catalog import's size limit, in one place for every door: the REST route's body
 * limit, the import command's input, the server action's body limit (next.config.ts) and
 * the check the import page makes before it sends anything. Plain constants, so the
 * browser bundle and the Next config can import them.
 */

/** The largest catalog-info.yaml Pharos imports, in bytes of UTF-8. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "50 MB";

/**
 * What a server action carrying a file of MAX_IMPORT_BYTES may weigh: React sends the
 * arguments as JSON, where every line break and quote takes two bytes, so a YAML file grows
 * by a few percent and even one made only of line breaks stays under twice its size.
 */
export const IMPORT_ACTION_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024;

/** The refusal every door gives for a file over the limit. */
export function tooLargeMessage(bytes?: number): string {
  const size = bytes === undefined ? "" : `This file is ${formatMegabytes(bytes)}; `;
  return `${size}${size ? "files" : "Files"} are limited to ${MAX_IMPORT_LABEL}. Split the catalog into smaller files.`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

/**
 * Why the import page should not send `text`, or null. It measures what the server will
 * measure: the UTF-8 bytes of the file, and the server action's JSON body.
 */
export function uploadSizeProblem(text: string): string | null {
  const bytes = new Blob([text]).size;
  if (bytes > MAX_IMPORT_BYTES) return tooLargeMessage(bytes);
  if (new Blob([JSON.stringify([text])]).size > IMPORT_ACTION_BODY_BYTES)
    return "This file is too large to send from the browser once encoded; import it through the API or the CLI instead.";
  return null;
}
