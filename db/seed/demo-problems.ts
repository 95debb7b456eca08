import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { actionItems, incidents, problems } from "@/db/schema/incidents";
import type { SeededIncident } from "./demo-incidents";

type Person = { id: string; email: string; name: string };
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Two problems made of the year's repeats: certificates that expire unnoticed (a known error
 * with a workaround) and the payments connection pool (still being investigated).
 */
export async function seedDemoProblems(
  tx: Tx,
  seeded: SeededIncident[],
  person: Map<string, Person>,
  now: Date,
) {
  const t = now.getTime();
  const byCause = (cause: string) =>
    seeded.filter((i) => i.pattern?.cause === cause && i.status !== "cancelled");
  const specs = [
    {
      title: "Certificates expire without warning",
      description:
        "Signing and TLS certificates on the edge and identity services have expired in production more than once.",
      state: "known_error" as const,
      rootCause:
        "Certificates are renewed by hand from a calendar reminder; nothing alerts before expiry and the IdP metadata is not monitored.",
      workaround: "Follow the certificate renewal runbook; check `pharos-certs expiring --days 30` weekly.",
      owner: "mei.tanaka@pharos.demo",
      incidents: byCause("expired certificate"),
      items: [
        {
          title: "Alert 21 days before any certificate expires",
          type: "prevent" as const,
          priority: "p1" as const,
          dueIn: -6,
          owner: "mei.tanaka@pharos.demo",
        },
        {
          title: "Automate renewal with ACME for the gateway",
          type: "prevent" as const,
          priority: "p2" as const,
          dueIn: 20,
          owner: "aisha.bello@pharos.demo",
        },
      ],
    },
    {
      title: "Payments connection pool exhausts under load",
      description:
        "Latency incidents on payments-api and the ledger share a saturated database connection pool.",
      state: "investigating" as const,
      rootCause: "",
      workaround: "Raise the pool limit and recycle the slowest pods (runbook: payments-pool).",
      owner: "jordan.okafor@pharos.demo",
      incidents: byCause("database connection pool exhaustion"),
      items: [
        {
          title: "Load-test payments-api at 2× peak with pool metrics",
          type: "mitigate" as const,
          priority: "p2" as const,
          dueIn: 9,
          owner: "jordan.okafor@pharos.demo",
        },
      ],
    },
  ];
  for (const spec of specs) {
    const linked = spec.incidents.slice(-5);
    if (!linked.length) continue;
    const owner = person.get(spec.owner);
    const first = linked[0].declaredAt.getTime();
    // The gateway is the demo's gold example: the problem's (overdue) work sits with identity.
    const home = linked.find((i) => i.pattern?.services[0] !== "api-gateway") ?? linked[0];
    const [problem] = await tx
      .insert(problems)
      .values({
        title: spec.title,
        description: spec.description,
        state: spec.state,
        rootCause: spec.rootCause,
        workaround: spec.workaround,
        ownerId: owner?.id,
        serviceId: home.serviceIds[0],
        knownErrorAt: spec.state === "known_error" ? new Date(first + 20 * DAY) : null,
        createdById: owner?.id,
        createdAt: new Date(first + 3 * DAY),
        updatedAt: new Date(first + 20 * DAY),
      })
      .returning();
    await tx
      .update(incidents)
      .set({ problemId: problem.id })
      .where(
        inArray(
          incidents.id,
          linked.map((i) => i.id),
        ),
      );
    await tx.insert(actionItems).values(
      spec.items.map((item) => ({
        problemId: problem.id,
        title: item.title,
        ownerId: person.get(item.owner)?.id,
        serviceId: home.serviceIds[0],
        dueOn: isoDay(t + item.dueIn * DAY),
        type: item.type,
        priority: item.priority,
        createdById: owner?.id,
      })),
    );
  }
}
