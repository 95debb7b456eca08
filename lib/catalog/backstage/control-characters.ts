import { codePoint, controlCharacterAt } from "@/lib/validation/text";

/**
 * Entity fields that are one line wherever they end up (names, references, URLs, the
 * annotations Pharos reads into its own one-line fields). Everything else may span lines
 * (a description, a kept annotation), but no field may hold any other control character.
 */
const ONE_LINE = [
  /^(apiVersion|kind)$/,
  /^metadata\.(name|namespace|title|uid|etag)$/,
  /^metadata\.tags\[\d+\]$/,
  /^metadata\.links\[\d+\]\.(url|title|type|icon)$/,
  /^metadata\.labels\[/,
  /^metadata\.annotations\["(pharos\.io\/[^"]+|backstage\.io\/source-location|github\.com\/project-slug|pagerduty\.com\/service-id)"\]$/,
  /^spec\.(type|lifecycle|owner|system|domain|parent)$/,
  /^spec\.(dependsOn|memberOf|children)\[\d+\]$/,
  /^spec\.profile\.(displayName|email|picture)$/,
];

const MAX_REPORTED = 5;

/** `metadata.links[0].url`, with keys that are not plain names quoted: `annotations["pharos.io/tier"]`. */
const child = (path: string, name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? (path ? `${path}.${name}` : name) : `${path}[${JSON.stringify(name)}]`;

function problem(path: string, text: string): string | null {
  // Nearly every text holds no control character at all; only then is the field's layout looked up.
  if (controlCharacterAt(text) === -1) return null;
  const multiline = !ONE_LINE.some((r) => r.test(path));
  const at = controlCharacterAt(text, { multiline });
  if (at === -1) return null;
  const c = text.charCodeAt(at);
  const what = c === 0x0a || c === 0x0d ? "a line break" : c === 0x09 ? "a tab" : "a control character";
  const where = multiline ? "" : ", which this one-line field cannot hold";
  return `${path || "(document)"}: contains ${what} (${codePoint(text[at])})${where}`;
}

/**
 * Every field (and key) of a parsed YAML document that holds a C0 control character or DEL,
 * by path, e.g. `metadata.description: contains a control character (U+0000)`. YAML lets
 * `"\0"` through and PostgreSQL would refuse it mid-import; naming the field on the entity's
 * own row lets the rest of the file be judged as usual. At most five are named.
 */
export function controlCharacterProblems(raw: unknown): string[] {
  const found: string[] = [];
  const stack: { path: string; value: unknown }[] = [{ path: "", value: raw }];
  while (stack.length && found.length < MAX_REPORTED) {
    const { path, value } = stack.pop()!;
    if (typeof value === "string") {
      const p = problem(path, value);
      if (p) found.push(p);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ path: `${path}[${i}]`, value: value[i] });
    } else if (value && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, inner] = entries[i];
        // JSON quoting in the path makes the offending key printable.
        const at = controlCharacterAt(name);
        if (at === -1) stack.push({ path: child(path, name), value: inner });
        else
          found.push(`${child(path, name)}: the key contains a control character (${codePoint(name[at])})`);
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}
