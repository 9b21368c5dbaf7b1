/** The operators' settings: read once from the environment, validated, with every bad one named. */
import { describe, expect, it } from "vitest";
import { loadConfig, settingsFrom } from "../src/config.js";
import { configProblems } from "./support/index.js";

const problems = configProblems(loadConfig);

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

describe("DIGEST_INTERVAL", () => {
  it("is an hour by default and takes a duration from a minute to seven days", () => {
    expect(loadConfig({}).DIGEST_INTERVAL).toBe(3_600_000);
    expect(loadConfig({ DIGEST_INTERVAL: "" }).DIGEST_INTERVAL).toBe(3_600_000);
    expect(loadConfig({ DIGEST_INTERVAL: "30m" }).DIGEST_INTERVAL).toBe(1_800_000);
    expect(loadConfig({ DIGEST_INTERVAL: "1d" }).DIGEST_INTERVAL).toBe(86_400_000);
    for (const bad of ["0m", "8d", "hourly", "1.5h"]) {
      expect(problems({ DIGEST_INTERVAL: bad })[0], bad).toMatch(/^DIGEST_INTERVAL: must be a duration/);
    }
  });
});

describe("DESK_PUBLIC_URL", () => {
  it("is unset by default, and the desk's http(s) address without its trailing slash", () => {
    expect(loadConfig({}).DESK_PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ DESK_PUBLIC_URL: "" }).DESK_PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ DESK_PUBLIC_URL: "https://desk.example.org/" }).DESK_PUBLIC_URL).toBe(
      "https://desk.example.org",
    );
    for (const bad of ["desk.example.org", "javascript:alert(1)", "ftp://desk.example.org"]) {
      expect(problems({ DESK_PUBLIC_URL: bad })[0], bad).toMatch(/^DESK_PUBLIC_URL: /);
    }
  });
});

describe("PUBLIC_URL", () => {
  it("is unset by default, and the bot's http(s) address without its trailing slash, which /calendar reads", () => {
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(settingsFrom(loadConfig({})).publicUrl).toBeUndefined();
    const config = loadConfig({ PUBLIC_URL: "https://bot.example.org/ceasefire/" });
    expect(config.PUBLIC_URL).toBe("https://bot.example.org/ceasefire");
    expect(settingsFrom(config).publicUrl).toBe("https://bot.example.org/ceasefire");
    for (const bad of ["bot.example.org", "webcal://bot.example.org", "javascript:alert(1)"]) {
      expect(problems({ PUBLIC_URL: bad })[0], bad).toMatch(/^PUBLIC_URL: must be the address readers reach/);
    }
  });
});

describe("DESK_TRUSTED_PROXIES", () => {
  it("is empty by default (the socket's address is the client's), and a list of addresses and ranges", () => {
    expect(loadConfig({}).DESK_TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ DESK_TRUSTED_PROXIES: "" }).DESK_TRUSTED_PROXIES).toEqual([]);
    expect(
      loadConfig({ DESK_TRUSTED_PROXIES: " 127.0.0.1, ::1,10.0.0.0/8 ,fd00::/8" }).DESK_TRUSTED_PROXIES,
    ).toEqual(["127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"]);
  });

  it("names every entry that is not an address or a range", () => {
    expect(problems({ DESK_TRUSTED_PROXIES: "127.0.0.1,proxy.local,10.0.0.0/33" })).toEqual([
      'DESK_TRUSTED_PROXIES: "proxy.local", "10.0.0.0/33" are not an IP address or CIDR range, like 10.0.0.0/8 or ::1 (got "127.0.0.1,proxy.local,10.0.0.0/33")',
    ]);
  });
});

describe("the feed intake's variables", () => {
  it("poll by default, public addresses only, within 20 s, 5 MB and 3 redirects", () => {
    const config = loadConfig({});
    expect([
      config.FEEDS,
      config.FEEDS_ALLOW_PRIVATE,
      config.FEEDS_TIMEOUT,
      config.FEEDS_MAX_BYTES,
      config.FEEDS_MAX_REDIRECTS,
    ]).toEqual([true, [], 20_000, 5_000_000, 3]);
  });

  it("take off, an allow list of addresses, ranges and hosts, durations and sizes with their units", () => {
    const config = loadConfig({
      FEEDS: "off",
      FEEDS_ALLOW_PRIVATE: " 127.0.0.1, ::1,10.0.0.0/8 ,feeds.internal",
      FEEDS_TIMEOUT: "500ms",
      FEEDS_MAX_BYTES: "200kB",
      FEEDS_MAX_REDIRECTS: "0",
    });
    expect([
      config.FEEDS,
      config.FEEDS_ALLOW_PRIVATE,
      config.FEEDS_TIMEOUT,
      config.FEEDS_MAX_BYTES,
      config.FEEDS_MAX_REDIRECTS,
    ]).toEqual([false, ["127.0.0.1", "::1", "10.0.0.0/8", "feeds.internal"], 500, 200_000, 0]);
    expect(loadConfig({ FEEDS_TIMEOUT: "2m", FEEDS_MAX_BYTES: "1MB" })).toMatchObject({
      FEEDS_TIMEOUT: 120_000,
      FEEDS_MAX_BYTES: 1_000_000,
    });
    expect(loadConfig({ FEEDS_TIMEOUT: "30", FEEDS_MAX_BYTES: "65536" })).toMatchObject({
      FEEDS_TIMEOUT: 30_000,
      FEEDS_MAX_BYTES: 65_536,
    });
  });

  it("name every bad value", () => {
    expect(
      problems({
        FEEDS: "yes",
        FEEDS_ALLOW_PRIVATE: "10.0.0.0/33,bad host",
        FEEDS_TIMEOUT: "soon",
        FEEDS_MAX_BYTES: "1GB",
        FEEDS_MAX_REDIRECTS: "11",
      }),
    ).toEqual([
      expect.stringMatching(/^FEEDS: .*\(got "yes"\)$/),
      'FEEDS_ALLOW_PRIVATE: "10.0.0.0/33" is not a CIDR range like 10.0.0.0/8; "bad host" is neither an address nor a host name (got "10.0.0.0/33,bad host")',
      'FEEDS_TIMEOUT: must be a duration like 20s or 500ms, from 100 ms to 600 s (got "soon")',
      'FEEDS_MAX_BYTES: must be a size like 5MB or 200kB, from 1 kB to 100 MB (got "1GB")',
      expect.stringMatching(/^FEEDS_MAX_REDIRECTS: .*\(got "11"\)$/),
    ]);
  });
});
