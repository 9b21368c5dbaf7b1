/**
 * How each of the bot's @discordjs/rest clients sends: through its own Agent (connection pool) of the
 * bot's `undici`, the very copy Bolt's Socket Mode client opens its WebSocket with. One copy for every
 * platform means one copy of undici's HTTP parser, a WebAssembly module that V8 compiles once more
 * with its optimizing compiler when it is first used in earnest (24–29 MB for a tenth of a second):
 * three copies (@discordjs/rest's, Node's own fetch under @slack/web-api, Bolt's) made three modules
 * and two such compiles, the last one at the very moment a Socket Mode bot became ready
 * (docs/decisions/0040-one-http-client.md). @discordjs/rest's own default would send with its own
 * undici 6, and given another copy's Agent it cannot send multipart bodies ("action is not a
 * function"): the request goes out through the same copy as the Agent it goes through.
 */
import { STATUS_CODES } from "node:http";
import type { RESTOptions, ResponseLike } from "@discordjs/rest";
import { Agent, request } from "undici";
import { encodedBody } from "../forms.js";

type MakeRequest = RESTOptions["makeRequest"];
type Init = Parameters<MakeRequest>[1];

/** What a body @discordjs/rest hands over is sent as: text and bytes as they are, a form encoded. */
async function bodyOf(
  body: Init["body"],
): Promise<{ bytes: string | Uint8Array | null; type?: string | undefined }> {
  if (body == null) return { bytes: null };
  if (typeof body === "string" || body instanceof Uint8Array) return { bytes: body };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body) };
  if (body instanceof FormData || body instanceof URLSearchParams || body instanceof Blob)
    return encodedBody(body);
  throw new TypeError(
    `a Discord request body of an unexpected kind: ${Object.prototype.toString.call(body)}`,
  );
}

/** Undici's answer headers as Headers: a header given more than once keeps each value. */
function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one);
  }
  return headers;
}

/** A REST client's `makeRequest`: sends through a new Agent of its own, never the global dispatcher. */
export function restRequest(): MakeRequest {
  const dispatcher = new Agent();
  return async (url, init) => {
    const { bytes, type } = await bodyOf(init.body);
    const headers = new Headers(init.headers);
    if (type) headers.set("content-type", type);
    const res = await request(url, {
      method: init.method ?? "GET",
      headers: Object.fromEntries(headers),
      body: bytes,
      signal: init.signal ?? undefined,
      dispatcher,
    });
    const { body, statusCode } = res;
    const answer: ResponseLike = {
      body,
      arrayBuffer: () => body.arrayBuffer(),
      json: () => body.json(),
      text: () => body.text(),
      get bodyUsed() {
        return body.bodyUsed;
      },
      headers: headersOf(res.headers),
      status: statusCode,
      statusText: STATUS_CODES[statusCode] ?? "",
      ok: statusCode >= 200 && statusCode < 300,
    };
    return answer;
  };
}
