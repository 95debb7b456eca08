import ipaddr from "ipaddr.js";

/*
 * Which URLs a webhook may be sent to. Receivers are often internal relays (a chat bridge,
 * a pager gateway on the private network), so private addresses are allowed — unlike a
 * catalog location, a webhook sends Pharos's own events out and reads nothing back. What is
 * refused is another scheme and Pharos itself: a webhook pointed at its own API would have
 * Pharos calling itself with signed requests on every event.
 */

export type SelfFacts = {
  /** The public origin (AUTH_URL / NEXTAUTH_URL), when configured. */
  publicOrigin?: string;
  /** The port this server listens on. */
  port: number;
};

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

function portOf(url: URL): number {
  return url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol];
}

/** localhost, *.localhost, 127.0.0.0/8, ::1, and the unspecified 0.0.0.0 / :: (which reach this host). */
function isThisHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(bare)) return false;
  const range = ipaddr.process(bare).range();
  return range === "loopback" || range === "unspecified";
}

/** Why `raw` may not be a webhook's URL, or null. */
export function webhookUrlProblem(raw: string, self: SelfFacts): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, such as https://hooks.example.com/pharos.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "Webhook URLs start with https:// or http://.";
  if (self.publicOrigin && url.origin === new URL(self.publicOrigin).origin)
    return "That is Pharos itself; point the webhook at the system that should receive events.";
  if (isThisHost(url.hostname) && portOf(url) === self.port)
    return `That is this Pharos server (port ${self.port}); point the webhook at the system that should receive events.`;
  return null;
}
