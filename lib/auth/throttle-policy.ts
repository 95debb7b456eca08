/**
 * How sign-in failures slow an attacker down. The first few mistakes are free (people
 * mistype); after that each failure doubles the wait, up to a quarter of an hour.
 * An address gets more free failures than an account, because an office or a VPN puts
 * many honest people behind one address. Counters forget after a quiet hour.
 */
export const THROTTLE = {
  freeFailures: { email: 5, ip: 30 },
  baseDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
} as const;

export type ThrottleKind = keyof typeof THROTTLE.freeFailures;

export function lockoutSeconds(failures: number, kind: ThrottleKind): number {
  const free = THROTTLE.freeFailures[kind];
  if (failures < free) return 0;
  const exponent = Math.min(failures - free, 30);
  return Math.min(THROTTLE.maxDelaySeconds, THROTTLE.baseDelaySeconds * 2 ** exponent);
}

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export function kindOf(key: string): ThrottleKind {
  return key.startsWith("ip:") ? "ip" : "email";
}
