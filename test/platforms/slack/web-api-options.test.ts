import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackFetch, webApiOptions } from "../../../src/platforms/slack/web-api-options.js";

/** A Web API stand-in that records each call's content type and body and answers ok. */
const calls: { path: string | undefined; type: string | undefined; body: string }[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    calls.push({ path: req.url, type: req.headers["content-type"], body: Buffer.concat(chunks).toString() });
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
});
let apiUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the Slack Web API clients' options", () => {
  it("send with undici's fetch (the copy Socket Mode uses), to SLACK_API_URL only when it is set", () => {
    expect(webApiOptions(undefined)).toEqual({ fetch: slackFetch });
    expect(webApiOptions("http://127.0.0.1:1/api/")).toEqual({
      slackApiUrl: "http://127.0.0.1:1/api/",
      fetch: slackFetch,
    });
    expect(slackFetch).not.toBe(globalThis.fetch);
    expect(undiciFetch).not.toBe(globalThis.fetch);
  });

  it("let a WebClient call a method with its form body as it builds it", async () => {
    const client = new WebClient("xoxb-test", { ...webApiOptions(apiUrl), retryConfig: { retries: 0 } });
    const answer = await client.chat.postMessage({ channel: "C1", text: "hi" });
    expect(answer.ok).toBe(true);
    expect(calls.at(-1)).toMatchObject({
      path: "/api/chat.postMessage",
      type: "application/x-www-form-urlencoded",
    });
    expect(calls.at(-1)?.body).toContain("text=hi");
  });

  it("send an upload's global FormData as multipart, boundary and file included", async () => {
    const form = new FormData();
    form.append("filename", "timeline.png");
    form.append("file", new Blob(["PNG"], { type: "image/png" }), "timeline.png");
    const answer = await slackFetch(`${apiUrl}upload`, {
      method: "POST",
      headers: { "x-test": "1" },
      body: form,
    });
    expect(answer.status).toBe(200);
    const { type, body } = calls.at(-1) ?? { type: "", body: "" };
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(type ?? "")?.[1];
    expect(boundary).toBeDefined();
    expect(body).toContain(`--${boundary}`);
    expect(body).toContain('filename="timeline.png"');
  });
});
