import { hash, verify } from "@node-rs/bcrypt";
import { hashGate } from "./hash-gate";

const COST = 11;

/** One gate for every hash and comparison in the process (see hashGate). */
const gated = hashGate();

/**
 * bcrypt in native code on libuv's thread pool, so a burst of sign-ins never stalls the
 * event loop (health checks, pages) the way a JavaScript hash does. It reads the `$2a$`
 * and `$2b$` hashes bcryptjs wrote before, so existing passwords keep working. Hashes queue
 * for a free core (hashGate) rather than all running at once.
 */
export const hashPassword = (password: string) => gated(() => hash(password, COST));

/**
 * Compares against a fixed hash when the account has none, so an unknown email costs
 * the same time as a wrong password and the two cannot be told apart.
 */
export async function verifyPassword(
  password: string,
  passwordHash: string | null | undefined,
): Promise<boolean> {
  const ok = await gated(() => verify(password, passwordHash ?? DUMMY_HASH)).catch(() => false);
  return Boolean(passwordHash) && ok;
}

const DUMMY_HASH = "$2b$11$F3mg9v1I9VR/BH72bDjwa.15ZaPYUUNZhHUCh6Nixms2TmRmSm5nS";

export const PASSWORD_RULES = { min: 10, max: 200 } as const;
