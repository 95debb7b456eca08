import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, usesEmbeddedDatabase } from "@/lib/config/env";

/**
 * The key that signs session cookies. A real deployment (DATABASE_URL set) must
 * configure AUTH_SECRET itself; the embedded single-machine default makes one on first
 * run and keeps it in the data folder (never committed), so sessions survive restarts.
 */
export function authSecret(): string {
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) return configured;
  if (!usesEmbeddedDatabase()) {
    throw new Error(
      "AUTH_SECRET must be set when DATABASE_URL is set (generate one with `openssl rand -base64 33`).",
    );
  }
  const file = path.join(dataDir(), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true });
    const secret = randomBytes(33).toString("base64");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
