/** The operators' settings: read once from the environment, validated, with every bad one named. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
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
