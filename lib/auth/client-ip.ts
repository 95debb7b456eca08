import { headers } from "next/headers";

/**
 * The caller's address. scripts/server.mjs overwrites `x-pharos-client-ip` with the
 * socket's address on every request, so a client cannot choose its own throttle key.
 */
export async function clientIp(): Promise<string | null> {
  try {
    return (await headers()).get("x-pharos-client-ip");
  } catch {
    return null;
  }
}
