import { createRequire } from "node:module";
import { DiscordAPIError, HTTPError, RateLimitError } from "@discordjs/rest";
import { describe, expect, it } from "vitest";
import { isRateLimitError, restCode, restError } from "../../../src/platforms/discord/rest-errors.js";

// discord.js loads @discordjs/rest's CommonJS build: the classes its client throws.
const commonJs = createRequire(import.meta.url)("@discordjs/rest") as typeof import("@discordjs/rest");

const request = { body: undefined, files: undefined };
const unknownChannel = { code: 10003, message: "Unknown Channel" };

describe("reading an error of @discordjs/rest", () => {
  it("is needed: the CommonJS build's errors are not the ES build's classes", () => {
    const err = new commonJs.DiscordAPIError(
      unknownChannel,
      10003,
      404,
      "POST",
      "/channels/1/messages",
      request,
    );
    expect(err instanceof DiscordAPIError).toBe(false);
  });

  it.each([
    ["ES", DiscordAPIError],
    ["CommonJS", commonJs.DiscordAPIError],
  ])("reads status and Discord's code from a DiscordAPIError of the %s build", (_, ErrorClass) => {
    const err = new ErrorClass(unknownChannel, 10003, 404, "POST", "/channels/1/messages", request);
    expect(restError(err)).toEqual({ name: "DiscordAPIError[10003]", status: 404, code: 10003 });
  });

  it("reads an HTTPError's status, with no code", () => {
    const err = new HTTPError(502, "Bad Gateway", "POST", "/channels/1/messages", request);
    expect(restError(err)).toEqual({ name: "HTTPError", status: 502 });
  });

  it("takes no code from a network error's string code", () => {
    const err = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(restError(err)).toEqual({ name: "Error" });
    expect(restError("not an error")).toBeUndefined();
  });

  it("reads Discord's code alone, a number or a numeric string, never a network error's name", () => {
    expect(restCode(Object.assign(new Error("x"), { code: "10003" }))).toBe(10003);
    expect(restCode({ code: 50013 })).toBe(50013);
    expect(restCode(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toBeUndefined();
    expect(restCode(undefined)).toBeUndefined();
  });

  it("knows a RateLimitError by its name, which carries the route", () => {
    const err = new RateLimitError({
      timeToReset: 1000,
      limit: 5,
      method: "POST",
      hash: "h",
      url: "/channels/1/messages",
      route: "/channels/:id/messages",
      majorParameter: "1",
      global: false,
      retryAfter: 1000,
      scope: "user",
      sublimitTimeout: 0,
    });
    expect(isRateLimitError(restError(err))).toBe(true);
    expect(isRateLimitError(restError(new Error("x")))).toBe(false);
  });
});
