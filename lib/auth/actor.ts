import type { Role } from "@/db/schema/enums";
import { type Permission, roleHas, scopeAllows } from "./permissions";

/** Who is asking: a signed-in person, a person through an API token, or the operator CLI. */
export type Actor =
  | {
      kind: "user";
      /** `schedule`: a background job acting with this person's rights (a catalog location they registered). */
      via: "web" | "api" | "schedule";
      user: { id: string; email: string; name: string; role: Role };
      /** `mintedBy`: the admin who made this token for its owner, named beside the owner in the audit log. */
      token?: { id: string; scopes: readonly string[]; mintedBy?: { id: string; email: string } };
    }
  | { kind: "system"; via: "cli" | "system"; label: string };

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  // The CLI runs with the machine's own access to the database; it is audited as such.
  if (actor.kind === "system") return true;
  if (!roleHas(actor.user.role, permission)) return false;
  return actor.token ? scopeAllows(actor.token.scopes, permission) : true;
}

export function actorLabel(actor: Actor): string {
  return actor.kind === "system" ? actor.label : actor.user.email;
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.user.id : null;
}

export const cliActor: Actor = { kind: "system", via: "cli", label: "cli" };
