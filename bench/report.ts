/** The result tables of `npm run bench`, printed and saved as JSON in bench/results/. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ClientName, ReadResult } from "./compare";
import { ROOT } from "./processes";
import type { BurstResult } from "./signin-burst";
import { formatTable, round } from "./stats";

/** A once-measured figure on each side (ingest, time to visible), Backstage optional. */
export type Paired = {
  id: string;
  label: string;
  unit: "s" | "ms" | "MB";
  pharos: number | null;
  backstage: number | null;
  /** Backstage ÷ Pharos must reach this; null: reported only. */
  target: number | null;
  note?: string;
};

/** Pharos-only figures with an absolute target (the server-rendered pages). */
export type Own = {
  id: string;
  label: string;
  median: number;
  p95: number;
  samples: number;
  /** The median must stay below this many ms; null: reported only. */
  below: number | null;
};

export type Report = {
  peer: boolean;
  reads: ReadResult[];
  paired: Paired[];
  own: Own[];
  burst: BurstResult | null;
  notes: string[];
  meta: Record<string, unknown>;
};

const ms = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? "—" : n < 100 ? n.toFixed(1) : String(Math.round(n));
const ratioText = (r: number | null | undefined) =>
  r === null || r === undefined ? "—" : `${r.toFixed(r < 10 ? 2 : 1)}×`;
const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "yes" : "NO");

export function printReport(r: Report): string {
  const lines: string[] = [];
  const readRows: string[][] = [];
  let judged = 0;
  let met = 0;
  for (const read of r.reads) {
    for (const client of Object.keys(read.clients) as ClientName[]) {
      const c = read.clients[client]!;
      const pass = r.peer && read.target !== null && c.ratio !== undefined ? c.ratio >= read.target : null;
      if (pass !== null) {
        judged++;
        if (pass) met++;
      }
      readRows.push([
        read.label,
        client,
        ms(c.pharos.median),
        ms(c.pharos.p95),
        ms(c.backstage?.median),
        ms(c.backstage?.p95),
        r.peer ? ratioText(c.ratio) : "needs --peer",
        read.target === null ? "—" : `≥ ${read.target}×`,
        verdict(pass),
        `${c.pharos.samples}${c.backstage ? `/${c.backstage.samples}` : ""}${c.stoppedEarly ? " (time limit)" : ""}`,
      ]);
    }
  }
  lines.push(
    formatTable(
      [
        "read",
        "client",
        "Pharos ms",
        "p95",
        "Backstage ms",
        "p95",
        "ratio B/P",
        "target",
        "met?",
        "samples P/B",
      ],
      readRows,
    ),
  );
  const pairedRows = r.paired.map((p) => {
    const ratio = p.pharos !== null && p.backstage !== null ? p.backstage / p.pharos : null;
    const pass = r.peer && p.target !== null && ratio !== null ? ratio >= p.target : null;
    if (pass !== null) {
      judged++;
      if (pass) met++;
    }
    const value = (v: number | null) => (v === null ? "—" : `${ms(v)} ${p.unit}`);
    return [
      p.label,
      value(p.pharos),
      value(p.backstage),
      r.peer ? ratioText(ratio) : "needs --peer",
      p.target === null ? "—" : `≥ ${p.target}×`,
      verdict(pass),
    ];
  });
  lines.push("", formatTable(["measure", "Pharos", "Backstage", "ratio B/P", "target", "met?"], pairedRows));
  const ownRows = r.own.map((o) => {
    const pass = o.below === null ? null : o.median < o.below;
    if (pass !== null) {
      judged++;
      if (pass) met++;
    }
    return [
      o.label,
      ms(o.median),
      ms(o.p95),
      String(o.samples),
      o.below === null ? "—" : `< ${o.below} ms`,
      verdict(pass),
    ];
  });
  if (r.burst) {
    const b = r.burst;
    const pass = b.during.max < 50;
    judged++;
    if (pass) met++;
    ownRows.push(
      [
        `GET /api/health during ${b.parallel} parallel sign-ins (max ${ms(b.during.max)} ms)`,
        ms(b.during.median),
        ms(b.during.p95),
        String(b.during.samples),
        "max < 50 ms",
        verdict(pass),
      ],
      [
        "GET /api/health just before the burst",
        ms(b.before.median),
        ms(b.before.p95),
        String(b.before.samples),
        "—",
        "—",
      ],
    );
  }
  lines.push("", formatTable(["Pharos only", "median ms", "p95", "samples", "target", "met?"], ownRows));
  if (r.burst) {
    lines.push(
      "",
      `Sign-in burst: password hashing ${r.burst.hashing}; ${r.burst.parallel} sign-ins took ${ms(r.burst.burstMs)} ms in all (each: median ${ms(r.burst.signIn.median)} ms, max ${ms(r.burst.signIn.max)} ms).`,
    );
  }
  lines.push(
    "",
    "ratio B/P is Backstage's median ÷ Pharos's median: 2.0× means Pharos answers in half the time.",
  );
  if (!r.peer)
    lines.push(
      "Ratios need the live peer: npm run bench -- --peer (installs Backstage's catalog backend on first use).",
    );
  for (const p of r.paired) if (p.note) lines.push(`${p.label}: ${p.note}`);
  lines.push(...r.notes, "", `${met} of ${judged} targets met.`);
  const text = lines.join("\n");
  console.log(`\n${text}`);
  return text;
}

export function saveReport(r: Report): string {
  const dir = path.join(ROOT, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const rounded = JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === "number" ? round(v, 2) : v)));
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  };
  fs.writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), machine, ...rounded }, null, 2)}\n`,
  );
  return path.relative(ROOT, out);
}
