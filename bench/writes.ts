/**
 * `npm run bench:writes`: the server time of the catalog's everyday writes — register, edit,
 * verify, add a dependency — on the demo organisation and again with 10,000 services, each
 * the command as a server action runs it (permission, validation, one transaction, the
 * scorecard refresh, the audit row), on a fresh local PostgreSQL database. Page rendering
 * and revalidation are not part of it; the page reads are timed by `npm run bench`.
 *
 *   npm run bench:writes -- [--rounds 40] [--services 10000]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openPostgres, setHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import type { Actor } from "@/lib/auth/actor";
import { addDependency, removeDependency } from "@/lib/catalog/dependency-commands";
import { createService, updateService, verifyService } from "@/lib/catalog/service-commands";
import { executeCommand } from "@/lib/command/execute";
import { createBenchDatabase } from "./bench-db";
import { formatTable, median, percentile, round } from "./stats";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "40" }, services: { type: "string", default: "10000" } },
});
const ROUNDS = Number(values.rounds);
const SERVICES = Number(values.services);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Timings = Record<string, number[]>;

async function time(samples: number[], run: () => Promise<{ ok: boolean }>) {
  const started = performance.now();
  const result = await run();
  samples.push(performance.now() - started);
  if (!result.ok) throw new Error(`a timed write failed: ${JSON.stringify(result)}`);
}

/** Each write ROUNDS times as Sam (an engineer on payments) would make it. */
async function writes(actor: Actor, label: string): Promise<Timings> {
  const t: Timings = { register: [], edit: [], verify: [], "add dependency": [] };
  for (let i = 0; i < ROUNDS; i += 1) {
    const slug = `bench-${label}-${i}`;
    await time(t.register, () =>
      executeCommand(createService, actor, {
        slug,
        name: `Bench ${i}`,
        ownerTeam: "payments",
        tier: "tier2",
      }),
    );
    await time(t.edit, () =>
      executeCommand(updateService, actor, { slug, description: `Edited ${i}`, onCall: "payments-primary" }),
    );
    await time(t.verify, () => executeCommand(verifyService, actor, { slug }));
    await time(t["add dependency"], () =>
      executeCommand(addDependency, actor, { slug, dependsOn: "ledger" }),
    );
    await executeCommand(removeDependency, actor, { slug, dependsOn: "ledger" });
  }
  return t;
}

/** 10,000 services in one statement: the size the issue names, owned across the demo's teams. */
async function grow(db: ReturnType<typeof openPostgres>["db"], total: number) {
  await db.execute(sql`
    insert into services (slug, name, description, owner_team_id, tier)
    select 'gen-' || g, 'Generated ' || g, 'A generated service for the write benchmark.',
      (select id from teams order by slug offset (g % 7) limit 1), ('tier' || (g % 4))::tier
    from generate_series(1, ${total} - (select count(*) from services)) g`);
  await db.execute(sql`analyze`);
}

async function main() {
  const database = await createBenchDatabase(ADMIN_URL, "pharos_writes_");
  const handle = openPostgres(database.url, 4);
  setHandle(handle);
  try {
    await runMigrations(handle);
    await seedDemo(handle.db);
    const [sam] = await handle.db.select().from(users).where(sql`${users.email} = 'engineer@pharos.demo'`);
    const actor: Actor = {
      kind: "user",
      via: "web",
      user: { id: sam.id, email: sam.email, name: sam.name, role: sam.role },
    };
    const demo = await writes(actor, "demo");
    await grow(handle.db, SERVICES);
    const large = await writes(actor, "large");
    const rows = Object.keys(demo).map((k) => [
      k,
      `${round(median(demo[k]))} ms`,
      `${round(percentile(demo[k], 95))} ms`,
      `${round(median(large[k]))} ms`,
      `${round(percentile(large[k], 95))} ms`,
      `${round(median(large[k]) / median(demo[k]), 2)}×`,
    ]);
    console.log(
      `\nCatalog writes, server time of the command (PostgreSQL ${database.serverVersion}, postgres.js, ${ROUNDS} rounds each)\n`,
    );
    console.log(
      formatTable(
        ["write", "demo median", "demo p95", `${SERVICES} median`, `${SERVICES} p95`, "10k ÷ demo"],
        rows,
      ),
    );
    console.log("\ntargets: median < 150 ms on the demo data, < 300 ms at 10,000 services");
  } finally {
    await handle.close();
    setHandle(undefined);
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
