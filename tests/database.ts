import { afterAll, beforeAll } from "vitest";
import { type Handle, setHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing";

/**
 * Gives the calling test file its own fresh database and points the app's `getDb()` at
 * it, so commands and queries run exactly as in the server.
 */
export function withTestDatabase() {
  const state: { handle?: Handle; url?: string; drop?: () => Promise<void> } = {};
  beforeAll(async () => {
    const created = await createTestDatabase();
    Object.assign(state, created);
    setHandle(created.handle);
  });
  afterAll(async () => {
    setHandle(undefined);
    await state.drop?.();
  });
  return {
    get db() {
      return state.handle!.db;
    },
    get handle() {
      return state.handle!;
    },
    get url() {
      return state.url;
    },
  };
}
