import { describe, expect, it } from "vitest";
import { webhookUrlProblem } from "./url-policy";

const self = { publicOrigin: "https://pharos.example.com", port: 3000 };

describe("which URLs a webhook may be sent to", () => {
  it("takes http and https receivers, private addresses included", () => {
    for (const url of [
      "https://hooks.example.com/pharos",
      "http://10.0.4.12:8080/relay",
      "http://relay.internal/hook",
      "http://127.0.0.1:9999/receiver",
      "http://localhost:3001/other-app",
      "https://pharos.example.com:8443/not-pharos",
    ])
      expect(webhookUrlProblem(url, self), url).toBeNull();
  });

  it("refuses other schemes and what is not a URL", () => {
    expect(webhookUrlProblem("ftp://files.example.com/x", self)).toMatch(/https:\/\/ or http:\/\//);
    expect(webhookUrlProblem("javascript:alert(1)", self)).toMatch(/https:\/\/ or http:\/\//);
    expect(webhookUrlProblem("hooks.example.com", self)).toMatch(/full URL/);
  });

  it("refuses Pharos itself: its public origin, or this host on the port it listens on", () => {
    expect(webhookUrlProblem("https://pharos.example.com/api/v1/services", self)).toMatch(/Pharos itself/);
    expect(webhookUrlProblem("https://PHAROS.example.com:443/x", self)).toMatch(/Pharos itself/);
    for (const url of [
      "http://localhost:3000/api",
      "http://127.0.0.1:3000/",
      "http://[::1]:3000/",
      "http://0.0.0.0:3000/",
      "http://127.1.2.3:3000/",
      "http://app.localhost:3000/",
    ])
      expect(webhookUrlProblem(url, self), url).toMatch(/this Pharos server/);
    expect(webhookUrlProblem("http://localhost/x", { port: 80 })).toMatch(/this Pharos server/);
  });
});
