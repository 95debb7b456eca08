/**
 * The operator CLI: `npm run pharos -- <command>`. It talks to the same database the
 * server uses (DATABASE_URL, or the embedded folder — which it refuses to open while a
 * running server holds it) and runs writes through the same audited commands.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { closeDb, getDb, getHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { createUser } from "@/lib/admin/user-commands";
import { cliActor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/token-commands";
import { importCatalog } from "@/lib/catalog/import/apply";
import { getJob, startJob } from "@/lib/catalog/import/jobs";
import { type PlanRow, planImport } from "@/lib/catalog/import/plan";
import { executeCommand } from "@/lib/command/execute";
import type { Failure } from "@/lib/command/result";
import { importOpenSlo } from "@/lib/slo/openslo/import";
import type { OpenSloImportReport } from "@/lib/slo/openslo/report";
import { lookupUserId } from "./cli-lookup";

const USAGE = `Usage: npm run pharos -- <command>

  migrate                                   apply database migrations
  seed --demo                               load the demo organisation into an empty database
  user create --email E --name N --role R [--team SLUG …] [--password P]
  token create --email E --name N [--scopes read,catalog:write,slo:measurements] [--expires 30d]
                                            scopes: read, write, admin, <resource>:read|write
                                            (catalog, slo, incidents, changes, people, reports,
                                            admin), slo:measurements; within the owner's role
  import catalog FILE [--dry-run] [--confirm-removals]
                                            import Backstage catalog-info.yaml (all or nothing;
                                            updates that remove data need --confirm-removals)
  import openslo FILE [--dry-run]           import OpenSLO v1 SLOs (all or nothing; one Pharos SLO
                                            per objective; see docs/openslo.md)
`;

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case "migrate":
      await migrate();
      return;
    case "seed":
      await seed(
        parseArgs({ args: [sub, ...rest].filter(Boolean), options: { demo: { type: "boolean" } } }).values,
      );
      return;
    case "user":
      if (sub !== "create") break;
      await userCreate(rest);
      return;
    case "token":
      if (sub !== "create") break;
      await tokenCreate(rest);
      return;
    case "import":
      if (sub === "catalog") await importCatalogFile(rest);
      else if (sub === "openslo") await importOpenSloFile(rest);
      else break;
      return;
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return;
  }
  throw new UsageError(`Unknown command: ${argv.join(" ")}`);
}

async function migrate() {
  await runMigrations(getHandle());
  console.log("Migrations applied.");
}

async function seed(values: { demo?: boolean }) {
  if (!values.demo) throw new UsageError("Only the demo seed exists: pass --demo.");
  await runMigrations(getHandle());
  const result = await seedDemo(getHandle().db);
  console.log(
    result.created
      ? `Demo organisation created: ${result.teams} teams, ${result.users} users, ${result.services} services, ${result.dependencies} dependencies.`
      : "Demo organisation already present; nothing changed.",
  );
}

async function userCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      team: { type: "string", multiple: true },
      password: { type: "string" },
    },
  });
  await runMigrations(getHandle());
  const result = await executeCommand(createUser, cliActor, { ...values, teams: values.team ?? [] });
  const data = unwrap(result);
  console.log(`Created ${data.user.email} (${data.user.role}).`);
  if (data.inviteToken) console.log(`Invite link (valid 7 days): /invite/${data.inviteToken}`);
}

async function tokenCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
    },
  });
  if (!values.email) throw new UsageError("--email is required.");
  await runMigrations(getHandle());
  const userId = await lookupUserId(values.email);
  const result = await executeCommand(createToken, cliActor, {
    name: values.name,
    scopes: values.scopes,
    expiresIn: values.expires,
    userId,
  });
  const data = unwrap(result);
  console.error(
    `Token "${data.name}" for ${values.email}, scopes ${data.scopes.join(",")}, expires ${data.expiresAt?.toISOString()}.`,
  );
  console.log(data.token);
}

async function importCatalogFile(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, "confirm-removals": { type: "boolean" } },
  });
  if (positionals.length !== 1) throw new UsageError("Name one catalog-info.yaml file.");
  const yaml = fs.readFileSync(positionals[0], "utf8");
  await runMigrations(getHandle());
  const started = performance.now();
  if (values["dry-run"]) {
    const plan = await planImport(getDb(), cliActor, yaml);
    printPlan(plan.rows, plan.counts);
    console.log(`Dry run: nothing was written (${Math.round(performance.now() - started)} ms).`);
    if (!plan.ok) process.exitCode = 1;
    return;
  }
  const job = startJob(null);
  const timer = setInterval(() => {
    const j = getJob(job.id);
    if (j?.total) process.stderr.write(`\r${j.phase} ${j.processed}/${j.total}   `);
  }, 500);
  const result = await executeCommand(importCatalog, cliActor, {
    yaml,
    jobId: job.id,
    confirmRemovals: values["confirm-removals"] === true,
  }).finally(() => clearInterval(timer));
  process.stderr.write("\n");
  if (!result.ok) {
    const plan = result.details as { rows: PlanRow[]; counts: Record<string, number> } | undefined;
    if (plan)
      printPlan(
        plan.rows.filter((r) => r.action === "error" || r.warnings?.length),
        plan.counts,
      );
    throw new Error(result.error);
  }
  printPlan([], result.data.counts);
  console.log(`Imported in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

async function importOpenSloFile(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" } },
  });
  if (positionals.length !== 1) throw new UsageError("Name one OpenSLO YAML file.");
  const yaml = fs.readFileSync(positionals[0], "utf8");
  await runMigrations(getHandle());
  const dryRun = values["dry-run"] === true;
  const result = await importOpenSlo(cliActor, yaml, { dryRun });
  const report = (result.ok ? result.data : result.details) as OpenSloImportReport | undefined;
  if (report) printOpenSloReport(report);
  if (!result.ok) throw new Error(result.error);
  console.log(
    dryRun
      ? `Dry run: ${report?.slos ?? 0} SLOs would be created; nothing was written.`
      : `Created ${report?.created ?? 0} SLOs.`,
  );
}

function printOpenSloReport(report: OpenSloImportReport) {
  for (const d of report.documents) {
    const what = [d.kind || "document", d.name].filter(Boolean).join(" ");
    console.log(`${d.status.padEnd(12)} documents[${d.index}] ${what}${d.reason ? ` — ${d.reason}` : ""}`);
    for (const s of d.slos ?? [])
      console.log(`             ${s.service}: ${s.name}${s.id ? ` (${s.id})` : ""}`);
    for (const e of d.errors) console.log(`             error: ${e}`);
    for (const w of d.warnings) console.log(`             warning: ${w}`);
  }
}

function printPlan(rows: PlanRow[], counts: Record<string, number>) {
  for (const r of rows) {
    console.log(`${r.action.padEnd(9)} ${r.ref}${r.reason ? ` — ${r.reason}` : ""}`);
    for (const d of r.diff ?? []) console.log(`          ${d.label}: ${d.before} → ${d.after}`);
    for (const w of r.warnings ?? []) console.log(`          warning: ${w}`);
  }
  console.log(
    Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(", "),
  );
}

class UsageError extends Error {}

function unwrap<T>(result: { ok: true; data: T } | Failure): T {
  if (result.ok) return result.data;
  const fields = Object.entries(result.fieldErrors ?? {}).map(([k, v]) => `  --${k}: ${v}`);
  throw new UsageError(fields.length > 1 ? [result.error, ...fields].join("\n") : result.error);
}

main(process.argv.slice(2))
  .then(() => closeDb())
  .catch(async (error: unknown) => {
    await closeDb().catch(() => {});
    if (error instanceof UsageError) {
      console.error(error.message);
      console.error(`\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
