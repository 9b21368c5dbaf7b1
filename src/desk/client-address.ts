/**
 * The address a log-in comes from, for its throttling. It is the socket's address, unless that is a
 * reverse proxy the operator trusts (DESK_TRUSTED_PROXIES: addresses or CIDR ranges): then the
 * X-Forwarded-For header is read from its right end (what the nearest proxy added) leftwards, past
 * every trusted proxy, and the first address that is not one is the client's. What a client writes in
 * the header itself (its left part) is never believed, and without trusted proxies the header is
 * ignored altogether.
 */
import { BlockList, isIP } from "node:net";
import { parseRange } from "../config.js";

// The ranges' parser is the configuration's, which checks DESK_TRUSTED_PROXIES with it (the core
// imports nothing of the desk); re-exported here, where the ranges are used.
export { type AddressRange, parseRange } from "../config.js";

/**
 * An address as a socket or a proxy gives it, written one way: "::ffff:192.0.2.1" is 192.0.2.1, a
 * port ("192.0.2.1:5000", "[2001:db8::1]:443") and brackets are dropped. Undefined when not an address.
 */
export function normalAddress(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

export class TrustedProxies {
  private readonly list = new BlockList();
  private readonly count: number;

  /** Throws on an entry that is not an address or a range (the configuration checks them first). */
  constructor(entries: readonly string[] = []) {
    for (const entry of entries) {
      const range = parseRange(entry);
      if (!range) throw new Error(`not an IP address or CIDR range: "${entry}"`);
      this.list.addSubnet(range.address, range.prefix, range.family);
    }
    this.count = entries.length;
  }

  trusts(address: string): boolean {
    const version = isIP(address);
    return version !== 0 && this.list.check(address, version === 4 ? "ipv4" : "ipv6");
  }

  /** The client's address, from the socket's and the X-Forwarded-For header. */
  clientOf(socket: string | undefined, forwardedFor: string | undefined): string {
    let client = normalAddress(socket);
    if (!client) return "unknown";
    if (this.count === 0 || !forwardedFor || !this.trusts(client)) return client;
    const hops = forwardedFor.split(",");
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = normalAddress(hops[i]);
      if (!hop) return client; // not an address: the nearest one believed so far
      client = hop;
      if (!this.trusts(hop)) return hop;
    }
    return client;
  }
}
