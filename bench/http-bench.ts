/** Signing in as a browser does, for the server-rendered pages and the sign-in burst. */
/** Just enough of a cookie jar for one Auth.js session. */
export class CookieJar {
  private cookies = new Map<string, string>();

  absorb(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string) {
    return [...this.cookies.keys()].some((k) => k === name || k.startsWith(`${name}.`));
  }

  header(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
  }
}

/** Signs in through Auth.js's credentials callback, as the login form would. */
export async function signIn(
  base: string,
  email: string,
  password: string,
  timeoutMs = 30_000,
): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(timeoutMs) });
  jar.absorb(csrf);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer();
  jar.absorb(res);
  if (!jar.has("authjs.session-token")) {
    throw new Error(
      `Sign-in failed: POST /api/auth/callback/credentials answered ${res.status} ` +
        `(location: ${res.headers.get("location") ?? "none"}) without an authjs.session-token cookie`,
    );
  }
  return jar;
}
