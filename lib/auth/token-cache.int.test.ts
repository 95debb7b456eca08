import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { patchUser } from "@/lib/admin/user-commands";
import { executeCommand } from "@/lib/command/execute";
import { tokenFor } from "@/tests/api/helpers";
import { withTestDatabase } from "@/tests/database";
import { cliActor } from "./actor";
import { actorFromBearer, TOKEN_CACHE_MS } from "./api-tokens";
import { revokeToken } from "./token-commands";

const t = withTestDatabase();
const bearer = (token: string) => `Bearer ${token}`;

afterEach(() => {
  vi.useRealTimers();
});

describe("the token check cache", () => {
  it("is cut short on this node by a revocation, and by deactivating the owner", async () => {
    const { token, user } = await tokenFor(t.db, "engineer");
    expect(await actorFromBearer(t.db, bearer(token))).not.toBeNull();
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    const revoked = await executeCommand(revokeToken, cliActor, { id: row.id });
    expect(revoked.ok).toBe(true);
    expect(await actorFromBearer(t.db, bearer(token))).toBeNull();

    const second = await tokenFor(t.db, "engineer");
    expect(await actorFromBearer(t.db, bearer(second.token))).not.toBeNull();
    const off = await executeCommand(patchUser, cliActor, { id: second.user.id, active: false });
    expect(off.ok).toBe(true);
    expect(await actorFromBearer(t.db, bearer(second.token))).toBeNull();
  });

  it("honours a change made elsewhere (another node, the CLI) for at most its lifetime", async () => {
    expect(TOKEN_CACHE_MS).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ["Date"] });
    const { token, user } = await tokenFor(t.db, "viewer");
    expect(await actorFromBearer(t.db, bearer(token))).not.toBeNull();
    // Written straight to the database, as another process would: this node was not told.
    await t.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    vi.setSystemTime(Date.now() + TOKEN_CACHE_MS - 1);
    expect(await actorFromBearer(t.db, bearer(token))).not.toBeNull();
    vi.setSystemTime(Date.now() + 2);
    expect(await actorFromBearer(t.db, bearer(token))).toBeNull();
  });
});
