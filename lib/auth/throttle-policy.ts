import { throttleAddress } from "./client-address.mjs";

/**
 * How failed sign-ins slow an attacker down without handing them a way to lock others out.
 *
 * - **pair** — one account from one address: the lockout. Five free tries (people mistype),
 *   then each try waits twice as long as the last, up to a quarter of an hour. A flood from
 *   one address locks only that address out of that account: its owner, signing in from
 *   anywhere else, is not affected.
 * - **account** — one account from every address together: a generous ceiling (fifty) for an
 *   attack spread over many addresses. It only slows (a minute at most), so it can never
 *   keep the owner out for long.
 * - **address** — one address, every account: slows one address trying many accounts
 *   (thirty free, then at most a minute), without locking out an office behind one proxy.
 *
 * An account that has signed in from an address in the last thirty days ("a known
 * address", see auth_sessions) is judged by its pair alone there: whatever strangers do to
 * the shared counters, the people who usually sign in from that place still get in.
 * When the address cannot be known (`next dev`, `next start`: no trusted socket) the pair
 * is the account alone. Counters forget after a quiet hour.
 *
 * Each try is reserved before the password is checked, in one atomic step over its
 * counters (lib/auth/throttle.ts), so parallel guesses cannot slip past the count; a
 * success gives the try back.
 */
export const THROTTLE = {
  kinds: {
    pair: { free: 5, maxDelaySeconds: 15 * 60 },
    account: { free: 50, maxDelaySeconds: 60 },
    address: { free: 30, maxDelaySeconds: 60 },
  },
  baseDelaySeconds: 1,
  forgetAfterSeconds: 60 * 60,
  knownAddressDays: 30,
} as const;

export type ThrottleKind = keyof typeof THROTTLE.kinds;
export type ThrottleKey = { key: string; kind: ThrottleKind };

/** The wait a counter of `kind` imposes once it has counted `attempts` tries. */
export function lockoutSeconds(attempts: number, kind: ThrottleKind): number {
  const { free, maxDelaySeconds } = THROTTLE.kinds[kind];
  if (attempts < free) return 0;
  const exponent = Math.min(attempts - free, 30);
  return Math.min(maxDelaySeconds, THROTTLE.baseDelaySeconds * 2 ** exponent);
}

export function normalizeAccount(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The counters one sign-in try goes through. `knownAddress`: the account has signed in
 * from this address lately, so the shared counters (account, address) do not apply.
 */
export function throttleKeys(input: {
  email: string;
  address: string | null;
  knownAddress?: boolean;
}): ThrottleKey[] {
  const account = normalizeAccount(input.email);
  const where = throttleAddress(input.address);
  const keys: ThrottleKey[] = [{ key: `pair:${account}|${where ?? "unknown"}`, kind: "pair" }];
  if (input.knownAddress && where) return keys;
  keys.push({ key: `account:${account}`, kind: "account" });
  if (where) keys.push({ key: `address:${where}`, kind: "address" });
  return keys;
}
