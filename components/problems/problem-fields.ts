import type { ProblemDetail } from "@/lib/incidents/problem-queries";

/** A problem's editable fields as its form sends them: people by email, the service by slug. */
export type ProblemFields = {
  version: number;
  title: string;
  description: string;
  rootCause: string;
  workaround: string;
  owner: string;
  service: string;
};

export const problemFields = (p: ProblemDetail): ProblemFields => ({
  version: p.version,
  title: p.title,
  description: p.description,
  rootCause: p.rootCause,
  workaround: p.workaround,
  owner: p.owner?.email ?? "",
  service: p.service?.slug ?? "",
});
