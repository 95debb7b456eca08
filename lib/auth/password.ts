import bcrypt from "bcryptjs";

const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

/**
 * Compares against a fixed hash when the account has none, so an unknown email costs
 * the same time as a wrong password and the two cannot be told apart.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return Boolean(hash) && ok;
}

const DUMMY_HASH = "$2b$11$F3mg9v1I9VR/BH72bDjwa.15ZaPYUUNZhHUCh6Nixms2TmRmSm5nS";

export const PASSWORD_RULES = { min: 10, max: 200 } as const;
