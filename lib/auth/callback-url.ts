/**
 * Where to go after signing in. Only paths on this site are honoured: an absolute or
 * protocol-relative URL (`//evil.example`, `/\evil.example`) would make the login page
 * an open redirect.
 */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  try {
    const url = new URL(raw, "http://pharos.invalid");
    if (url.origin !== "http://pharos.invalid") return fallback;
    if (url.pathname.startsWith("/login") || url.pathname.startsWith("/api/auth")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
