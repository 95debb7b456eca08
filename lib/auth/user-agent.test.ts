import { describe, expect, it } from "vitest";
import { describeUserAgent, shortUserAgent } from "./user-agent";

describe("user agents", () => {
  it("names common browsers and systems", () => {
    const cases: [string, string][] = [
      [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Chrome 131 on macOS",
      ],
      [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
        "Edge 131 on Windows",
      ],
      ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox 128 on Linux"],
      [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Safari 17 on iPhone",
      ],
      [
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
        "Chrome 130 on Android",
      ],
      [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
        "Chrome 131 on Linux",
      ],
      ["curl/8.5.0", "curl 8.5"],
      ["", "Unknown device"],
      ["SomethingElse/1.0", "Unknown browser"],
      ["Mozilla/5.0 (Windows NT 10.0)", "Browser on Windows"],
    ];
    for (const [ua, label] of cases) expect(describeUserAgent(ua), ua).toBe(label);
  });

  it("keeps a printable, capped copy", () => {
    expect(shortUserAgent(" a\u0000b\n\tc  ")).toBe("a b c");
    expect(shortUserAgent("x".repeat(1000))).toHaveLength(300);
    expect(shortUserAgent(null)).toBe("");
  });
});
