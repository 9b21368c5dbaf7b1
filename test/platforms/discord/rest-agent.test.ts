import { createServer, type IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restRequest } from "../../../src/platforms/discord/rest-agent.js";

const require = createRequire(import.meta.url);

/** What a request brought: its method, content type and body. */
interface Received {
  method: string | undefined;
  type: string | undefined;
  body: string;
}

let url = "";
const received: Received[] = [];
const server = createServer((req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({
      method: req.method,
      type: req.headers["content-type"],
      body: Buffer.concat(chunks).toString(),
    });
    res.setHeader("x-ratelimit-bucket", "abc");
    res.setHeader("set-cookie", ["a=1", "b=2"]);
    res.writeHead(429, { "content-type": "application/json" });
    res.end('{"retry_after":1}');
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v10/channels/1/messages`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("how the Discord REST clients send", () => {
  it("sends with the very undici Bolt's Socket Mode client opens its WebSocket with: one copy in the process", () => {
    const ours = require.resolve("undici");
    const bolt = createRequire(require.resolve("@slack/bolt"));
    const socketMode = createRequire(bolt.resolve("@slack/socket-mode"));
    expect(socketMode.resolve("undici")).toBe(ours);
  });

  it("sends a JSON body as it is, with its headers, and gives the answer's status, headers and body", async () => {
    const send = restRequest();
    const answer = await send(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bot x" },
      body: '{"content":"hi"}',
    });
    expect(received.at(-1)).toEqual({ method: "POST", type: "application/json", body: '{"content":"hi"}' });
    expect(answer.status).toBe(429);
    expect(answer.statusText).toBe("Too Many Requests");
    expect(answer.ok).toBe(false);
    expect(answer.headers.get("x-ratelimit-bucket")).toBe("abc");
    expect(answer.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await answer.json()).toEqual({ retry_after: 1 });
    expect(answer.bodyUsed).toBe(true);
  });

  it("sends an upload's form (the global FormData @discordjs/rest builds) as multipart, boundary and file included", async () => {
    const form = new FormData();
    form.append("payload_json", '{"content":"a picture"}');
    form.append(
      "files[0]",
      new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }),
      "timeline.png",
    );
    await restRequest()(url, { method: "POST", headers: {}, body: form });
    const { type, body } = received.at(-1) ?? { type: "", body: "" };
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(type ?? "")?.[1];
    expect(boundary).toBeDefined();
    expect(body).toContain(`--${boundary}`);
    expect(body).toContain('name="payload_json"');
    expect(body).toContain('filename="timeline.png"');
    expect(body).toContain("PNG");
  });

  it("sends bytes as they are, whether a Uint8Array or an ArrayBuffer", async () => {
    const send = restRequest();
    await send(url, { method: "PUT", headers: {}, body: new TextEncoder().encode("one") });
    expect(received.at(-1)).toMatchObject({ method: "PUT", body: "one" });
    await send(url, { method: "PATCH", headers: {}, body: new TextEncoder().encode("two").buffer });
    expect(received.at(-1)).toMatchObject({ method: "PATCH", body: "two" });
  });

  it("refuses a body of a kind it does not know, saying so", async () => {
    const send = restRequest();
    await expect(
      send(url, { method: "POST", headers: {}, body: new DataView(new ArrayBuffer(1)) }),
    ).rejects.toThrow(/an unexpected kind: \[object DataView\]/);
  });
});
