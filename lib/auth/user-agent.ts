/** The User-Agent as a session keeps it: printable, one line, short enough to show. */
export function shortUserAgent(raw: string | null | undefined): string {
  return [...(raw ?? "")]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? " " : c))
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/\bOPR\/(\d+)/, "Opera"],
  [/\bSamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/\bFirefox\/(\d+)/, "Firefox"],
  [/\bFxiOS\/(\d+)/, "Firefox"],
  [/\bCriOS\/(\d+)/, "Chrome"],
  [/\b(?:Headless)?Chrom(?:e|ium)\/(\d+)/, "Chrome"],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, "Safari"],
  [/^curl\/(\d+(?:\.\d+)?)/, "curl"],
  [/^Wget\/(\d+(?:\.\d+)?)/, "Wget"],
  [/\bnode(?:-fetch)?\/?(\d+)?/i, "Node.js"],
  [/^python-requests\/(\d+(?:\.\d+)?)/, "Python requests"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/**
 * "Chrome 131 on macOS": enough for a person to recognise their own devices in the
 * sessions list. It is a label, not a fingerprint: User-Agents are easy to fake.
 */
export function describeUserAgent(raw: string | null | undefined): string {
  const ua = raw ?? "";
  if (!ua.trim()) return "Unknown device";
  const browser = BROWSERS.map(([re, name]) => {
    const match = re.exec(ua);
    return match ? (match[1] ? `${name} ${match[1]}` : name) : null;
  }).find(Boolean);
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `Browser on ${system}` : "Unknown browser");
}
