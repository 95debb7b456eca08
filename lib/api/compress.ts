import { Readable } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { JSON_TEXT } from "./define-route";

/** Below this a body goes uncompressed: the gzip frame would cost more than it saves. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|yaml)|text\/)/i;
const gzip = promisify(zlib.gzip);

/**
 * Gzip for answers worth it, when the client accepts it: JSON of a kilobyte or more, and
 * streamed YAML exports as they are written. Level 4: on a 2-core machine the default 6 costs
 * about twice the time for a few percent of size, and these answers are mostly short-lived.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    // A small answer made by json() is left as it is without a look at its headers: reading
    // them turns the Node adapter's lightweight Response into a full one (≈0.1 ms an answer).
    const text = (response as unknown as Record<symbol, string | undefined>)[JSON_TEXT];
    if (text !== undefined && Buffer.byteLength(text) < MIN_BYTES) return;
    if (!response.body || response.headers.has("content-encoding")) return;
    if (!acceptsGzip(c.req.header("accept-encoding"))) return;
    if (!COMPRESSIBLE.test(response.headers.get("content-type") ?? "")) return;
    const length = Number(response.headers.get("content-length") ?? Number.NaN);
    if (Number.isFinite(length) && length < MIN_BYTES) return;
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.append("vary", "accept-encoding");
    if (/^application\/json/i.test(headers.get("content-type") ?? "")) {
      // JSON is already whole in memory: one gzip call on the buffer, and a body the Node
      // adapter writes in one go, instead of three stream conversions per answer.
      const plain = text === undefined ? Buffer.from(await response.arrayBuffer()) : Buffer.from(text);
      if (plain.byteLength < MIN_BYTES) {
        replaceAnswer(c, new Response(plain, { status: response.status, headers }));
        return;
      }
      const packed = await gzip(plain, { level: 4 });
      headers.set("content-encoding", "gzip");
      headers.set("content-length", String(packed.byteLength));
      replaceAnswer(c, new Response(new Uint8Array(packed), { status: response.status, headers }));
      return;
    }
    headers.set("content-encoding", "gzip");
    const source = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
    const gzipped = source.pipe(zlib.createGzip({ level: 4 }));
    source.on("error", (error) => gzipped.destroy(error));
    replaceAnswer(
      c,
      new Response(Readable.toWeb(gzipped) as ReadableStream, { status: response.status, headers }),
    );
  };
}

/**
 * Puts `next` in place of the answer. Assigning c.res over an answer merges the old one's
 * headers into the new (Hono's setter), which would put back the plain body's Content-Length
 * on the gzipped one; `next` already carries every header it should.
 */
function replaceAnswer(c: Context, next: Response) {
  c.res = undefined as unknown as Response;
  c.res = next;
}

/** Whether `Accept-Encoding` allows gzip (`gzip`, `*`, not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const allowed = !q || Number(q.slice(2)) > 0;
    if (coding.trim() === "gzip") return allowed;
    if (coding.trim() === "*") star = allowed;
  }
  return star;
}
