import { describe, expect, it } from "vitest";
import { errorFields, redactUrl } from "../../../src/platforms/discord/errors.js";

describe("discord error logging", () => {
  it("removes interaction and webhook tokens from URLs", () => {
    expect(
      redactUrl("https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24/callback?with_response=false"),
    ).toBe("https://discord.com/api/v10/interactions/123/[redacted]/callback?with_response=false");
    expect(redactUrl("https://discord.com/api/v10/webhooks/456/secret-token/messages/@original")).toBe(
      "https://discord.com/api/v10/webhooks/456/[redacted]/messages/@original",
    );
  });

  it("keeps an API error's code, status and method but not its request body", () => {
    const err = Object.assign(new Error("Unknown interaction"), {
      code: 10062,
      status: 404,
      method: "POST",
      url: "https://discord.com/api/v10/interactions/1/tok/callback",
      requestBody: { json: { secret: true } },
    });
    expect(errorFields(err)).toEqual({
      name: "Error",
      message: "Unknown interaction",
      code: 10062,
      status: 404,
      method: "POST",
      url: "https://discord.com/api/v10/interactions/1/[redacted]/callback",
    });
  });
});
