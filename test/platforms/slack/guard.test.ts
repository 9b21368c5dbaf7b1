/**
 * The guard in front of Bolt's HTTP receiver: a POST to the events path that is no Slack payload gets
 * 401 (not signed) or 400 (signed), a body over the limit 413, anything while stopping 503; what Bolt
 * can route, and every other request, reaches the receiver untouched. The receiver here is a
 * stand-in that answers "receiver".
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HTTPReceiver } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { guardRequests } from "../../../src/platforms/slack/guard.js";
import { captureLog, postSigned, slashCommandBody } from "../../support/index.js";

const SECRET = "signing-secret";
let server: Server | undefined;

afterEach(async () => {
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function guarded(options: { accepting?: () => boolean; bodyLimit?: number } = {}) {
  const receiver = {
    requestListener: (
      req: { resume(): void },
      res: { end(text: string): void; getHeader(name: string): unknown },
    ) => {
      req.resume();
      const type = res.getHeader("content-type");
      res.end(type ? `receiver (${String(type)})` : "receiver");
    },
  } as unknown as HTTPReceiver;
  const { log, lines } = captureLog();
  guardRequests(receiver, { signingSecret: SECRET, path: "/slack/events", log, ...options });
  server = createServer((req, res) => receiver.requestListener(req, res));
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, events: `${base}/slack/events`, lines };
}

describe("the Slack request guard", () => {
  it("lets a slash command and an interactive payload through to the receiver", async () => {
    const g = await guarded();
    const command = await postSigned(g.events, {
      body: slashCommandBody("/phase", "", "http://x/r"),
      secret: SECRET,
    });
    // A slash command's ack is JSON, acked as text serialised once: the guard types it.
    expect(command).toMatchObject({ status: 200, text: "receiver (application/json)" });
    const json = await postSigned(g.events, {
      body: JSON.stringify({ type: "url_verification" }),
      secret: SECRET,
      contentType: "application/json",
    });
    expect(json.text).toBe("receiver");
  });

  it("answers 400 to a signed body that is not a Slack payload, as JSON null or a payload= form", async () => {
    const g = await guarded();
    for (const [body, contentType] of [
      ["null", "application/json"],
      ["payload=null", "application/x-www-form-urlencoded"],
      ["[1,2]", "application/json"],
      ["a=b", "application/x-www-form-urlencoded"],
    ] as const) {
      expect((await postSigned(g.events, { body, secret: SECRET, contentType })).status).toBe(400);
    }
    expect(g.lines()[0]).toMatchObject({
      status: 400,
      msg: "slack request rejected: the body is not a Slack payload",
    });
  });

  it("answers 401 to such a body when it is not signed with the secret", async () => {
    const g = await guarded();
    const forged = await postSigned(g.events, {
      body: "null",
      secret: "wrong",
      contentType: "application/json",
    });
    expect(forged.status).toBe(401);
  });

  it("answers 413 to a body over the limit", async () => {
    const g = await guarded({ bodyLimit: 10 });
    const big = await postSigned(g.events, {
      body: slashCommandBody("/phase", "x".repeat(100), "http://x/r"),
      secret: SECRET,
    });
    expect(big.status).toBe(413);
  });

  it("answers 503 with retry-after while the bot stops", async () => {
    const g = await guarded({ accepting: () => false });
    const res = await fetch(g.events, { method: "POST", body: "command=/phase" });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
  });

  it("passes other paths and methods untouched", async () => {
    const g = await guarded({ accepting: () => false });
    expect(await (await fetch(`${g.base}/healthz`)).text()).toBe("receiver");
    expect(await (await fetch(g.events)).text()).toBe("receiver");
    expect(await (await fetch(`${g.base}/other`, { method: "POST", body: "null" })).text()).toBe("receiver");
  });
});
