/**
 * What a platform is to the rest of the bot: definePlatform() turns a definition typed by its own
 * settings into the one shape the list holds, reading its section of the environment.
 */

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InFlight } from "../../src/bot/in-flight.js";
import { noMetrics } from "../../src/monitoring/metrics.js";
import { definePlatform, PLATFORM_NAME, type PlatformContext } from "../../src/platforms/platform.js";
import type { Reply } from "../../src/reply/reply.js";
import { RecordingSender, shippedCore, silentLog } from "../support/index.js";

const settings = z.object({
  CHAT_TOKEN: z.string().optional(),
  CHAT_PORT: z.coerce.number().int().default(4000),
});

/** A chat platform of the test's own, as a new platform would be written. */
function chat(extra: Partial<Parameters<typeof definePlatform<z.output<typeof settings>>>[0]> = {}) {
  return definePlatform({
    name: "chat",
    title: "Chat",
    settings,
    secrets: ["CHAT_TOKEN"],
    enabled: (s) => Boolean(s.CHAT_TOKEN),
    render: (reply: Reply) => ({ text: reply.title }),
    start: async () => ({ sender: new RecordingSender(), stop: async () => {} }),
    ...extra,
  });
}

const configured = (env: Record<string, string>, extra = {}) => {
  const section = chat(extra).configure(env);
  if (!("configured" in section)) throw new Error(section.problems.join("; "));
  return section.configured;
};

describe("a platform defined with definePlatform", () => {
  it("lists its variables and secrets, and renders as its name by default", () => {
    const p = chat();
    expect(p).toMatchObject({
      name: "chat",
      title: "Chat",
      variables: ["CHAT_TOKEN", "CHAT_PORT"],
      secrets: ["CHAT_TOKEN"],
    });
    expect(p.renderTarget).toBe("chat");
    expect(chat({ renderTarget: "plain" }).renderTarget).toBe("plain");
    expect(p.render({ kind: "answer", title: "Hi", ephemeral: false })).toEqual({ text: "Hi" });
  });

  it("refuses a name that could not be stored or used as a metrics label", () => {
    expect(() => chat({ name: "Chat App" })).toThrow(/must match/);
    expect(PLATFORM_NAME.test("fake-chat2")).toBe(true);
  });

  it("is enabled as its variables say, and neither the fallback nor the terminal's owner by default", () => {
    expect(configured({})).toMatchObject({ enabled: false, fallback: false, ownsTerminal: false });
    expect(configured({ CHAT_TOKEN: "t" }).enabled).toBe(true);
  });

  it("names each bad variable, then what is wrong with them together", () => {
    expect(chat().configure({ CHAT_PORT: "x" })).toEqual({
      problems: [expect.stringMatching(/^CHAT_PORT: /)],
    });
    const together = chat({ problems: (s) => (s.CHAT_TOKEN ? [] : ["CHAT_TOKEN: is required"]) });
    expect(together.configure({})).toEqual({ problems: ["CHAT_TOKEN: is required"] });
  });

  it("shows its settings with the secrets replaced, and hands the secret values to the logger", () => {
    const c = configured({ CHAT_TOKEN: "s3cret" });
    expect(c.redacted).toEqual({ CHAT_TOKEN: "[redacted]", CHAT_PORT: 4000 });
    expect(c.secretValues).toEqual(["s3cret"]);
    expect(configured({}).secretValues).toEqual([]);
  });

  it("says its HTTP port when it runs a server", () => {
    expect(configured({}).httpPort).toBeUndefined();
    expect(configured({}, { httpPort: (s: { CHAT_PORT: number }) => s.CHAT_PORT }).httpPort).toBe(4000);
  });

  it("starts with its own settings, read and typed", async () => {
    let seen: unknown;
    const c = configured(
      { CHAT_TOKEN: "t", CHAT_PORT: "4100" },
      {
        start: async (s: unknown) => {
          seen = s;
          return { sender: new RecordingSender(), stop: async () => {} };
        },
      },
    );
    const { core, data } = await shippedCore();
    const context: PlatformContext = {
      core,
      log: silentLog(),
      metrics: noMetrics,
      inFlight: new InFlight(),
      terminal: { input: process.stdin, output: process.stdout },
    };
    await c.start(context);
    data.close();
    expect(seen).toEqual({ CHAT_TOKEN: "t", CHAT_PORT: 4100 });
  });
});
