import { NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { STAMPED_BY_SERVER } from "./client-address.mjs";
import { actorFromSession } from "./session-store";

const t = withTestDatabase();
const SECRET = "test-only-secret-0000000000000000000000";
const PASSWORD = "cookie-test-password-1";
const marker = globalThis as { [STAMPED_BY_SERVER]?: boolean };
let handlers: typeof import("./auth").handlers;

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  delete process.env.AUTH_URL;
  ({ handlers } = await import("./auth"));
});
afterAll(() => {
  delete marker[STAMPED_BY_SERVER];
});

/** A cookie jar for one browser, talking to Auth.js's route handlers as the browser would. */
function browser(headers: Record<string, string>) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  async function send(method: "GET" | "POST", path: string, form?: Record<string, string>) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const request = new NextRequest(`http://pharos.test${path}`, {
      method,
      headers: {
        ...headers,
        cookie,
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const response = await (method === "GET" ? handlers.GET(request) : handlers.POST(request));
    for (const line of response.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value) jar.set(pair.slice(0, eq), value);
      else jar.delete(pair.slice(0, eq));
    }
    return response;
  }
  async function signIn(email: string) {
    const csrf = (await (await send("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    await send("POST", "/api/auth/callback/credentials", {
      csrfToken: csrf.csrfToken,
      email,
      password: PASSWORD,
      callbackUrl: "/",
    });
    return csrf.csrfToken;
  }
  return { jar, setCookies, send, signIn };
}

const sessionCookie = (jar: Map<string, string>) =>
  [...jar].find(([name]) => name.endsWith("authjs.session-token")) ?? [undefined, undefined];

describe("the session cookie", () => {
  it("is Secure behind a TLS-terminating proxy the production server trusts", async () => {
    marker[STAMPED_BY_SERVER] = true;
    const { user } = await makeUser(t.db, "viewer", { password: PASSWORD });
    // What scripts/server.mjs stamps for a request a trusted proxy forwarded from HTTPS.
    const b = browser({ "x-pharos-client-address": "203.0.113.5", "x-pharos-client-https": "1" });
    await b.signIn(user.email);
    const [name] = sessionCookie(b.jar);
    expect(name).toBe("__Secure-authjs.session-token");
    const line = b.setCookies.find((l) => l.startsWith("__Secure-authjs.session-token="))!;
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
  });

  it("is not Secure over plain HTTP, and a client's forged header cannot make it so", async () => {
    const { user } = await makeUser(t.db, "viewer", { password: PASSWORD });
    marker[STAMPED_BY_SERVER] = true;
    const plain = browser({ "x-pharos-client-address": "203.0.113.6", "x-pharos-client-https": "0" });
    await plain.signIn(user.email);
    expect(sessionCookie(plain.jar)[0]).toBe("authjs.session-token");
    expect(plain.setCookies.find((l) => l.startsWith("authjs.session-token="))).not.toMatch(/Secure/i);
    // Under next start nothing stamps the headers: a client writing them is ignored.
    delete marker[STAMPED_BY_SERVER];
    const forged = browser({ "x-pharos-client-https": "1", "x-forwarded-proto": "https" });
    await forged.signIn(user.email);
    expect(sessionCookie(forged.jar)[0]).toBe("authjs.session-token");
  });

  it("stops working everywhere once its holder signs out", async () => {
    marker[STAMPED_BY_SERVER] = true;
    const { user } = await makeUser(t.db, "engineer", { password: PASSWORD });
    const b = browser({ "x-pharos-client-address": "203.0.113.7", "x-pharos-client-https": "0" });
    const csrfToken = await b.signIn(user.email);
    const [name, value] = sessionCookie(b.jar);
    if (!name || !value) throw new Error("no session cookie");
    // A copy of the cookie, as someone who lifted it from the browser would hold it.
    const copied = await decode({ token: value, secret: SECRET, salt: name });
    expect(copied?.sid).toBeTruthy();
    expect(await actorFromSession(t.db, copied)).toMatchObject({ user: { id: user.id } });

    await b.send("POST", "/api/auth/signout", { csrfToken, callbackUrl: "/login" });
    expect(sessionCookie(b.jar)[0]).toBeUndefined();
    // The copy still decrypts, but its server-side session is over.
    expect(await decode({ token: value, secret: SECRET, salt: name })).toMatchObject({ sid: copied?.sid });
    expect(await actorFromSession(t.db, copied)).toBeNull();
  });
});
