/**
 * Times one read against Pharos and (with --peer) Backstage in interleaved rounds: each round
 * sends a batch to one server and then the same batch to the other, the order swapping every
 * round, so both see the same machine load (Backstage's background processing, other work on
 * a shared host). Sample i asks both servers the same thing (the same search term, the same
 * entity), once with each client.
 */
import { type CurlSample, curlBatch, type KeepAliveClient } from "./clients";
import { median, percentile } from "./stats";

export type Side = {
  path: (i: number) => string;
  headers?: Record<string, string>;
  /** Untimed work before the i-th sample (say, a write that empties Pharos's caches). */
  before?: (i: number) => Promise<void>;
  /** A problem description, or null when the answer is what it should be. */
  check: (status: number, body: string, path: string) => string | null;
};

export type Read = {
  id: string;
  label: string;
  /** Backstage ÷ Pharos at the median must reach this; null when it is only reported. */
  target: number | null;
  pharos: Side;
  backstage?: Side;
  /** Timed samples per server and client: rounds × batch (fewer if `maxSeconds` runs out). */
  rounds: number;
  batch: number;
  warmup: number;
};

export type Figures = { median: number; p95: number; samples: number };
export type ClientName = "keep-alive" | "curl";
export type ClientFigures = { pharos: Figures; backstage?: Figures; ratio?: number; stoppedEarly: boolean };
export type ReadResult = Omit<Read, "pharos" | "backstage"> & {
  clients: Partial<Record<ClientName, ClientFigures>>;
};

export type Servers = {
  pharos: KeepAliveClient;
  backstage?: KeepAliveClient;
};

const figures = (samples: number[]): Figures => ({
  median: median(samples),
  p95: percentile(samples, 95),
  samples: samples.length,
});

type Who = "pharos" | "backstage";

async function keepAliveSample(client: KeepAliveClient, side: Side, i: number): Promise<number> {
  await side.before?.(i);
  const path = side.path(i);
  const answer = await client.get({ path, headers: side.headers });
  const problem = side.check(answer.status, answer.body, path);
  if (problem) throw new Error(`GET ${client.base}${path}: ${problem}`);
  return answer.ms;
}

/** A batch of samples over fresh connections: one curl process, unless each needs its own `before`. */
async function curlSamples(base: string, side: Side, from: number, count: number): Promise<number[]> {
  const get = (i: number) => ({ path: side.path(i), headers: side.headers });
  const out: CurlSample[] = [];
  if (side.before) {
    for (let i = from; i < from + count; i++) {
      await side.before(i);
      out.push(...(await curlBatch(base, [get(i)])));
    }
  } else {
    out.push(
      ...(await curlBatch(
        base,
        Array.from({ length: count }, (_, k) => get(from + k)),
      )),
    );
  }
  for (const s of out) if (!(s.bytes > 0)) throw new Error(`curl GET ${base}: empty body`);
  return out.map((s) => s.ms);
}

export async function measureRead(
  read: Read,
  servers: Servers,
  opts: { maxSeconds: number; clients: ClientName[] },
): Promise<ReadResult> {
  const sides: [Who, Side, KeepAliveClient][] = [["pharos", read.pharos, servers.pharos]];
  if (read.backstage && servers.backstage) sides.push(["backstage", read.backstage, servers.backstage]);
  const { pharos: _p, backstage: _b, ...meta } = read;
  const result: ReadResult = { ...meta, clients: {} };
  for (const client of opts.clients) {
    const samples: Record<Who, number[]> = { pharos: [], backstage: [] };
    // Warm-up: untimed, with every answer checked by the keep-alive client.
    for (const [, side, http] of sides) {
      for (let i = 0; i < read.warmup; i++) await keepAliveSample(http, side, i);
      if (client === "curl") await curlSamples(http.base, side, 0, Math.min(read.warmup, 3));
    }
    const started = performance.now();
    let stoppedEarly = false;
    for (let round = 0; round < read.rounds; round++) {
      if (round > 0 && performance.now() - started > opts.maxSeconds * 1000) {
        stoppedEarly = true;
        break;
      }
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const [who, side, http] of order) {
        const from = read.warmup + round * read.batch;
        if (client === "curl") samples[who].push(...(await curlSamples(http.base, side, from, read.batch)));
        else
          for (let i = from; i < from + read.batch; i++)
            samples[who].push(await keepAliveSample(http, side, i));
      }
    }
    const pharos = figures(samples.pharos);
    const backstage = sides.length > 1 ? figures(samples.backstage) : undefined;
    result.clients[client] = {
      pharos,
      backstage,
      ratio: backstage ? backstage.median / pharos.median : undefined,
      stoppedEarly,
    };
  }
  return result;
}
