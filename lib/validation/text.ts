import { z } from "zod";

/** How a text may be laid out: one line (names, slugs, URLs) or several (descriptions). */
export type TextLayout = { multiline?: boolean };

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const DEL = 0x7f;

/**
 * Where the first C0 control character (U+0000–U+001F) or DEL is, or -1. A multi-line
 * text may hold tabs, `\n` and `\r\n` (what a browser sends for a textarea), nothing
 * else; a one-line text holds none of them. PostgreSQL refuses a NUL outright, and the
 * others are invisible in every page that shows the text, so they are refused at the door.
 */
export function controlCharacterAt(text: string, { multiline = false }: TextLayout = {}): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code !== DEL) continue;
    if (multiline && (code === TAB || code === LF)) continue;
    if (multiline && code === CR && text.charCodeAt(i + 1) === LF) continue;
    return i;
  }
  return -1;
}

export function hasControlCharacters(text: string, layout: TextLayout = {}): boolean {
  return controlCharacterAt(text, layout) !== -1;
}

/** `U+0000`, the way the message names a character nobody can see. */
export function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why `text` is refused, or null when it holds no character its layout forbids. */
export function controlCharacterProblem(text: string, layout: TextLayout = {}): string | null {
  const at = controlCharacterAt(text, layout);
  if (at === -1) return null;
  const code = text.charCodeAt(at);
  if (!layout.multiline && (code === LF || code === CR || code === TAB))
    return "Must be a single line, without line breaks or tabs.";
  return `Contains an invisible control character (${codePoint(text[at])}); remove it.`;
}

type TextOptions = {
  /** Names the field in the length message: "Name must be at most 120 characters." */
  label?: string;
  /** Set to require a value, with this message when it is blank. */
  required?: string;
};

function text(max: number, layout: TextLayout, { label, required }: TextOptions) {
  const limit = `${label ?? "This"} must be at most ${max.toLocaleString("en-US")} characters.`;
  let schema = z
    .string({ error: (issue) => (issue.input === undefined ? (required ?? "Required.") : "Must be text.") })
    .trim();
  if (required) schema = schema.min(1, required);
  return schema.max(max, limit).superRefine((value, ctx) => {
    const problem = controlCharacterProblem(value, layout);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** A one-line text (a name, a title, a URL): trimmed, at most `max` characters, no control characters. */
export function line(max: number, options: TextOptions = {}) {
  return text(max, { multiline: false }, options);
}

/** A multi-line text (a description): trimmed, at most `max` characters, tabs and line breaks only. */
export function paragraph(max: number, options: TextOptions = {}) {
  return text(max, { multiline: true }, options);
}
