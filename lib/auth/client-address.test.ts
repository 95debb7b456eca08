import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  forwardedChain,
  isTrustedProxy,
  normalizeAddress,
  parseTrustedProxies,
  requestIsHttps,
  stampClientFacts,
  throttleAddress,
} from "./client-address.mjs";

const none = parseTrustedProxies("");
const lb = parseTrustedProxies("10.0.0.0/8, 2001:db8:ffff::/48, 192.0.2.7");

describe("normalizeAddress", () => {
  it("keeps IPv4, compacts IPv6, unwraps IPv4-mapped IPv6 and drops ports and zones", () => {
    expect(normalizeAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("::FFFF:cb00:7109")).toBe("203.0.113.9");
    expect(normalizeAddress("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("refuses what is not an address", () => {
    for (const bad of [
      "",
      " ",
      "unknown",
      "localhost",
      "127.1",
      "0x7f.0.0.1",
      "1.2.3.256",
      "1.2.3",
      "::g",
      null,
    ]) {
      expect(normalizeAddress(bad)).toBeNull();
    }
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses, CIDR ranges and named ranges", () => {
    const trusted = parseTrustedProxies(" 10.0.0.0/8 ,192.0.2.7,, 2001:db8::/32, loopback, uniquelocal ");
    expect(trusted).toHaveLength(5);
    expect(isTrustedProxy("10.200.3.4", trusted)).toBe(true);
    expect(isTrustedProxy("11.0.0.1", trusted)).toBe(false);
    expect(isTrustedProxy("192.0.2.7", trusted)).toBe(true);
    expect(isTrustedProxy("192.0.2.8", trusted)).toBe(false);
    expect(isTrustedProxy("2001:db8:1::5", trusted)).toBe(true);
    expect(isTrustedProxy("2001:db9::5", trusted)).toBe(false);
    expect(isTrustedProxy("127.0.0.1", trusted)).toBe(true);
    expect(isTrustedProxy("::1", trusted)).toBe(true);
    expect(isTrustedProxy("fd12::1", trusted)).toBe(true);
    // The socket of an IPv4 client on a dual-stack listener is IPv4-mapped IPv6.
    expect(isTrustedProxy("::ffff:10.1.2.3", trusted)).toBe(true);
    expect(isTrustedProxy("garbage", trusted)).toBe(false);
  });

  it("rejects a typo instead of trusting something else", () => {
    for (const bad of [
      "10.0.0.0/",
      "10.0.0.0/33",
      "10.0.0.0/x",
      "10.0.0",
      "proxy.internal",
      "::/129",
      "everything",
    ]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/PHAROS_TRUSTED_PROXIES entry/);
    }
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });
});

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever the client sends", () => {
    expect(clientAddress({ socket: "198.51.100.4", forwardedFor: "1.2.3.4", trusted: none })).toBe(
      "198.51.100.4",
    );
    expect(clientAddress({ socket: "::ffff:198.51.100.4", forwardedFor: null, trusted: none })).toBe(
      "198.51.100.4",
    );
    expect(clientAddress({ socket: null, forwardedFor: "1.2.3.4", trusted: lb })).toBeNull();
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress({ socket: "198.51.100.4", forwardedFor: "10.0.0.1, 1.2.3.4", trusted: lb })).toBe(
      "198.51.100.4",
    );
  });

  it("walks X-Forwarded-For from the right, skipping trusted hops", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.9", trusted: lb })).toBe(
      "203.0.113.9",
    );
    expect(
      clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.9, 10.0.0.3, 192.0.2.7", trusted: lb }),
    ).toBe("203.0.113.9");
    expect(
      clientAddress({ socket: "10.0.0.2", forwardedFor: ["203.0.113.9, 10.9.9.9", "10.0.0.3"], trusted: lb }),
    ).toBe("203.0.113.9");
  });

  it("never reads what the client wrote to the left of the first untrusted hop", () => {
    // The client sent "X-Forwarded-For: 10.0.0.1, 6.6.6.6" to the load balancer, which appended its peer.
    const spoofed = { socket: "10.0.0.2", forwardedFor: "10.0.0.1, 6.6.6.6, 203.0.113.9", trusted: lb };
    expect(clientAddress(spoofed)).toBe("203.0.113.9");
    // A client pretending to be a trusted proxy in front of another address.
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "1.1.1.1, 10.0.0.5", trusted: lb })).toBe(
      "1.1.1.1",
    );
  });

  it("handles IPv6, ports and IPv4-mapped entries in the chain", () => {
    expect(
      clientAddress({ socket: "2001:db8:ffff::10", forwardedFor: "[2001:db8:1::abcd]:5555", trusted: lb }),
    ).toBe("2001:db8:1::abcd");
    expect(
      clientAddress({ socket: "::ffff:10.0.0.2", forwardedFor: "::ffff:203.0.113.9", trusted: lb }),
    ).toBe("203.0.113.9");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.9:4711", trusted: lb })).toBe(
      "203.0.113.9",
    );
  });

  it("takes the last trusted hop when every hop is trusted, and gives up on garbage", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "10.0.0.9", trusted: lb })).toBe("10.0.0.9");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "", trusted: lb })).toBe("10.0.0.2");
    expect(
      clientAddress({ socket: "10.0.0.2", forwardedFor: "203.0.113.9, not-an-ip", trusted: lb }),
    ).toBeNull();
  });

  it("splits repeated and comma-separated headers into one chain", () => {
    expect(forwardedChain(["a, b", " c ", ""])).toEqual(["a", "b", "c"]);
    expect(forwardedChain(null)).toEqual([]);
  });
});

