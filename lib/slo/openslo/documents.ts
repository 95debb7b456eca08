import { isScalar, parseAllDocuments } from "yaml";

/** The largest OpenSLO file Pharos reads, in bytes of UTF-8: SLO files are small. */
export const MAX_OPENSLO_BYTES = 1024 * 1024;
export const MAX_OPENSLO_DOCUMENTS = 1000;

export type YamlDocument = { index: number; raw: unknown } | { index: number; error: string };

function describeErrors(errors: { message: string }[]): string {
  const first = errors[0].message.split("\n")[0].replace(/:$/, "");
  return errors.length > 1 ? `${first} (and ${errors.length - 1} more YAML errors)` : first;
}

/**
 * Splits a file into its YAML documents, bounded before anything is built: a syntax error is
 * reported on its own document, empty documents (a trailing `---`) are dropped, and a
 * document keeps its position as its index, so `documents[2]` is the third in the file.
 */
export function splitYamlDocuments(text: string): YamlDocument[] {
  if (Buffer.byteLength(text, "utf8") > MAX_OPENSLO_BYTES)
    return [{ index: 0, error: "The file is larger than 1 MB; split it into smaller files." }];
  if (text.slice(0, 8000).includes("\u0000")) return [{ index: 0, error: "The file is binary, not YAML." }];
  if ((text.match(/^---(?:[ \t]|$)/gm)?.length ?? 0) > MAX_OPENSLO_DOCUMENTS)
    return [{ index: 0, error: `The file has more than ${MAX_OPENSLO_DOCUMENTS} YAML documents; split it.` }];
  const docs = parseAllDocuments(text, { logLevel: "error" });
  if (!Array.isArray(docs)) return [{ index: 0, error: "The file is not YAML." }];
  const out: YamlDocument[] = [];
  docs.forEach((doc, index) => {
    if (doc.errors.length) {
      out.push({ index, error: `YAML syntax error: ${describeErrors(doc.errors)}` });
      return;
    }
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    try {
      out.push({ index, raw: doc.toJS({ maxAliasCount: 100 }) });
    } catch (error) {
      out.push({ index, error: `YAML error: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  if (!out.length) return [{ index: 0, error: "The file is empty: it contains no YAML documents." }];
  return out;
}
