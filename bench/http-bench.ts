import http from "node:http";
import zlib from "node:zlib";
import { median, percentile } from "./stats";

export type Timed = { samples: number[]; median: number; p95: number; stoppedEarly: boolean };

export type Probe = {
  /** Path and query for the i-th request (cycle through inputs with `i % n`). */
  path: (i: number) => string;
  headers?: () => Record<string, string>;
  /** Untimed work before the i-th request (say, a write that empties the caches). */
  before?: (i: number) => Promise<void>;
  /** Returns a problem description, or null when the response is what the page should be. */
  check: (status: number, body: string, path: string) => string | null;
};

export type MeasureOptions = { warmup: number; count: number; maxSeconds: number; timeoutMs: number };

/**
 * Sequential requests over one keep-alive connection: `warmup` untimed, then up to `count`
 * timed, stopping early once `maxSeconds` have passed. Each sample covers the whole round
 * trip including reading the body. A failed check aborts.
 *
 * The client is node:http rather than fetch: undici's fetch spends ≈0.45 ms of its own on
 * every request on this machine (measured against a server answering a constant), which is
 * more than a whole one-entity read and would be counted against the server. Like fetch and
 * browsers it accepts compressed bodies, and decompressing them is inside the sample.
 */
export async function measure(base: string, probe: Probe, opts: MeasureOptions): Promise<Timed> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  const started = performance.now();
  let stoppedEarly = false;
  try {
    for (let i = 0; i < opts.warmup + opts.count; i++) {
      if (i >= opts.warmup && performance.now() - started > opts.maxSeconds * 1000) {
        stoppedEarly = true;
        break;
      }
      const path = probe.path(i);
      await probe.before?.(i);
      const t0 = performance.now();
      const res = await get(new URL(path, base), probe.headers?.() ?? {}, agent, opts.timeoutMs);
      const ms = performance.now() - t0;
      const problem = probe.check(res.status, res.body, path);
      if (problem) throw new Error(`GET ${path}: ${problem}`);
      if (i >= opts.warmup) samples.push(ms);
    }
  } finally {
    agent.destroy();
  }
  return { samples, median: median(samples), p95: percentile(samples, 95), stoppedEarly };
}

function get(url: URL, headers: Record<string, string>, agent: http.Agent, timeoutMs: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    // As browsers and most HTTP clients ask: the server's compression is part of its cost.
    const options = {
      agent,
      headers: { "accept-encoding": "gzip, deflate, br", ...headers },
      timeout: timeoutMs,
    };
    const req = http.get(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        try {
          resolve({
            status: res.statusCode ?? 0,
            body: decode(Buffer.concat(chunks), res.headers["content-encoding"]),
          });
        } catch (error) {
          reject(error);
        }
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

function decode(body: Buffer, encoding: string | undefined): string {
  switch (encoding) {
    case undefined:
    case "identity":
      return body.toString("utf8");
    case "gzip":
      return zlib.gunzipSync(body).toString("utf8");
    case "deflate":
      return zlib.inflateSync(body).toString("utf8");
    case "br":
      return zlib.brotliDecompressSync(body).toString("utf8");
    default:
      throw new Error(`unexpected content-encoding ${encoding}`);
  }
}

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
export async function signIn(base: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(10_000) });
  jar.absorb(csrf);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
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
