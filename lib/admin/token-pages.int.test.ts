import { describe, expect, it } from "vitest";
import { scopesForRole } from "@/lib/auth/permissions";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { adminTokensPageRead, myTokensPageRead } from "./reads";

const t = withTestDatabase();

describe("the token pages", () => {
  it("an admin picks an owner by email: their tokens, minted-by names, and the scopes their role can use", async () => {
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user: viewer, actor: viewerActor } = await makeUser(t.db, "viewer", {
      email: "owner.viewer@example.com",
    });
    const minted = await executeCommand(createToken, admin, { name: "for-viewer", userId: viewer.id });
    if (!minted.ok) throw new Error(minted.error);

    const page = await runQuery(adminTokensPageRead, admin, { owner: " Owner.Viewer@Example.com " });
    if (!page.ok) throw new Error(page.error);
    expect(page.data.owner).toMatchObject({ id: viewer.id, role: "viewer" });
    expect(page.data.offeredScopes).toEqual(scopesForRole("viewer"));
    expect(page.data.tokens).toEqual([
      expect.objectContaining({ name: "for-viewer", mintedByEmail: admin.user.email }),
    ]);

    const nobody = await runQuery(adminTokensPageRead, admin, { owner: "ghost@example.com" });
    expect(nobody).toMatchObject({ ok: true, data: { owner: null, tokens: [], offeredScopes: [] } });
    const everyone = await runQuery(adminTokensPageRead, admin, {});
    expect(everyone.ok && everyone.data.tokens.length).toBeGreaterThanOrEqual(1);
    expect(everyone).toMatchObject({ ok: true, data: { owner: null } });

    // The owner sees who minted it; a non-admin cannot open the admin page.
    const { actor: engineer } = await makeUser(t.db, "engineer");
    expect(await runQuery(adminTokensPageRead, engineer, {})).toMatchObject({ ok: false, code: "forbidden" });
    const mine = await runQuery(myTokensPageRead, viewerActor, {});
    expect(mine).toMatchObject({
      ok: true,
      data: {
        tokens: [expect.objectContaining({ mintedByEmail: admin.user.email })],
        offeredScopes: scopesForRole("viewer"),
      },
    });
  });
});
