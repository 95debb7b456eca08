import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./auth";
import { currentRequestFacts } from "./request-facts";
import { actorFromSession, type WebActor } from "./session-store";

/**
 * The signed-in person, re-read from the database on every request through their
 * server-side session: a role change applies at once, and a session that was signed out,
 * ended, or belongs to a deactivated user (or one whose password was set since) stops.
 */
export const getActor = cache(async (): Promise<WebActor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { address } = await currentRequestFacts();
  return actorFromSession(getDb(), { uid: session.user.id, sv: session.sv, sid: session.sid }, { address });
});

export async function requireActor() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
