import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { formatMegabytes, MAX_IMPORT_BYTES } from "../import/limits";
import { nonPublicKind, type UrlPolicy, urlProblem } from "./url-policy";

export type FetchOptions = UrlPolicy & {
  header?: { name: string; value: string };
  timeoutMs?: number;
  maxBytes?: number;
};
export type Fetched = { ok: true; text: string; url: string } | { ok: false; error: string };

const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 15_000;

/** A refusal the fetcher gives on purpose; its message is safe to show and store. */
class FetchRefusal extends Error {}

/**
 * Resolves a name the way the connection will, and refuses it when any address is not
 * public: checking at connect time (not before) means a name cannot be re-pointed at an
 * internal address between the check and the request.
 */
export function guardedLookup(policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(new FetchRefusal(`${hostname} could not be resolved.`), "", 0);
      for (const a of addresses) {
        const kind = nonPublicKind(a.address, policy);
        if (kind)
          return callback(
            new FetchRefusal(
              `${hostname} resolves to a ${kind} address (${a.address}); locations must be public.`,
            ),
            "",
            0,
          );
      }
      if (options.all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Said whether the server announced the size or it only showed while reading (a chunked answer). */
const tooLarge = (maxBytes: number) =>
  `The file is larger than ${formatMegabytes(maxBytes)}, the import limit.`;

type Answer = { status: number; statusText: string; location?: string; body: Buffer };

function request(url: URL, options: FetchOptions, sendHeader: boolean, deadline: number): Promise<Answer> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const client = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = {
    accept: "application/yaml, text/yaml, text/plain, */*",
    "accept-encoding": "identity",
    "user-agent": "Pharos catalog location",
  };
  if (sendHeader && options.header) headers[options.header.name] = options.header.value;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { headers, lookup: guardedLookup(options), agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        return resolve({
          status,
          statusText: res.statusMessage ?? "",
          location: res.headers.location,
          body: Buffer.alloc(0),
        });
      }
      const declared = Number(res.headers["content-length"] ?? 0);
      if (declared > maxBytes) {
        res.destroy();
        return reject(new FetchRefusal(tooLarge(maxBytes)));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy();
          reject(new FetchRefusal(tooLarge(maxBytes)));
        } else chunks.push(chunk);
      });
      res.on("end", () =>
        resolve({ status, statusText: res.statusMessage ?? "", body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    const timer = setTimeout(
      () =>
        req.destroy(
          new FetchRefusal(`No answer within ${Math.round((options.timeoutMs ?? TIMEOUT_MS) / 1000)} s.`),
        ),
      Math.max(0, deadline - Date.now()),
    );
    req.on("close", () => clearTimeout(timer));
    req.on("error", reject);
  });
}

/**
 * Fetches a location's catalog-info.yaml: GET only, within the import's size limit and a
 * time limit, following at most three redirects, each of which must pass the same policy
 * (so never to plain http or an internal address). The token header goes only to the
 * registered URL's origin, as browsers do with credentials.
 */
export async function fetchCatalogFile(rawUrl: string, options: FetchOptions): Promise<Fetched> {
  const deadline = Date.now() + (options.timeoutMs ?? TIMEOUT_MS);
  const origin = new URL(rawUrl).origin;
  let url = rawUrl;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const problem = urlProblem(url, options);
      if (problem) throw new FetchRefusal(hop ? `Refused a redirect to ${url}: ${problem}` : problem);
      const target = new URL(url);
      const answer = await request(target, options, target.origin === origin, deadline);
      if (answer.location !== undefined) {
        url = new URL(answer.location, target).toString();
        continue;
      }
      if (answer.status < 200 || answer.status >= 300)
        throw new FetchRefusal(`The server answered ${`${answer.status} ${answer.statusText}`.trim()}.`);
      const text = answer.body.toString("utf8");
      if (!text.trim()) throw new FetchRefusal("The file is empty.");
      return { ok: true, text, url };
    }
    throw new FetchRefusal(`More than ${MAX_REDIRECTS} redirects.`);
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** What to record about a failed fetch: our own refusals as they are, network errors by their code. */
function describeError(error: unknown): string {
  if (error instanceof FetchRefusal) return error.message;
  const code = (error as { code?: string }).code;
  const known: Record<string, string> = {
    ECONNREFUSED: "The connection was refused.",
    ECONNRESET: "The connection was reset.",
    ENOTFOUND: "The host could not be resolved.",
    EHOSTUNREACH: "The host is unreachable.",
    ETIMEDOUT: "The connection timed out.",
    CERT_HAS_EXPIRED: "The server's TLS certificate has expired.",
    DEPTH_ZERO_SELF_SIGNED_CERT: "The server's TLS certificate is self-signed.",
    ERR_TLS_CERT_ALTNAME_INVALID: "The server's TLS certificate does not match its name.",
  };
  return (code && known[code]) ?? `The fetch failed${code ? ` (${code})` : ""}.`;
}
