/**
 * A block-style YAML writer for the plain data of catalog entities (maps, lists, strings,
 * numbers, booleans, null). The `yaml` library's `stringify` builds a document tree per
 * entity, ≈0.17 ms each: 1.7 s of a 10,000-service export. This writes the same layout
 * directly, ≈100× faster, and is held to the library's parser by property tests.
 *
 * Strings are written plain only when they are unambiguous under YAML 1.1 and 1.2 alike;
 * anything else is double-quoted with JSON's escapes (a JSON string is a valid YAML
 * double-quoted scalar) plus escapes for the characters YAML may not carry raw.
 */

/** Letters first (no number, date, indicator or alias can start so), then a calm set of characters. */
const PLAIN = /^[A-Za-z][A-Za-z0-9 _.,:;/@+()'=%&*!?~#-]*$/;
/** Words YAML 1.1 (booleans, null) or 1.2 would read as something other than a string. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
/**
 * Characters YAML may not carry raw in a double-quoted scalar (and JSON leaves raw): DEL, the
 * C1 controls, the line and paragraph separators, the BOM, the non-characters U+FFFE/U+FFFF and
 * lone surrogates.
 */
const UNPRINTABLE =
  /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

export function yamlString(s: string): string {
  if (PLAIN.test(s) && !RESERVED.test(s) && !s.includes(": ") && !s.includes(" #") && !/[ :]$/.test(s))
    return s;
  return JSON.stringify(s).replace(UNPRINTABLE, hex);
}

function scalar(v: unknown): string {
  if (typeof v === "string") return yamlString(v);
  if (typeof v === "number") {
    if (Number.isFinite(v)) return String(v);
    return Number.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
  }
  if (typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "null";
  throw new TypeError(`Cannot write a ${typeof v} as YAML`);
}

type YamlMap = { [key: string]: unknown };

/** Plain objects only: a Date or a class instance is a bug in the caller, not a map. */
const isMap = (v: unknown): v is YamlMap => {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The rest of a map entry's or list item's line (`: value` or `:` and nested lines). */
function nested(value: unknown, indent: string): string {
  if (Array.isArray(value)) return value.length ? `\n${list(value, `${indent}  `)}` : " []\n";
  if (isMap(value)) {
    const body = map(value, `${indent}  `);
    // A map whose values are all undefined is empty, not null.
    return body ? `\n${body}` : " {}\n";
  }
  return ` ${scalar(value)}\n`;
}

function map(value: YamlMap, indent: string): string {
  let out = "";
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v = value[key];
    if (v === undefined) continue; // as JSON and the yaml library do
    const k = yamlString(key);
    // YAML caps implicit keys at 1,024 characters; longer ones need the explicit `?` form.
    out += k.length > 1000 ? `${indent}? ${k}\n${indent}:` : `${indent}${k}:`;
    out += nested(v, indent);
  }
  return out;
}

function list(items: unknown[], indent: string): string {
  let out = "";
  for (const item of items) {
    if (isMap(item)) {
      // The first key shares the dash's line; the rest align under it.
      const inner = `${indent}  `;
      const body = map(item, inner);
      out += body ? `${indent}- ${body.slice(inner.length)}` : `${indent}- {}\n`;
    } else if (Array.isArray(item) && item.length) {
      out += `${indent}-\n${list(item, `${indent}  `)}`;
    } else {
      out += `${indent}-${nested(item, indent)}`;
    }
  }
  return out;
}

/** One `---`-prefixed YAML document for a map (an entity), ending with a newline. */
export function yamlDocument(value: object): string {
  if (!isMap(value)) throw new TypeError("A YAML document here is a plain object");
  return `---\n${map(value, "") || "{}\n"}`;
}
