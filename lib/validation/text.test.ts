import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codePoint,
  controlCharacterAt,
  controlCharacterProblem,
  hasControlCharacters,
  line,
  paragraph,
} from "./text";

const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), "\u007f"];
const control = fc.constantFrom(...CONTROLS);
/** Printable text: anything but C0 controls and DEL (C1, emoji and astral characters included). */
const printable = fc
  .string({ unit: "grapheme" })
  .map((s) => [...s].filter((c) => !CONTROLS.includes(c)).join(""));

describe("control characters", () => {
  it("finds every C0 control and DEL in one-line text, wherever it sits", () => {
    fc.assert(
      fc.property(printable, control, printable, (before, c, after) => {
        const text = before + c + after;
        expect(controlCharacterAt(text)).toBe(before.length);
        expect(hasControlCharacters(text)).toBe(true);
      }),
    );
  });

  it("lets multi-line text keep tabs, \\n and \\r\\n, and nothing else", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(printable, fc.constantFrom("\t", "\n", "\r\n"))), (parts) => {
        const text = parts.join("");
        expect(hasControlCharacters(text, { multiline: true })).toBe(false);
        expect(hasControlCharacters(text)).toBe(/[\t\n\r]/.test(text));
      }),
    );
    fc.assert(
      fc.property(
        printable,
        control.filter((c) => c !== "\t" && c !== "\n"),
        printable,
        (before, c, after) => {
          // A lone \r is refused even when a \n follows later: only the pair \r\n is a line break.
          const text = before + c + (c === "\r" ? `x${after}` : after);
          expect(controlCharacterAt(text, { multiline: true })).toBe(before.length);
        },
      ),
    );
  });

  it("passes printable text of any script untouched", () => {
    fc.assert(fc.property(printable, (text) => !hasControlCharacters(text)));
    expect(hasControlCharacters("Zahlungsdienst über Ländergrenzen 💳 \u0085 \u00a0")).toBe(false);
  });

  it("names the character it found", () => {
    expect(codePoint("\u0000")).toBe("U+0000");
    expect(codePoint("\u007f")).toBe("U+007F");
    expect(controlCharacterProblem("a\u0007b")).toBe(
      "Contains an invisible control character (U+0007); remove it.",
    );
    expect(controlCharacterProblem("a\nb")).toBe("Must be a single line, without line breaks or tabs.");
    expect(controlCharacterProblem("a\nb", { multiline: true })).toBeNull();
  });
});

describe("line and paragraph", () => {
  it("refuse control characters with a message, and accept what is left after trimming", () => {
    fc.assert(
      fc.property(printable, control, printable, (before, c, after) => {
        const text = `${before}x${c}x${after}`;
        const result = line(10_000).safeParse(text);
        expect(result.success).toBe(false);
        expect(result.error?.issues[0].message).toMatch(/control character|single line/);
      }),
    );
    expect(line(20).parse("  Payments API \n")).toBe("Payments API");
    expect(paragraph(50).parse("First line\r\n\tsecond line\n")).toBe("First line\r\n\tsecond line");
    expect(paragraph(50).safeParse("bell\u0007").success).toBe(false);
  });

  it("say which limit was broken, in the field's words", () => {
    const name = line(5, { label: "Name", required: "Name is required." });
    expect(name.safeParse("   ").error?.issues[0].message).toBe("Name is required.");
    expect(name.safeParse(undefined).error?.issues[0].message).toBe("Name is required.");
    expect(name.safeParse("abcdef").error?.issues[0].message).toBe("Name must be at most 5 characters.");
    expect(line(4000).safeParse("x".repeat(4001)).error?.issues[0].message).toBe(
      "This must be at most 4,000 characters.",
    );
    for (const notText of [42, true, [], {}, null])
      expect(line(5).safeParse(notText).error?.issues[0].message).toBe("Must be text.");
  });
});