describe("requestIsHttps", () => {
  it("follows AUTH_URL when it is set", () => {
    expect(requestIsHttps({ authUrl: "https://pharos.example", socket: "198.51.100.4", trusted: none })).toBe(
      true,
    );
    expect(
      requestIsHttps({
        authUrl: "http://localhost:3000",
        socket: "10.0.0.2",
        forwardedProto: "https",
        trusted: lb,
      }),
    ).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(requestIsHttps({ socket: "10.0.0.2", forwardedProto: "https", trusted: lb })).toBe(true);
    expect(requestIsHttps({ socket: "10.0.0.2", forwardedProto: "HTTPS, http", trusted: lb })).toBe(true);
    expect(requestIsHttps({ socket: "10.0.0.2", forwardedProto: "http", trusted: lb })).toBe(false);
    expect(requestIsHttps({ socket: "198.51.100.4", forwardedProto: "https", trusted: lb })).toBe(false);
    expect(requestIsHttps({ socket: null, forwardedProto: "https", trusted: lb })).toBe(false);
  });
});

describe("throttleAddress", () => {
  it("counts IPv4 per address and IPv6 per /64", () => {
    expect(throttleAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(throttleAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("2001:db8:1:2::1")).toBe(throttleAddress("2001:db8:1:2:ffff::9"));
    expect(throttleAddress(null)).toBeNull();
  });
});

describe("stampClientFacts", () => {
  const request = (socket: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress: socket }, headers: { ...headers } }) as unknown as IncomingMessage;

  it("replaces whatever the client sent in the stamped headers", () => {
    const req = request("198.51.100.4", {
      "x-pharos-client-address": "10.9.9.9",
      "x-pharos-client-https": "1",
      "x-forwarded-for": "10.9.9.9",
      "x-forwarded-proto": "https",
    });
    expect(stampClientFacts(req, { trusted: lb })).toEqual({
      address: "198.51.100.4",
      https: false,
      fromTrustedProxy: false,
    });
    expect(req.headers["x-pharos-client-address"]).toBe("198.51.100.4");
    expect(req.headers["x-pharos-client-https"]).toBe("0");
  });

  it("takes the address and scheme a trusted proxy reports", () => {
    const req = request("::ffff:10.0.0.2", {
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "https",
    });
    expect(stampClientFacts(req, { trusted: lb })).toEqual({
      address: "203.0.113.9",
      https: true,
      fromTrustedProxy: true,
    });
    expect(req.headers["x-pharos-client-address"]).toBe("203.0.113.9");
    expect(req.headers["x-pharos-client-https"]).toBe("1");
  });
});
