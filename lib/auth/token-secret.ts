import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "pharos_";

/** A fresh API token: 256 random bits, shown once; only its hash is stored. */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** `30d`, `12h`, `90m`, `never`, or an ISO date → an expiry; throws on anything else. */
export function parseExpiry(spec: string, now = new Date()): Date | null {
  const trimmed = spec.trim().toLowerCase();
  if (trimmed === "never" || trimmed === "") return null;
  const match = /^(\d{1,5})([mhdw])$/.exec(trimmed);
  if (match) {
    const unit = { m: 60, h: 3600, d: 86400, w: 604800 }[match[2] as "m" | "h" | "d" | "w"];
    return new Date(now.getTime() + Number(match[1]) * unit * 1000);
  }
  const date = new Date(spec);
  if (Number.isNaN(date.getTime())) throw new Error(`"${spec}" is not a duration like 30d or a date`);
  return date;
}
