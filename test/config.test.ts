/** The operators' settings: read once from the environment, validated, with every bad one named. */
import { describe, expect, it } from "vitest";
import { ConfigError, discordRestUrl, loadConfig } from "../src/config.js";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("HEALTH_PORT", () => {
  it("is unset by default (no health server), a port when given, and unset when empty", () => {
    expect(loadConfig({}).HEALTH_PORT).toBeUndefined();
    expect(loadConfig({ HEALTH_PORT: "9090" }).HEALTH_PORT).toBe(9090);
    expect(loadConfig({ HEALTH_PORT: "" }).HEALTH_PORT).toBeUndefined();
  });

  it("rejects what is not a port, naming the variable", () => {
    expect(problems({ HEALTH_PORT: "health" })[0]).toMatch(/^HEALTH_PORT: .*\(got "health"\)$/);
    expect(problems({ HEALTH_PORT: "70000" })[0]).toMatch(/^HEALTH_PORT: /);
  });
});

describe("SHUTDOWN_TIMEOUT_MS", () => {
  it("is 10 seconds by default and takes a number of milliseconds", () => {
    expect(loadConfig({}).SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: "2500" }).SHUTDOWN_TIMEOUT_MS).toBe(2_500);
  });

  it("rejects a negative or non-numeric value, with the other bad variables", () => {
    const found = problems({ SHUTDOWN_TIMEOUT_MS: "-1", LOG_FORMAT: "xml" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual(["LOG_FORMAT", "SHUTDOWN_TIMEOUT_MS"]);
  });
});

describe("CLAIM_LEASE_MS", () => {
  it("is 3 minutes by default and takes a number of milliseconds, from 1 second to an hour", () => {
    expect(loadConfig({}).CLAIM_LEASE_MS).toBe(180_000);
    expect(loadConfig({ CLAIM_LEASE_MS: "30000" }).CLAIM_LEASE_MS).toBe(30_000);
    expect(problems({ CLAIM_LEASE_MS: "500" })[0]).toMatch(/^CLAIM_LEASE_MS: .*\(got "500"\)$/);
    expect(problems({ CLAIM_LEASE_MS: "soon" })[0]).toMatch(/^CLAIM_LEASE_MS: /);
  });
});

describe("DISCORD_SHARDS and DISCORD_SHARD_COUNT", () => {
  it("default to auto: one process runs every shard Discord recommends", () => {
    const config = loadConfig({});
    expect(config.DISCORD_SHARDS).toBe("auto");
    expect(config.DISCORD_SHARD_COUNT).toBeUndefined();
    expect(loadConfig({ DISCORD_SHARDS: " auto " }).DISCORD_SHARDS).toBe("auto");
  });

  it("take a list, a range or both, ascending and without repeats, with the count of all processes' shards", () => {
    expect(loadConfig({ DISCORD_SHARDS: "0,2", DISCORD_SHARD_COUNT: "4" })).toMatchObject({
      DISCORD_SHARDS: [0, 2],
      DISCORD_SHARD_COUNT: 4,
    });
    expect(loadConfig({ DISCORD_SHARDS: "4-7", DISCORD_SHARD_COUNT: "8" }).DISCORD_SHARDS).toEqual([
      4, 5, 6, 7,
    ]);
    expect(loadConfig({ DISCORD_SHARDS: "8, 0-2, 1", DISCORD_SHARD_COUNT: "16" }).DISCORD_SHARDS).toEqual([
      0, 1, 2, 8,
    ]);
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
    expect(discordRestUrl(loadConfig({}))).toBeUndefined();
    expect(discordRestUrl(loadConfig({ DISCORD_API_URL: "http://127.0.0.1:1/api" }))).toBe(
      "http://127.0.0.1:1/api",
    );
    expect(
      discordRestUrl(
        loadConfig({
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
    expect(loadConfig({})).toMatchObject({
      DISCORD_GLOBAL_REQUESTS_PER_SECOND: 50,
      DISCORD_PROXY_HOST: "127.0.0.1",
      DISCORD_PROXY_PORT: 8080,
    });
    expect(
      loadConfig({ DISCORD_GLOBAL_REQUESTS_PER_SECOND: "1200" }).DISCORD_GLOBAL_REQUESTS_PER_SECOND,
    ).toBe(1200);
    expect(problems({ DISCORD_GLOBAL_REQUESTS_PER_SECOND: "0" })[0]).toMatch(
      /^DISCORD_GLOBAL_REQUESTS_PER_SECOND: /,
    );
  });
});
