/** Which addresses a feed may be fetched from: public ones, and what the operator allows. */
import { describe, expect, it } from "vitest";
import { addressPolicy, allowEntryProblem, describeRange } from "../../src/feeds/addresses.js";

describe("the address policy", () => {
  it("allows public unicast addresses and refuses loopback, private, link-local, unique-local and unspecified", () => {
    const policy = addressPolicy([]);
    expect(policy.allows("93.184.216.34", "news.example")).toBe(true);
    expect(policy.allows("2606:4700::1111", "news.example")).toBe(true);
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "fe80::1",
      "fc00::1",
      "::",
      "0.0.0.0",
      "::1",
      "::ffff:127.0.0.1",
    ])
      expect(policy.allows(a, "x.example"), a).toBe(false);
  });

  it("allows what the operator lists: addresses, CIDR ranges, host names", () => {
    const policy = addressPolicy(["127.0.0.1", "10.1.0.0/16", "feeds.internal"]);
    expect(policy.allows("127.0.0.1", "127.0.0.1")).toBe(true);
    expect(policy.allows("127.0.0.2", "127.0.0.2")).toBe(false);
    expect(policy.allows("10.1.2.3", "x")).toBe(true);
    expect(policy.allows("192.168.0.9", "feeds.internal")).toBe(true);
    expect(allowEntryProblem("10.0.0.0/99")).toBe('"10.0.0.0/99" is not a CIDR range like 10.0.0.0/8');
    expect(describeRange("169.254.1.1")).toBe("a link-local address");
  });
});
