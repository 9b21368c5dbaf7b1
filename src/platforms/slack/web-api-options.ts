/**
 * What every Slack Web API client of the bot is made with: where Slack's API is (SLACK_API_URL, when
 * set) and the fetch it sends with, undici's: the very copy Bolt's Socket Mode client opens its
 * WebSocket with and Discord's REST clients send with. @slack/web-api would otherwise send with Node's
 * own fetch, another copy of undici whose HTTP parser (WebAssembly) V8 compiles once more
 * (docs/decisions/0040-one-http-client.md).
 */
import type { FetchFunction, WebClientOptions } from "@slack/web-api";
import { fetch } from "undici";
import { encodedBody } from "../forms.js";

/** undici's fetch, with the uploads' forms (the global FormData's) sent as encoded bytes. */
export const slackFetch: FetchFunction = async (url, init) => {
  const { body, headers, ...rest } = init ?? {};
  if (!(body instanceof FormData)) return fetch(url, { ...rest, ...(headers ? { headers } : {}), body });
  const { bytes, type } = await encodedBody(body);
  return fetch(url, {
    ...rest,
    headers: { ...headers, ...(type ? { "content-type": type } : {}) },
    body: bytes,
  });
};

export function webApiOptions(apiUrl: string | undefined): Pick<WebClientOptions, "slackApiUrl" | "fetch"> {
  return { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), fetch: slackFetch };
}
