import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIFECYCLES, SERVICE_DOMAINS, TIERS } from "@/db/schema/enums";
import { SERVICE_FIELDS } from "../import/merge";
import { serviceToEntity, toCatalogYaml } from "./export";
import { mapDocuments } from "./map";
import { parseCatalogYaml } from "./parse";
import { assertBackstageValid } from "./testing";
import type { ImportEntity, ServiceExport } from "./types";

const segment = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const slug = fc
  .array(segment, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join("-"))
  .filter((s) => s.length >= 2 && s !== "unowned");
const entityName = fc
  .tuple(
    fc.stringMatching(/^[a-zA-Z0-9]{1,10}$/),
    fc.array(fc.stringMatching(/^[-_.][a-zA-Z0-9]{1,8}$/), { maxLength: 3 }),
  )
  .map(([head, rest]) => head + rest.join(""));
const text = fc.string({ unit: "grapheme", maxLength: 40 });
const nonBlank = text.filter((s) => s.trim().length > 0);
const notRunbook = (s: string) => !/runbook/i.test(s);
const tag = fc.stringMatching(/^[a-z0-9:+#]{1,10}(-[a-z0-9:+#]{1,10}){0,2}$/);
const annotationKey = fc
  .tuple(fc.constantFrom("example.com", "backstage.io", "acme.dev"), entityName)
  .map(([prefix, name]) => `${prefix}/${name}`)
  .filter(
    (k) => !k.startsWith("backstage.io/") || !/^backstage\.io\/(source-location|managed-by|orphan)/.test(k),
  );
const date = fc.date({
  min: new Date("1970-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59Z"),
  noInvalidDate: true,
});
const minutes = fc.option(fc.integer({ min: 0, max: 525_600 }));

const serviceArb: fc.Arbitrary<ServiceExport> = fc
  .record({
    slug,
    name: nonBlank,
    description: text,
    ownerTeam: fc.option(slug),
    tier: fc.constantFrom(...TIERS),
    lifecycle: fc.constantFrom(...LIFECYCLES),
    domain: fc.constantFrom(...SERVICE_DOMAINS),
    repoUrl: fc.option(fc.webUrl()),
    runbookUrl: fc.option(fc.webUrl()),
    onCall: fc.option(nonBlank),
    links: fc.array(
      fc.record(
        {
          url: fc.webUrl(),
          title: nonBlank.filter(notRunbook),
          kind: fc.stringMatching(/^[a-z]{1,10}$/).filter(notRunbook),
        },
        { requiredKeys: ["url", "title"] },
      ),
      { maxLength: 5 },
    ),
    tags: fc.uniqueArray(tag, { maxLength: 6 }),
    rtoMinutes: minutes,
    rpoMinutes: minutes,
    lastDrTestAt: fc.option(date),
    system: fc.option(entityName),
    businessDomain: fc.constant(null),
    annotations: fc.dictionary(annotationKey, text, { maxKeys: 4 }),
    dependsOn: fc.uniqueArray(slug, { maxLength: 5 }),
    verifiedAt: fc.option(date),
    scorecardLevel: fc.constantFrom("none", "bronze", "silver", "gold"),
  })
  .map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => d !== s.slug) }));

describe("Backstage round trip (property)", () => {
  it("export → YAML → parse → map gives back the same service, and Backstage accepts it", async () => {
    await fc.assert(
      fc.asyncProperty(serviceArb, async (s) => {
        const entity = serviceToEntity(s);
        await assertBackstageValid(entity);
        const { entities, errors, skipped } = mapDocuments(parseCatalogYaml(toCatalogYaml([entity])));
        expect(errors).toEqual([]);
        expect(skipped).toEqual([]);
        const { verifiedAt: _v, scorecardLevel: _l, ...fields } = s;
        const [{ stated, ...entity0 }] = entities as Extract<ImportEntity, { kind: "service" }>[];
        expect([entity0]).toEqual([
          {
            kind: "service",
            ref: `component:default/${s.slug}`,
            data: { ...fields, lastDrTestAt: s.lastDrTestAt?.toISOString() ?? null },
          },
        ]);
        // An export states every field that has a value, so importing it elsewhere keeps nothing stale.
        const empty = (v: unknown) =>
          v === null ||
          v === "" ||
          (Array.isArray(v) && !v.length) ||
          (typeof v === "object" && !Object.keys(v as object).length);
        const valued = SERVICE_FIELDS.filter(
          (f) => f !== "businessDomain" && !empty((fields as Record<string, unknown>)[f]),
        );
        expect(valued.filter((f) => !stated.includes(f))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
