import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "./redact";

const SECRET_KEYS = ["passwordHash", "password", "tokenHash", "token", "secret"];

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (v !== "[redacted]") out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe("audit redaction", () => {
  it("removes secrets at any depth and turns dates into ISO strings", () => {
    const out = redact({
      email: "a@b.c",
      passwordHash: "$2b$...",
      nested: [{ token: "pharos_x", at: new Date("2026-01-01T00:00:00Z") }],
    });
    expect(out).toEqual({
      email: "a@b.c",
      passwordHash: "[redacted]",
      nested: [{ token: "[redacted]", at: "2026-01-01T00:00:00.000Z" }],
    });
  });

  it("never lets a secret value through, whatever the shape", () => {
    const key = fc.oneof(fc.constantFrom(...SECRET_KEYS), fc.string({ maxLength: 8 }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.array(tie("node"), { maxLength: 3 }),
        fc.dictionary(key, tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const out = redact(value);
        for (const k of keysOf(out)) expect(SECRET_KEYS).not.toContain(k);
      }),
    );
  });

  it("keeps null for missing snapshots", () => {
    expect(redact(undefined)).toBeNull();
    expect(redact(null)).toBeNull();
  });
});
