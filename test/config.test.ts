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
