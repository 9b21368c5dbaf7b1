/** The whole configuration: the core's section and each platform's, read together. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { botSecrets, loadBotConfig, redactedBotConfig } from "../../src/cli/bot-config.js";
import { configSchema } from "../../src/config.js";
import { platforms } from "../../src/platforms/index.js";
import { configProblems, repoRoot } from "../support/index.js";

const problems = configProblems((env: Record<string, string>) => loadBotConfig(env, platforms));

describe("the configuration of a run", () => {
  it("names every bad variable of every section together", () => {
    expect(
      problems({ HEALTH_PORT: "x", DISCORD_TOKEN: "t", SLACK_BOT_TOKEN: "b" }).map((p) => p.split(":")[0]),
    ).toEqual(["HEALTH_PORT", "DISCORD_APP_ID", "SLACK_SIGNING_SECRET"]);
  });

  it("enables a platform only when its variables ask for it", () => {
    const bot = loadBotConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }, platforms);
    expect(bot.platforms.map((p) => [p.name, p.enabled])).toEqual([
      ["console", false],
      ["discord", false],
      ["slack", true],
    ]);
    expect(bot.platforms.find((p) => p.name === "slack")?.httpPort).toBe(3000);
  });

  it("keeps every platform's secrets out of what it shows, and gives them to the logger to scrub", () => {
    const bot = loadBotConfig(
      {
        DISCORD_TOKEN: "d-secret",
        DISCORD_APP_ID: "1",
        SLACK_APP_TOKEN: "xapp-secret",
        SLACK_BOT_TOKEN: "xoxb-secret",
      },
      platforms,
    );
    expect(botSecrets(bot)).toEqual(expect.arrayContaining(["d-secret", "xapp-secret", "xoxb-secret"]));
    const shown = JSON.stringify(redactedBotConfig(bot));
    for (const secret of ["d-secret", "xapp-secret", "xoxb-secret"]) expect(shown).not.toContain(secret);
  });

  it("is listed whole in the operator guide's configuration table: the core's variables and every platform's", () => {
    const guide = readFileSync(join(repoRoot, "docs", "operator-guide.md"), "utf8");
    expect(guide).toContain("\n## Configuration\n");
    const section = guide.slice(guide.indexOf("\n## Configuration\n"));
    const next = section.indexOf("\n## ", 1);
    const table = next === -1 ? section : section.slice(0, next);
    const listed = new Set([...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    const variables = [...Object.keys(configSchema.shape), ...platforms.flatMap((p) => p.variables)];
    expect(variables.filter((v) => !listed.has(v))).toEqual([]);
  });
});
