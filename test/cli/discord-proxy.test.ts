/**
 * `ceasefire-bot discord-proxy`: the one Discord REST proxy a deployment's bot processes share. It
 * listens on DISCORD_PROXY_HOST:DISCORD_PROXY_PORT, keeps DISCORD_TOKEN out of its logs, says which
 * address it could not listen on, and stops cleanly on SIGTERM.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { discordProxyCommand } from "../../src/cli/discord-proxy.js";
import { loadConfig } from "../../src/config.js";
import { freePort, StandInDiscord, spawnCommand } from "../support/index.js";

describe("ceasefire-bot discord-proxy", () => {
  it("exits 1 naming the address when the proxy cannot start there", async () => {
    const errors: string[] = [];
    const code = await discordProxyCommand(
      loadConfig({ LOG_LEVEL: "silent" }),
      {
        token: undefined,
        host: "127.0.0.1",
        port: 8080,
        start: async () => {
          throw new Error("listen EADDRINUSE");
        },
      },
      { out: () => {}, err: (t) => void errors.push(t) },
    );
    expect(code).toBe(1);
    expect(errors).toEqual(["DISCORD_PROXY_HOST:DISCORD_PROXY_PORT 127.0.0.1:8080: listen EADDRINUSE"]);
  });

  it("exits 1 when its port is taken, as a process", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => taken.once("listening", r));
    const port = (taken.address() as { port: number }).port;
    try {
      const proxy = spawnCommand("discord-proxy", { DISCORD_PROXY_PORT: String(port) });
      expect((await proxy.exited).code).toBe(1);
      expect(proxy.logs()).toContain(`127.0.0.1:${port}`);
    } finally {
      taken.close();
    }
  });

  it("passes requests on to DISCORD_API_URL, logs no token, and exits 0 on SIGTERM", async () => {
    const discord = await StandInDiscord.start();
    const port = await freePort();
    const token = "proxy-test-token.secret-part";
    const proxy = spawnCommand("discord-proxy", {
      DISCORD_TOKEN: token,
      DISCORD_APP_ID: "1",
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PROXY_PORT: String(port),
    });
    try {
      await proxy.logged("discord proxy listening", 20_000);
      const res = await fetch(`http://127.0.0.1:${port}/api/v10/gateway/bot`, {
        headers: { authorization: `Bot ${token}` },
      });
      expect(res.status).toBe(200);
      proxy.child.kill("SIGTERM");
      expect(await proxy.exited).toEqual({ code: 0, signal: null });
      expect(proxy.logs()).toContain('"msg":"stopped"');
      expect(proxy.logs()).not.toContain(token);
    } finally {
      proxy.child.kill("SIGKILL");
      await discord.stop();
    }
  });
});
