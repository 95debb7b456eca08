/** Test helpers only: production code must not import @backstage/catalog-model (a devDependency). */
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from "@backstage/catalog-model";
import { expect } from "vitest";
import { mapDocuments } from "./map";
import { parseCatalogYaml } from "./parse";
import type { ImportEntity, ServiceImport } from "./types";

/** The policies Backstage's catalog applies on ingestion, plus each kind's own schema. */
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const kindValidators: Record<string, { check(data: Entity): Promise<boolean> }> = {
  Component: componentEntityV1alpha1Validator,
  Group: groupEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
  Domain: domainEntityV1alpha1Validator,
};

/** Throws Backstage's own message when the entity would be rejected by a Backstage catalog. */
export async function assertBackstageValid(entity: unknown): Promise<void> {
  const e = entity as Entity;
  const validator = kindValidators[e.kind];
  if (!validator) throw new Error(`no validator for kind ${e.kind}`);
  const enforced = await policy.enforce(e);
  if (!enforced) throw new Error(`${e.kind} ${e.metadata.name} was rejected by the entity policies`);
  if ((await validator.check(enforced)) !== true) {
    throw new Error(`${e.kind} ${e.metadata.name} failed the ${e.kind} schema`);
  }
}

export const run = (yaml: string) => mapDocuments(parseCatalogYaml(yaml));

export function component(
  name: string,
  extra = "",
  spec = "  type: service\n  owner: payments\n  lifecycle: production\n",
) {
  return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${extra}spec:\n${spec}`;
}

/** Maps one YAML text and returns its service, failing the test on any error. */
export function service(yaml: string): ServiceImport {
  const result = run(yaml);
  expect(result.errors).toEqual([]);
  const found = result.entities.find(
    (e): e is Extract<ImportEntity, { kind: "service" }> => e.kind === "service",
  );
  if (!found) throw new Error("no service mapped");
  return found.data;
}
