import { RESOURCES, type Resource, type TokenScope } from "./permissions";

/** How the token form and the token list put scopes into words. Pure: no I/O. */

export type ScopeOption = { scope: TokenScope; label: string; hint: string };
export type ResourceRow = {
  resource: Resource;
  label: string;
  hint: string;
  read?: ScopeOption;
  write?: ScopeOption;
};
export type ScopeChoices = { shorthands: ScopeOption[]; resources: ResourceRow[]; narrow: ScopeOption[] };

const RESOURCE_TEXT: Record<Resource, { label: string; hint: string }> = {
  catalog: { label: "Catalog", hint: "services, teams, dependencies" },
  slo: { label: "SLOs", hint: "objectives, error budgets, measurements" },
  incidents: { label: "Incidents", hint: "incidents, postmortems, action items" },
  changes: { label: "Changes", hint: "change requests, approvals, freeze windows" },
  people: { label: "People", hint: "the directory, onboarding, mentoring" },
  reports: { label: "Reports", hint: "scorecards and reliability reports" },
  admin: { label: "Administration", hint: "users, teams, tokens, audit log" },
};

const SHORTHAND_TEXT: Record<"read" | "write" | "admin", { label: string; hint: string }> = {
  read: { label: "Read", hint: "See everything your role can see, except administration." },
  write: { label: "Read and write", hint: "See and change everything your role can, except administration." },
  admin: { label: "Everything", hint: "All your role allows, administration included." },
};

const NARROW_TEXT: Record<"slo:measurements", { label: string; hint: string }> = {
  "slo:measurements": {
    label: "Push SLO measurements",
    hint: "For CI and monitoring: may send SLI measurements and nothing else.",
  },
};

function option(scope: TokenScope): ScopeOption {
  if (scope === "read" || scope === "write" || scope === "admin") return { scope, ...SHORTHAND_TEXT[scope] };
  if (scope === "slo:measurements") return { scope, ...NARROW_TEXT[scope] };
  const [resource, access] = scope.split(":") as [Resource, "read" | "write"];
  return {
    scope,
    label: access === "read" ? "Read" : "Read and write",
    hint: `${RESOURCE_TEXT[resource].label}: ${access === "read" ? "see" : "see and change"} ${RESOURCE_TEXT[resource].hint}.`,
  };
}

/**
 * The scopes `offered` (what the owner's role can use, from `scopesForRole`) grouped the
 * way the form shows them: the all-resource shorthands first, then one row per resource
 * with its read and write scope, then narrow scopes for one job such as CI.
 */
export function scopeChoices(offered: readonly TokenScope[]): ScopeChoices {
  const has = (scope: string) => offered.includes(scope as TokenScope);
  return {
    shorthands: (["read", "write", "admin"] as const).filter(has).map(option),
    resources: RESOURCES.flatMap((resource) => {
      const read = has(`${resource}:read`) ? option(`${resource}:read` as TokenScope) : undefined;
      const write = has(`${resource}:write`) ? option(`${resource}:write` as TokenScope) : undefined;
      return read || write ? [{ resource, ...RESOURCE_TEXT[resource], read, write }] : [];
    }),
    narrow: (["slo:measurements"] as const).filter(has).map(option),
  };
}

/** A scope as the token list shows it: `catalog:write` → "Catalog: read and write". Unknown ones as they are. */
export function scopeName(scope: string): string {
  if (scope === "read") return "Read all";
  if (scope === "write") return "Read and write all";
  if (scope === "admin") return "Everything";
  if (scope === "slo:measurements") return "SLO measurements (CI)";
  const [resource, access] = scope.split(":");
  const text = RESOURCE_TEXT[resource as Resource];
  if (!text || (access !== "read" && access !== "write")) return scope;
  return `${text.label}: ${access === "read" ? "read" : "read and write"}`;
}
