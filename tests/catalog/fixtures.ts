import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import type { Actor } from "@/lib/auth/actor";

/** The demo organisation plus its people as actors (Sam is an engineer on payments and checkout). */
export async function demo(db: Db, { incidents = false } = {}) {
  // Two days of SLO history keep each test file's seed quick; the states do not depend on it.
  // The demo's year of incidents only where a test reads them: metrics tests count their own.
  await seedDemo(db, new Date(), { sloHistoryDays: 2, incidentHistoryDays: incidents ? 365 : 0 });
  const as = async (email: string): Promise<Extract<Actor, { kind: "user" }>> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { kind: "user", via: "web", user: { id: u.id, email: u.email, name: u.name, role: u.role } };
  };
  return {
    engineer: await as("engineer@pharos.demo"),
    viewer: await as("viewer@pharos.demo"),
    admin: await as("admin@pharos.demo"),
    changeManager: await as("changes@pharos.demo"),
  };
}
