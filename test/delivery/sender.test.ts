/**
 * What delivery takes from a platform's failures: the network-level errors every HTTP client reports
 * alike (a dropped or refused connection, a timeout, an abort), and an error said in one line.
 */
import { describe, expect, it } from "vitest";
import { describe as describeError, isNetworkError } from "../../src/delivery/sender.js";

const withCode = (code: string, message = "boom") => Object.assign(new Error(message), { code });
const named = (name: string) => Object.assign(new Error("boom"), { name });

describe("a network error", () => {
  it("is one whose code says the connection failed, on the error or its cause", () => {
    for (const code of ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]) {
      expect(isNetworkError(withCode(code)), code).toBe(true);
    }
    expect(isNetworkError(withCode("UND_ERR_SOCKET"))).toBe(true);
    expect(isNetworkError(new Error("fetch failed", { cause: withCode("ECONNRESET") }))).toBe(true);
  });

  it("is an abort, a timeout, or undici's fetch failed", () => {
    expect(isNetworkError(named("AbortError"))).toBe(true);
    expect(isNetworkError(named("TimeoutError"))).toBe(true);
    expect(isNetworkError(new Error("fetch failed"))).toBe(true);
  });

  it("is not a refusal, another code, or something thrown that is not an Error", () => {
    expect(isNetworkError(new Error("Missing Access"))).toBe(false);
    expect(isNetworkError(withCode("EACCES"))).toBe(false);
    expect(isNetworkError("ECONNRESET")).toBe(false);
    expect(isNetworkError(undefined)).toBe(false);
  });
});

describe("an error in one line", () => {
  it("is an Error's message, or anything else as text", () => {
    expect(describeError(new Error("Unknown Channel"))).toBe("Unknown Channel");
    expect(describeError("HTTP 502")).toBe("HTTP 502");
    expect(describeError(429)).toBe("429");
  });
});
