import { z } from "zod";
import { ENTITY_NAME } from "./refs";

/** YAML reads `rto: 60` as a number; Backstage wants strings, so plain scalars are taken as text. */
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
/** `description:` with nothing after it is null in YAML; treat it as absent. */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);
const refList = z.array(z.string().min(1, "must not be empty")).nullish();
/** A required text: "is missing" reads better in an import report than zod's type names. */
const required = () =>
  z.string({
    error: (issue) => (issue.input === undefined || issue.input === null ? "is missing" : "must be text"),
  });

const link = z.object({
  url: z.string().refine((u) => URL.canParse(u), "must be a valid absolute URL"),
  title: optionalText,
  type: optionalText,
});

export const envelopeSchema = z.object({
  apiVersion: required().refine((v) => v.startsWith("backstage.io/"), 'must start with "backstage.io/"'),
  kind: required().min(1, "is missing"),
  metadata: z.object(
    {
      name: required()
        .max(63, "must be at most 63 characters")
        .regex(ENTITY_NAME, "must be runs of [a-zA-Z0-9] separated by one of - _ . (Backstage's name rule)"),
      namespace: optionalText,
      title: optionalText,
      description: optionalText,
      labels: z.record(z.string(), text).nullish(),
      annotations: z.record(z.string(), text).nullish(),
      tags: z.array(text).nullish(),
      links: z.array(link).nullish(),
    },
    {
      error: (issue) =>
        issue.input === undefined || issue.input === null ? "is missing" : "must be a mapping",
    },
  ),
  spec: z.record(z.string(), z.unknown()).nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const componentSpecSchema = z.object({
  type: optionalText,
  lifecycle: optionalText,
  owner: optionalText,
  system: optionalText,
  dependsOn: refList,
});

const profile = z
  .object({ displayName: optionalText, email: optionalText })
  .nullish()
  .transform((p) => ({ displayName: p?.displayName, email: p?.email }));

export const groupSpecSchema = z.object({ profile });
export const userSpecSchema = z.object({ profile, memberOf: refList });
export const systemSpecSchema = z.object({ domain: optionalText });

/** One line naming every failing field, e.g. `metadata.links[0].url: must be a valid absolute URL`. */
export function describeIssues(error: z.ZodError, prefix = ""): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
        .join("");
      return `${prefix}${path || "(document)"}: ${issue.message}`;
    })
    .join("; ");
}
