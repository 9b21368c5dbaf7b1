/**
 * Which network addresses a feed may be fetched from: public unicast addresses only, unless an
 * operator allows more (FEEDS_ALLOW_PRIVATE: addresses, CIDR ranges or host names). Loopback,
 * private, link-local, unique-local, unspecified, carrier-grade NAT, multicast and reserved ranges
 * are refused: a feed address must not make the bot reach into the network it runs in.
 */
import ipaddr from "ipaddr.js";

export interface AddressPolicy {
  /** Whether the bot may connect to `address` (an IP) for the host `host`. */
  allows(address: string, host: string): boolean;
}

/** An operator's list, as FEEDS_ALLOW_PRIVATE gives it: "127.0.0.1, ::1, 10.0.0.0/8, feeds.internal". */
export function addressPolicy(allowed: readonly string[]): AddressPolicy {
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  const hosts = new Set<string>();
  for (const entry of allowed.map((a) => a.trim()).filter((a) => a !== "")) {
    if (entry.includes("/")) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const ip = ipaddr.process(entry);
      ranges.push([ip, ip.kind() === "ipv4" ? 32 : 128]);
    } else hosts.add(entry.toLowerCase());
  }
  return {
    allows(address, host) {
      if (!ipaddr.isValid(address)) return false;
      const ip = ipaddr.process(address);
      if (ip.range() === "unicast") return true;
      if (hosts.has(host.toLowerCase())) return true;
      return ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
    },
  };
}

/** Whether each entry of an allow list is an address, a CIDR range or a host name (for the configuration). */
export function allowEntryProblem(entry: string): string | undefined {
  if (entry.includes("/")) {
    try {
      ipaddr.parseCIDR(entry);
      return undefined;
    } catch {
      return `"${entry}" is not a CIDR range like 10.0.0.0/8`;
    }
  }
  if (ipaddr.isValid(entry) || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(entry)) return undefined;
  return `"${entry}" is neither an address nor a host name`;
}

/** "a loopback address", "a private address": what kind of address was refused. */
export function describeRange(address: string): string {
  if (!ipaddr.isValid(address)) return "an address that is not an IP";
  const range = ipaddr.process(address).range();
  const words: Record<string, string> = {
    loopback: "a loopback address",
    private: "a private address",
    linkLocal: "a link-local address",
    uniqueLocal: "a unique-local address",
    unspecified: "the unspecified address",
    carrierGradeNat: "a carrier-grade NAT address",
    multicast: "a multicast address",
    broadcast: "the broadcast address",
  };
  return words[range] ?? `a ${range} address`;
}
