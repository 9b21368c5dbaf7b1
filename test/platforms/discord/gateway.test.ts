/**
 * What the Discord client's connections say, logged and counted: disconnects, reconnects, resumes,
 * errors, warnings, and every rate-limit wait, without the URL (and so no interaction token).
 * The client is a stand-in emitting discord.js's events.
 */
import { EventEmitter } from "node:events";
import { type Client, Events } from "discord.js";
import { describe, expect, it } from "vitest";
import { noMetrics } from "../../../src/monitoring/metrics.js";
import { watchConnections } from "../../../src/platforms/discord/gateway.js";
import { captureLog } from "../../support/index.js";

function watched() {
  const client = Object.assign(new EventEmitter(), { rest: new EventEmitter() });
  const { log, lines, text } = captureLog();
  const counted: string[] = [];
  watchConnections(client as unknown as Client, log, {
    ...noMetrics,
    reconnecting: (p) => void counted.push(`reconnecting ${p}`),
    rateLimited: (p) => void counted.push(`rate limited ${p}`),
  });
  return { client, lines, text, counted };
}

describe("watching the Discord connections", () => {
  it("logs disconnects, reconnects and resumes with their shard, and counts reconnects", () => {
    const w = watched();
    w.client.emit(Events.ShardDisconnect, { code: 4000 }, 1);
    w.client.emit(Events.ShardReconnecting, 1);
    w.client.emit(Events.ShardResume, 1, 12);
    expect(w.lines().map((l) => [l.msg, l.shard])).toEqual([
      ["gateway disconnected", 1],
      ["gateway reconnecting", 1],
      ["gateway resumed", 1],
    ]);
    expect(w.lines()[0]).toMatchObject({ code: 4000, level: 40 });
    expect(w.counted).toEqual(["reconnecting discord"]);
  });

  it("logs the client's errors and warnings, interaction tokens removed", () => {
    const w = watched();
    w.client.emit(Events.Error, new Error("failed POST /interactions/123/secret-token/callback"));
    w.client.emit(Events.Warn, "heartbeat late");
    expect(w.lines().map((l) => l.msg)).toEqual(["discord client error", "discord client warning"]);
    expect(w.text()).not.toContain("secret-token");
  });

  it("logs and counts an announced rate limit", () => {
    const w = watched();
    w.client.rest.emit("rateLimited", {
      route: "/channels/:id/messages",
      method: "POST",
      retryAfter: 1500,
      global: false,
    });
    expect(w.lines()[0]).toMatchObject({
      msg: "rate limited by Discord: waiting",
      route: "/channels/:id/messages",
      retryAfter: 1500,
    });
    expect(w.counted).toEqual(["rate limited discord"]);
  });

  it("logs an unannounced 429 with its bucket and wait only, and ignores other debug text", () => {
    const w = watched();
    w.client.rest.emit("restDebug", "some other debug line");
    w.client.rest.emit(
      "restDebug",
      "Encountered unexpected 429 rate limit\n  Bucket         : abc123\n  URL  : https://x/interactions/1/tok/callback\n  Retry After    : 250ms",
    );
    expect(w.lines()).toHaveLength(1);
    expect(w.lines()[0]).toMatchObject({ route: "abc123", retryAfterMs: 250 });
    expect(w.text()).not.toContain("tok/callback");
    expect(w.counted).toEqual(["rate limited discord"]);
  });
});
