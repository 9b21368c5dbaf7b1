/**
 * A log-in's client address: the socket's, or, behind a trusted proxy, the nearest address of
 * X-Forwarded-For that is not a trusted proxy; a client's own X-Forwarded-For is never believed.
 */
import { describe, expect, it } from "vitest";
import { normalAddress, parseRange, TrustedProxies } from "../../src/desk/client-address.js";

describe("trusted proxies", () => {
  it("are addresses or CIDR ranges, IPv4 or IPv6", () => {
    expect(parseRange("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseRange("192.0.2.1")).toEqual({ address: "192.0.2.1", prefix: 32, family: "ipv4" });
    expect(parseRange("::1")).toEqual({ address: "::1", prefix: 128, family: "ipv6" });
    expect(parseRange("2001:db8::/32")).toEqual({ address: "2001:db8::", prefix: 32, family: "ipv6" });
    for (const bad of [
      "proxy.local",
      "10.0.0.0/33",
      "::1/129",
      "10.0.0.0/8/8",
      "10.0.0.0/x",
      "",
      "300.1.1.1",
    ]) {
      expect(parseRange(bad), bad).toBeUndefined();
    }
  });

  it("write an address one way: no IPv4 mapping, port or brackets", () => {
    expect(normalAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalAddress(" 192.0.2.1:5000 ")).toBe("192.0.2.1");
    expect(normalAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalAddress("unknown")).toBeUndefined();
    expect(normalAddress(undefined)).toBeUndefined();
  });
});

describe("the client's address", () => {
  const proxies = new TrustedProxies(["127.0.0.1", "::1", "10.0.0.0/8"]);

  it("is the socket's without trusted proxies, whatever X-Forwarded-For says", () => {
    const none = new TrustedProxies();
    expect(none.clientOf("::ffff:127.0.0.1", "203.0.113.9")).toBe("127.0.0.1");
    expect(none.clientOf(undefined, "203.0.113.9")).toBe("unknown");
  });

  it("is the socket's when the socket is not a trusted proxy (a client writing the header itself)", () => {
    expect(proxies.clientOf("198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
  });

  it("behind trusted proxies, is the nearest address that is not one, never what the client wrote", () => {
    expect(proxies.clientOf("127.0.0.1", "203.0.113.9")).toBe("203.0.113.9");
    expect(proxies.clientOf("::1", "6.6.6.6, 203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    expect(proxies.clientOf("127.0.0.1", "[2001:db8::7]:1234")).toBe("2001:db8::7");
    expect(proxies.clientOf("127.0.0.1", undefined)).toBe("127.0.0.1");
  });

  it("stops at the first hop that is not an address, keeping the nearest believed", () => {
    expect(proxies.clientOf("127.0.0.1", "203.0.113.9, nonsense, 10.0.0.5")).toBe("10.0.0.5");
    expect(proxies.clientOf("127.0.0.1", "10.0.0.6, 10.0.0.5")).toBe("10.0.0.6");
  });

  it("refuses a trusted entry that is not an address or a range", () => {
    expect(() => new TrustedProxies(["proxy.local"])).toThrow(
      'not an IP address or CIDR range: "proxy.local"',
    );
  });
});
