import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "./actor";
import { auth } from "./auth";

/**
 * The signed-in person, re-read from the database on every request: a role change
 * applies at once, and a deactivated user's (or a reset password's) old sessions stop.
 */
export const getActor = cache(async (): Promise<Extract<Actor, { kind: "user" }> | null> => {
  const session = await auth();
  const uid = session?.user?.id;
  if (!uid) return null;
  const [user] = await getDb().select().from(users).where(eq(users.id, uid));
  if (!user || user.deactivatedAt || session.sv !== user.sessionVersion) return null;
  return {
    kind: "user",
    via: "web",
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
});

export async function requireActor() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
