/** Discord's section of the configuration: shards, the REST proxy and the shared global limit. */
import { describe, expect, it } from "vitest";
import { discordRestUrl, readDiscordSettings } from "../../../src/platforms/discord/discord-settings.js";
import { configProblems } from "../../support/index.js";

const problems = configProblems(readDiscordSettings);

describe("DISCORD_TOKEN and DISCORD_APP_ID", () => {
  it("need each other", () => {
    expect(problems({ DISCORD_TOKEN: "t" })).toEqual([
      "DISCORD_APP_ID: is required when DISCORD_TOKEN is set",
    ]);
  });
});

describe("DISCORD_SHARDS and DISCORD_SHARD_COUNT", () => {
  it("default to auto: one process runs every shard Discord recommends", () => {
    const config = readDiscordSettings({});
    expect(config.DISCORD_SHARDS).toBe("auto");
    expect(config.DISCORD_SHARD_COUNT).toBeUndefined();
    expect(readDiscordSettings({ DISCORD_SHARDS: " auto " }).DISCORD_SHARDS).toBe("auto");
  });

  it("take a list, a range or both, ascending and without repeats, with the count of all processes' shards", () => {
    expect(readDiscordSettings({ DISCORD_SHARDS: "0,2", DISCORD_SHARD_COUNT: "4" })).toMatchObject({
      DISCORD_SHARDS: [0, 2],
      DISCORD_SHARD_COUNT: 4,
    });
    expect(readDiscordSettings({ DISCORD_SHARDS: "4-7", DISCORD_SHARD_COUNT: "8" }).DISCORD_SHARDS).toEqual([
      4, 5, 6, 7,
    ]);
    expect(
      readDiscordSettings({ DISCORD_SHARDS: "8, 0-2, 1", DISCORD_SHARD_COUNT: "16" }).DISCORD_SHARDS,
    ).toEqual([0, 1, 2, 8]);
  });

  it("reject what is neither auto, a list nor an upward range, naming the variable", () => {
    for (const bad of ["all", "3-1", "0,,1", "-1", "1.5", "0-99999"]) {
      expect(problems({ DISCORD_SHARDS: bad, DISCORD_SHARD_COUNT: "4" })[0]).toMatch(
        new RegExp(
          `^DISCORD_SHARDS: must be "auto", a list like 0,2.*\\(got "${bad.replace(".", "\\.")}"\\)$`,
        ),
      );
    }
  });

  it("need the shard count with shard ids, and every id below it", () => {
    expect(problems({ DISCORD_SHARDS: "0-1" })).toEqual([
      "DISCORD_SHARD_COUNT: is required when DISCORD_SHARDS names shards (all processes together)",
    ]);
    expect(problems({ DISCORD_SHARDS: "1,2,3", DISCORD_SHARD_COUNT: "2" })).toEqual([
      "DISCORD_SHARDS: shard ids go from 0 to DISCORD_SHARD_COUNT - 1 (1); got 2, 3",
    ]);
    expect(problems({ DISCORD_SHARD_COUNT: "0", DISCORD_SHARDS: "0" })[0]).toMatch(/^DISCORD_SHARD_COUNT: /);
  });

  it("refuse a count with auto, which takes Discord's recommended count", () => {
    expect(problems({ DISCORD_SHARD_COUNT: "4" })).toEqual([
      'DISCORD_SHARD_COUNT: goes with shard ids in DISCORD_SHARDS (with "auto" Discord recommends the count); for all 4 shards in this process set DISCORD_SHARDS=0-3',
    ]);
  });
});

describe("the shared Discord rate limit", () => {
  it("sends REST through DISCORD_PROXY_URL when set, else to DISCORD_API_URL, else Discord's own API", () => {
    expect(discordRestUrl(readDiscordSettings({}))).toBeUndefined();
    expect(discordRestUrl(readDiscordSettings({ DISCORD_API_URL: "http://127.0.0.1:1/api" }))).toBe(
      "http://127.0.0.1:1/api",
    );
    expect(
      discordRestUrl(
        readDiscordSettings({
          DISCORD_API_URL: "http://127.0.0.1:1/api",
          DISCORD_PROXY_URL: "http://10.0.0.5:8080/api",
        }),
      ),
    ).toBe("http://10.0.0.5:8080/api");
  });

  it("wants the proxy's API root, so that a URL without /api fails at start, not at the first request", () => {
    expect(problems({ DISCORD_PROXY_URL: "http://10.0.0.5:8080" })[0]).toMatch(
      /^DISCORD_PROXY_URL: must be the proxy's API root, ending in \/api/,
    );
    expect(problems({ DISCORD_PROXY_URL: "not a url" })[0]).toMatch(/^DISCORD_PROXY_URL: /);
  });

  it("keeps Discord's default global limit of 50 requests/s unless told otherwise, and the proxy on 127.0.0.1:8080", () => {
    expect(readDiscordSettings({})).toMatchObject({
      DISCORD_GLOBAL_REQUESTS_PER_SECOND: 50,
      DISCORD_PROXY_HOST: "127.0.0.1",
      DISCORD_PROXY_PORT: 8080,
    });
    expect(
      readDiscordSettings({ DISCORD_GLOBAL_REQUESTS_PER_SECOND: "1200" }).DISCORD_GLOBAL_REQUESTS_PER_SECOND,
    ).toBe(1200);
    expect(problems({ DISCORD_GLOBAL_REQUESTS_PER_SECOND: "0" })[0]).toMatch(
      /^DISCORD_GLOBAL_REQUESTS_PER_SECOND: /,
    );
  });
});
