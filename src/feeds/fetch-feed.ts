/**
 * One conditional fetch of a feed, bounded every way a server could hold the bot: the whole fetch
 * (redirects and body included) ends at a timeout; the body is read up to a size cap (decompressed
 * size, for gzip); redirects are followed by hand up to a limit; and every hop's host is resolved
 * (every address it has) and refused when one is loopback, private, link-local, unique-local or
 * unspecified unless the operator allows it. The connection goes to the address that was checked
 * (node:http's `lookup`), so a name cannot resolve to a public address for the check and a private one
 * for the connection.
 */
import { lookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { createGunzip } from "node:zlib";
import type { FeedErrorReason } from "../monitoring/metrics.js";
import { type AddressPolicy, describeRange } from "./addresses.js";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  policy: AddressPolicy;
  /** Sent as User-Agent. */
  userAgent: string;
}

/** Why a fetch failed (the reasons a document's reading adds are parse-feed.ts's). */
export type FetchFailure = Exclude<FeedErrorReason, "html" | "malformed" | "not-a-feed">;

export type FetchResult =
  | { kind: "ok"; body: string; etag: string | undefined; lastModified: string | undefined }
  | { kind: "not-modified"; etag: string | undefined; lastModified: string | undefined }
  | { kind: "failed"; failure: FetchFailure; reason: string; retryAfterMs?: number | undefined };

export interface Conditional {
  etag: string | undefined;
  lastModified: string | undefined;
}

class Refusal extends Error {
  constructor(
    readonly failure: FetchFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** A lookup that resolves every address of a host and refuses the host when one is not allowed. */
function checkedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const refused = addresses.find((a) => !policy.allows(a.address, hostname));
      if (refused)
        return callback(
          new Refusal(
            "address",
            `${hostname} resolves to ${describeRange(refused.address)} (${refused.address})`,
          ),
          "",
          0,
        );
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Refusal("network", `${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function charsetOf(contentType: string | undefined, head: Buffer): string {
  const declared =
    /charset="?([\w-]+)/i.exec(contentType ?? "")?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head.subarray(0, 200).toString("latin1"))?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").encoding;
  } catch {
    return "utf-8";
  }
}

/** Reads a response's body up to `maxBytes` (after decompression). */
function readBody(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes && !res.headers["content-encoding"]) {
      res.destroy();
      return reject(new Refusal("too-large", `the feed is larger than ${maxBytes} bytes`));
    }
    const gzip = /gzip/i.test(String(res.headers["content-encoding"] ?? ""));
    const stream = gzip ? res.pipe(createGunzip()) : res;
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        stream.destroy();
        reject(new Refusal("too-large", `the feed is larger than ${maxBytes} bytes`));
      } else chunks.push(chunk);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
    res.on("error", reject);
  });
}

/** One request (no redirects followed), answered by its response. */
function request(url: URL, headers: Record<string, string>, limits: FetchLimits, signal: AbortSignal) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host) && !limits.policy.allows(host, host))
      return reject(new Refusal("address", `${host} is ${describeRange(host)}`));
    const get = url.protocol === "https:" ? https.get : http.get;
    const req = get(url, { headers, signal, lookup: checkedLookup(limits.policy), agent: false }, resolve);
    req.on("error", reject);
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function follow(start: string, conditional: Conditional, limits: FetchLimits, signal: AbortSignal) {
  const headers: Record<string, string> = {
    "user-agent": limits.userAgent,
    accept:
      "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
    "accept-encoding": "gzip",
  };
  if (conditional.etag) headers["if-none-match"] = conditional.etag;
  if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
  let url = new URL(start);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new Refusal("address", `a redirect leads to a ${url.protocol} address`);
    const res = await request(url, headers, limits, signal);
    const status = res.statusCode ?? 0;
    if (!REDIRECTS.has(status)) return { res, status };
    res.resume();
    if (hop >= limits.maxRedirects)
      throw new Refusal("redirects", `more than ${limits.maxRedirects} redirects`);
    const location = res.headers.location;
    if (!location) throw new Refusal("http", `a ${status} redirect without a Location`);
    url = new URL(location, url);
  }
}

/** Fetches a feed once, conditionally; never throws. */
export async function fetchFeed(
  address: string,
  conditional: Conditional,
  limits: FetchLimits,
  now: Date,
): Promise<FetchResult> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const { res, status } = await follow(address, conditional, limits, signal);
    const etag = res.headers.etag ?? conditional.etag;
    const lastModified = res.headers["last-modified"] ?? conditional.lastModified;
    if (status === 304) {
      res.resume();
      return { kind: "not-modified", etag, lastModified };
    }
    if (status === 429 || status === 503) {
      res.resume();
      const wait = retryAfterMs(res.headers["retry-after"], now);
      throw new Refusal("rate-limited", `the server asked to wait (HTTP ${status})`, wait);
    }
    if (status < 200 || status > 299) {
      res.resume();
      throw new Refusal("http", `the server answered HTTP ${status}`);
    }
    const raw = await readBody(res, limits.maxBytes);
    const body = new TextDecoder(charsetOf(res.headers["content-type"], raw)).decode(raw);
    return { kind: "ok", body, etag: res.headers.etag, lastModified: res.headers["last-modified"] };
  } catch (err) {
    if (err instanceof Refusal)
      return { kind: "failed", failure: err.failure, reason: err.message, retryAfterMs: err.retryAfterMs };
    if (signal.aborted)
      return {
        kind: "failed",
        failure: "timeout",
        reason: `no complete answer within ${limits.timeoutMs / 1000} s`,
      };
    const cause = err instanceof Error && err.cause instanceof Refusal ? err.cause : undefined;
    if (cause) return { kind: "failed", failure: cause.failure, reason: cause.message };
    const message = err instanceof Error ? err.message : String(err);
    return { kind: "failed", failure: "network", reason: `the feed could not be reached: ${message}` };
  }
}
