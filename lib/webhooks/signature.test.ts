import { describe, expect, it } from "vitest";
import { generateSecret, signatureHeader, verifySignature } from "./signature";

describe("the webhook signature", () => {
  it("is t=<unix seconds>,v1=<64 hex digits>", () => {
    const header = signatureHeader("whsec_test", '{"a":1}', 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it("is the HMAC-SHA256 of `<t>.<body>`: a known vector", () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader("whsec_test", '{"a":1}', 1_700_000_000)).toBe(
      "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
    );
  });

  it("changes with the body, the time and the secret, and verifies only the original", () => {
    const now = Math.floor(Date.now() / 1000);
    const header = signatureHeader("whsec_a", "body", now);
    expect(verifySignature("whsec_a", "body", header)).toBe(true);
    expect(verifySignature("whsec_a", "body!", header)).toBe(false);
    expect(verifySignature("whsec_b", "body", header)).toBe(false);
    expect(verifySignature("whsec_a", "body", header.replace(`t=${now}`, `t=${now - 1}`))).toBe(false);
    expect(verifySignature("whsec_a", "body", signatureHeader("whsec_a", "body", now - 3600))).toBe(false);
  });

  it("makes secrets of 32 random bytes", () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(a);
  });
});
