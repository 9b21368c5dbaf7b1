import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { restOptions } from "../../../src/platforms/discord/adapter.js";
import { restAgent } from "../../../src/platforms/discord/rest-agent.js";

const require = createRequire(import.meta.url);
/** The undici @discordjs/rest itself requires, wherever npm put it. */
const restUndici = createRequire(require.resolve("@discordjs/rest"))("undici") as typeof import("undici");

describe("the REST clients' agent", () => {
  it("is an Agent of the very undici @discordjs/rest sends with", async () => {
    const agent = restAgent();
    try {
      expect(agent).toBeInstanceOf(restUndici.Agent);
    } finally {
      await agent.close();
    }
  });

  it("is a new one for each client, never the process's global dispatcher", async () => {
    const a = restOptions({}).agent;
    const b = restOptions({}).agent;
    expect(a).toBeInstanceOf(restUndici.Agent);
    expect(a).not.toBe(b);
    expect(a).not.toBe(restUndici.getGlobalDispatcher());
    await Promise.all([a, b].map((agent) => (agent as InstanceType<typeof restUndici.Agent>).close()));
  });
});
