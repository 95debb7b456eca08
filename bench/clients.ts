/**
 * The two HTTP clients every read is timed with, the same for Pharos and for Backstage:
 *
 * - keep-alive: Node's `http` module over one kept-alive socket per server (undici's fetch
 *   costs ≈0.45 ms of its own per request here, which would be billed to the server);
 * - curl: a new TCP connection for every request (`Connection: close`, and each sample's
 *   `num_connects` must be 1), several requests per curl process so spawning curl stays out
 *   of the figures, as `curl -w '%{time_total}'` reports them.
 *
 * Both ask for compressed bodies (`Accept-Encoding: gzip, deflate, br`, curl's
 * `--compressed`) as browsers do, and decompress them inside the sample.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import zlib from "node:zlib";

export type Get = { path: string; headers?: Record<string, string> };
export type Answer = { status: number; body: string; ms: number };
export type CurlSample = { status: number; ms: number; bytes: number };

const ACCEPT = "gzip, deflate, br";

export class KeepAliveClient {
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly base: string,
    private timeoutMs = 30_000,
  ) {}

  /** One GET, timed from the request until the last byte is decompressed. */
  get(request: Get): Promise<Answer> {
    const url = new URL(request.path, this.base);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.get(
        url,
        {
          agent: this.agent,
          headers: { "accept-encoding": ACCEPT, ...request.headers },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          const body = decoder(res.headers["content-encoding"]);
          if (body) res.pipe(body);
          const source = body ?? res;
          source.on("data", (chunk: Buffer) => chunks.push(chunk));
          source.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              ms: performance.now() - started,
            }),
          );
          source.on("error", reject);
          res.on("error", reject);
        },
      );
      req.on("timeout", () =>
        req.destroy(new Error(`GET ${request.path}: no answer within ${this.timeoutMs} ms`)),
      );
      req.on("error", reject);
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** A streaming decompressor for the response's encoding, or null for an uncompressed body. */
function decoder(encoding: string | undefined) {
  switch (encoding) {
    case undefined:
    case "identity":
      return null;
    case "gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      throw new Error(`unexpected content-encoding ${encoding}`);
  }
}

/** Quoting for a curl config file: backslashes and double quotes escaped inside "…". */
const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/**
 * The requests one after another from one curl process, each on a connection of its own.
 * The config goes in on stdin, so no token shows in the process list.
 */
export function curlBatch(base: string, requests: Get[], timeoutSeconds = 30): Promise<CurlSample[]> {
  const config = requests
    .map((r) =>
      [
        `url = ${quote(new URL(r.path, base).toString())}`,
        'output = "/dev/null"',
        'header = "Connection: close"',
        ...Object.entries(r.headers ?? {}).map(([k, v]) => `header = ${quote(`${k}: ${v}`)}`),
        'write-out = "%{http_code} %{time_total} %{num_connects} %{size_download}\\n"',
        "silent",
        "compressed",
        `max-time = ${timeoutSeconds}`,
      ].join("\n"),
    )
    .join("\nnext\n");
  return new Promise((resolve, reject) => {
    const child = spawn("curl", ["--config", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", () => {
      const lines = out.trim().split("\n").filter(Boolean);
      if (lines.length !== requests.length) {
        reject(new Error(`curl answered ${lines.length} of ${requests.length} requests: ${err.trim()}`));
        return;
      }
      const samples: CurlSample[] = [];
      for (const [i, line] of lines.entries()) {
        const [code, total, connects, size] = line.split(" ");
        const path = requests[i].path;
        if (code !== "200") return reject(new Error(`curl GET ${path}: status ${code}`));
        if (connects !== "1")
          return reject(new Error(`curl GET ${path} reused a connection (${connects} new)`));
        samples.push({ status: Number(code), ms: Number(total) * 1000, bytes: Number(size) });
      }
      resolve(samples);
    });
    child.stdin.end(`${config}\n`);
  });
}
