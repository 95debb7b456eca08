import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";

let counter = 0;

/** Inserts a user straight into the database (setup, not the thing under test) and returns them as an actor. */
export async function makeUser(db: Db, role: Role, opts: { password?: string; email?: string } = {}) {
  counter += 1;
  const email = opts.email ?? `${role}.${counter}.${Date.now()}@test.example`;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: `${role} ${counter}`,
      role,
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
    })
    .returning();
  const actor: Extract<Actor, { kind: "user" }> = {
    kind: "user",
    via: "web",
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
  return { user, actor };
}

export async function reload(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}
