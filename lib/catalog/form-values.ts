import type { Service } from "@/db/schema";

/** A stored service as the edit form's text fields. */
export function serviceFormValues(service: Service, ownerTeam: string | null): Record<string, string> {
  return {
    slug: service.slug,
    name: service.name,
    description: service.description,
    ownerTeam: ownerTeam ?? "",
    tier: service.tier,
    lifecycle: service.lifecycle,
    domain: service.domain,
    tags: service.tags.join(", "),
    system: service.system ?? "",
    onCall: service.onCall ?? "",
    repoUrl: service.repoUrl ?? "",
    runbookUrl: service.runbookUrl ?? "",
    lastDrTestAt: service.lastDrTestAt ? service.lastDrTestAt.toISOString().slice(0, 10) : "",
    rtoMinutes: service.rtoMinutes?.toString() ?? "",
    rpoMinutes: service.rpoMinutes?.toString() ?? "",
    // The form edits links as rows; it reads and sends them as JSON text.
    links: JSON.stringify(service.links.map((l) => ({ title: l.title, url: l.url, kind: l.kind ?? "" }))),
  };
}
