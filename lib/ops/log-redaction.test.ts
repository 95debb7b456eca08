import { describe, expect, it } from "vitest";
import { censor, safePath, scrubText, serializeError } from "./log-redaction.mjs";

describe("safePath", () => {
  it.each([
    ["/api/v1/me?token=abc", "/api/v1/me"],
    ["/invite/abc#x", "/invite/abc"],
    ["https://pharos.example/services?q=1", "/services"],
    ["http://pharos.example", "/"],
    ["services", "/services"],
    [undefined, "/"],
    ["", "/"],
  ])("%s → %s", (url, path) => {
    expect(safePath(url)).toBe(path);
  });

  it("accepts URL objects and caps very long paths", () => {
    expect(safePath(new URL("https://x.example/a/b?secret=1"))).toBe("/a/b");
    expect(safePath(`/${"a".repeat(2000)}`)).toHaveLength(513);
  });
});

describe("scrubText", () => {
  it("keeps PostgreSQL's identifiers but not the values it quotes back", () => {
    expect(scrubText('duplicate key value violates unique constraint "users_email_key"')).toBe(
      'duplicate key value violates unique constraint "users_email_key"',
    );
    expect(scrubText('column "x" of relation "users" does not exist')).toBe(
      'column "x" of relation "users" does not exist',
    );
    expect(scrubText('invalid input syntax for type integer: "hunter2"')).toBe(
      'invalid input syntax for type integer: "[redacted]"',
    );
    expect(scrubText('value "99999999999" is out of range for type integer')).toBe(
      'value "[redacted]" is out of range for type integer',
    );
  });

  it("drops drizzle's statement and parameters but keeps the stack frames", () => {
    const stack =
      "Error: Failed query: insert into users values ($1)\nparams: hunter2,x\n    at run (a.js:1:1)";
    expect(scrubText(stack)).toBe(
      "Error: Failed query (statement and parameters not logged)\n    at run (a.js:1:1)",
    );
  });

  it("removes tokens, bcrypt hashes and query strings wherever they appear", () => {
    const text =
      "GET /a?token=s3cret&b=2 with Bearer abc.def and pharos_AbC-123 hash $2b$11$F3mg9v1I9VR/BH72bDjwa.15ZaPYUUNZhHUCh6Nixms2TmRmSm5nS";
    const scrubbed = scrubText(text);
    for (const secret of ["s3cret", "abc.def", "AbC-123", "F3mg9v1"]) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain("GET /a?…");
  });
});

describe("serializeError", () => {
  it("keeps the cause chain and plain fields, drops statements and nested objects", () => {
    const cause = Object.assign(new Error("boom"), {
      code: "23505",
      detail: "Key (email)=(a@b.c) already exists.",
      query: "insert …",
      params: ["a@b.c"],
    });
    const error = Object.assign(new Error("outer", { cause }), { password: "x", options: { a: 1 } });
    expect(serializeError(error)).toMatchObject({
      type: "Error",
      message: "outer",
      cause: { type: "Error", message: "boom", code: "23505" },
    });
    const text = JSON.stringify(serializeError(error));
    for (const secret of ["a@b.c", "insert", '"password"', "options"]) expect(text).not.toContain(secret);
  });

  it("survives a cause cycle", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as Error & { cause?: unknown }).cause = b;
    expect(() => JSON.stringify(serializeError(a))).not.toThrow();
  });
});

describe("censor", () => {
  it("censors secret-named fields at any depth and in any case, without touching the original", () => {
    const deep = { a: { b: { c: { d: { e: { password: "p1" } } } } } };
    const logged = {
      Authorization: "Bearer x",
      user: { passwordHash: "h", name: "Sam" },
      list: [{ token: "t" }, "plain"],
      headers: { cookie: "c", "set-cookie": "s", accept: "*/*" },
      deep,
    };
    const out = censor(logged);
    expect(out).toEqual({
      Authorization: "[redacted]",
      user: { passwordHash: "[redacted]", name: "Sam" },
      list: [{ token: "[redacted]" }, "plain"],
      headers: { cookie: "[redacted]", "set-cookie": "[redacted]", accept: "*/*" },
      deep: { a: { b: { c: { d: { e: { password: "[redacted]" } } } } } },
    });
    expect(deep.a.b.c.d.e.password).toBe("p1");
  });

  it("serializes errors and requests wherever they sit, and survives cycles", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    const out = censor({
      nested: { failure: new Error("GET /a?token=s3cret") },
      incoming: { method: "GET", url: "/me?token=s3cret", headers: { authorization: "Bearer s3cret" } },
      cyclic,
    });
    const text = JSON.stringify(out);
    expect(text).not.toContain("s3cret");
    expect(out).toMatchObject({ incoming: { method: "GET", path: "/me" }, cyclic: { self: "[circular]" } });
  });
});
