/** A platform's table of documented limits, read by the code that cuts to them as plain maxima. */
import { describe, expect, it } from "vitest";
import { maxima } from "../../src/reply/limits.js";

describe("a table of limits", () => {
  it("gives each limit's maximum under its own name", () => {
    const table = {
      title: {
        max: 256,
        doc: "https://discord.com/developers/docs/resources/message#embed-object-embed-limits",
      },
      choice: {
        max: 100,
        min: 1,
        doc: "https://discord.com/developers/docs/interactions/application-commands",
      },
    };
    expect(maxima(table)).toEqual({ title: 256, choice: 100 });
  });

  it("gives nothing for an empty table", () => {
    expect(maxima({})).toEqual({});
  });
});
