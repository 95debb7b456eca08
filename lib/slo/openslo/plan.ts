import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema/catalog";
import { slos } from "@/db/schema/slo";
import type { Actor } from "@/lib/auth/actor";
import { mayEditTeamServices } from "@/lib/catalog/ownership";
import type { ParsedDocument } from "./types";

/**
 * Checks what the file cannot know against Pharos, without writing: that each `spec.service`
 * is a live Pharos service, that the caller may define its SLOs (a member of its owning team,
 * or an admin), and that no SLO name is taken on its service, in Pharos or earlier in the
 * file. Problems are added to their documents, which become errors. The create command
 * checks the same again as it writes: this is what lets a dry run report them all at once.
 */
export async function planOpenSloImport(
  db: Queryable,
  actor: Actor,
  docs: ParsedDocument[],
): Promise<ParsedDocument[]> {
  const wanted = [...new Set(docs.flatMap((d) => d.slos.map((s) => s.input.service)))];
  if (!wanted.length) return docs;
  const rows = await db
    .select({
      id: services.id,
      slug: services.slug,
      ownerTeamId: services.ownerTeamId,
      archivedAt: services.archivedAt,
    })
    .from(services)
    .where(inArray(services.slug, wanted));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const existing = rows.length
    ? await db
        .select({ serviceId: slos.serviceId, name: slos.name })
        .from(slos)
        .where(
          inArray(
            slos.serviceId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const taken = new Set(existing.map((s) => `${s.serviceId}\u0000${s.name.toLowerCase()}`));
  const inFile = new Set<string>();
  const allowed = new Map<string, boolean>();
  for (const r of rows)
    allowed.set(r.slug, await mayEditTeamServices(db, actor, r.ownerTeamId, "slo.update_any"));

  return docs.map((d) => {
    if (d.status !== "ok") return d;
    const errors: string[] = [];
    const base = `documents[${d.index}]`;
    for (const s of d.slos) {
      const service = bySlug.get(s.input.service);
      if (!service) {
        errors.push(`${base}.spec.service: no Pharos service has the slug "${s.input.service}"`);
        continue;
      }
      if (service.archivedAt) errors.push(`${base}.spec.service: "${s.input.service}" is archived`);
      if (!allowed.get(service.slug))
        errors.push(
          `${base}.spec.service: only members of the team that owns "${s.input.service}" (or an admin) may define its SLOs`,
        );
      const key = `${service.id}\u0000${s.input.name.toLowerCase()}`;
      if (taken.has(key))
        errors.push(
          `${base}.spec.objectives[${s.objective}]: "${s.input.service}" already has an SLO named "${s.input.name}"`,
        );
      else if (inFile.has(key))
        errors.push(
          `${base}.spec.objectives[${s.objective}]: an earlier document also defines "${s.input.name}" on "${s.input.service}"`,
        );
      inFile.add(key);
    }
    if (!errors.length) return d;
    return { ...d, status: "error", slos: [], errors: [...new Set([...d.errors, ...errors])] };
  });
}
