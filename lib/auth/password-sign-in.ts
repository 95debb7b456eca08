import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { executeCommand } from "@/lib/command/execute";
import type { Actor } from "./actor";
import { verifyPassword } from "./password";
import type { RequestFacts } from "./request-facts";
import { startSession } from "./session-commands";
import { hasSignedInFrom } from "./session-store";
import { reserveAttempt, settleSuccess } from "./throttle";
import { normalizeAccount, THROTTLE, throttleKeys } from "./throttle-policy";

export type SignedIn = { ok: true; user: User; sessionId: string };
export type PasswordSignIn =
  | SignedIn
  | { ok: false; reason: "invalid" | "deactivated" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export function userActor(
  user: Pick<User, "id" | "email" | "name" | "role">,
): Extract<Actor, { kind: "user" }> {
  return {
    kind: "user",
    via: "web",
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
}

/**
 * Email and password to a new server-side session. The try is reserved on the throttle's
 * counters before the password is checked (so parallel guesses get no more than the free
 * allowance), and a wrong password or an unknown email answer alike.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; facts: RequestFacts; now?: Date },
): Promise<PasswordSignIn> {
  const email = normalizeAccount(input.email).slice(0, 254);
  const password = input.password.slice(0, 1000);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const knownAddress = user
    ? await hasSignedInFrom(db, user.id, input.facts.address, THROTTLE.knownAddressDays)
    : false;
  const keys = throttleKeys({ email, address: input.facts.address, knownAddress });
  const reservation = await reserveAttempt(db, keys, input.now);
  if (!reservation.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: reservation.retryAfterSeconds };
  const ok = await verifyPassword(password, user?.passwordHash);
  // A failure stays counted: the reservation was the count.
  if (!ok || !user) return { ok: false, reason: "invalid" };
  await settleSuccess(db, keys);
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  const started = await executeCommand(startSession, userActor(user), {
    method: "password",
    userAgent: input.facts.userAgent,
    address: input.facts.address,
  });
  if (!started.ok) {
    if (started.code === "forbidden") return { ok: false, reason: "deactivated" };
    throw new Error(`Could not start a session: ${started.error}`);
  }
  return { ok: true, user, sessionId: started.data.sessionId };
}
