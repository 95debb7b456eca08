import { isScalar, parseAllDocuments } from "yaml";
import type { ParsedDocument } from "./types";

export type { ParsedDocument } from "./types";

export const MAX_DOCUMENTS = 20_000;

const fail = (index: number, error: string): ParsedDocument => ({
  index,
  ok: false,
  ref: `document #${index}`,
  error,
});

/**
 * A binary file (an archive, an image) has runs of NUL bytes near its start, or NULs among
 * bytes that were not UTF-8 at all. A YAML file with one stray NUL in a field is not binary:
 * that entity is refused by name (see control-characters.ts) and the rest is judged as usual.
 */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8000);
  return head.includes("\u0000\u0000") || (head.includes("\u0000") && head.includes("\ufffd"));
}

/** `---` at column 0 always starts a document, so this bounds the count before anything is built. */
function countDocumentMarkers(text: string): number {
  return text.match(/^---(?:[ \t]|$)/gm)?.length ?? 0;
}

function describeErrors(errors: { message: string }[]): string {
  const first = errors[0].message.split("\n")[0].replace(/:$/, "");
  return errors.length > 1 ? `${first} (and ${errors.length - 1} more YAML errors)` : first;
}

/**
 * Splits a catalog file into documents; a syntax error is reported on its own document so the
 * others can still be imported. Empty documents (a trailing `---`) are dropped.
 */
export function parseCatalogYaml(text: string): ParsedDocument[] {
  if (looksBinary(text)) return [fail(1, "The file is binary, not YAML.")];
  if (countDocumentMarkers(text) > MAX_DOCUMENTS) {
    return [fail(1, `The file has more than ${MAX_DOCUMENTS} YAML documents; split it into smaller files.`)];
  }
  const docs = parseAllDocuments(text, { logLevel: "error" });
  if (!Array.isArray(docs) || docs.length === 0) {
    return [fail(1, "The file is empty: it contains no YAML documents.")];
  }
  if (docs.length > MAX_DOCUMENTS) {
    return [fail(1, `The file has more than ${MAX_DOCUMENTS} YAML documents; split it into smaller files.`)];
  }
  const out: ParsedDocument[] = [];
  docs.forEach((doc, i) => {
    const index = i + 1;
    if (doc.errors.length > 0) {
      out.push(fail(index, `YAML syntax error: ${describeErrors(doc.errors)}`));
      return;
    }
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    if (isScalar(contents)) {
      out.push(
        fail(index, "Not a YAML mapping: the document is plain text. Is this a Backstage catalog file?"),
      );
      return;
    }
    try {
      out.push({ index, ok: true, raw: doc.toJS({ maxAliasCount: 100 }) });
    } catch (error) {
      out.push(fail(index, `YAML error: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
  if (out.length === 0) return [fail(1, "The file is empty: it contains only empty YAML documents.")];
  return out;
}
