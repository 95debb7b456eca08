import type { Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { type Actor, actorLabel, actorUserId } from "@/lib/auth/actor";
import { redact } from "./redact";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit row inside the caller's transaction, so the write and its record commit together. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditInput) {
  await recordAuditBatch(tx, actor, [entry]);
}

/** Many audit rows in one statement, for bulk writes such as a catalog import. */
export async function recordAuditBatch(tx: Tx, actor: Actor, entries: AuditInput[]) {
  const CHUNK = 1000;
  const token = actor.kind === "user" ? actor.token : undefined;
  for (let i = 0; i < entries.length; i += CHUNK) {
    await tx.insert(auditLog).values(
      entries.slice(i, i + CHUNK).map((entry) => ({
        actorUserId: actorUserId(actor),
        actorLabel: actorLabel(actor),
        via: actor.via,
        tokenId: token?.id ?? null,
        // A token an admin minted for someone acts as its owner; the row names the admin too.
        mintedByUserId: token?.mintedBy?.id ?? null,
        mintedByLabel: token?.mintedBy?.email ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: redact(entry.before) ?? null,
        after: redact(entry.after) ?? null,
      })),
    );
  }
}
