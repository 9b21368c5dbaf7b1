/** Discord's limits on what the bot sends, each with the page of Discord's documentation that states it. */
import { describe, expect, it } from "vitest";
import { DISCORD_LIMIT_TABLE, DISCORD_LIMITS } from "../../../src/platforms/discord/limits.js";

describe("Discord's limit table", () => {
  it("gives every limit with the page of Discord's documentation that states it", () => {
    for (const limit of Object.values(DISCORD_LIMIT_TABLE))
      expect(limit.doc).toMatch(/^https:\/\/discord\.com\/developers\/docs\//);
  });

  it("gives the code that cuts each limit's maximum, by the same name", () => {
    expect(Object.keys(DISCORD_LIMITS)).toEqual(Object.keys(DISCORD_LIMIT_TABLE));
    expect(DISCORD_LIMITS).toMatchObject({
      title: 256,
      description: 4096,
      fieldValue: 1024,
      embedTotal: 6000,
      customId: 100,
    });
  });

  it("counts characters as code points, as Discord's API does, and trims an embed's texts first", () => {
    const units = new Set(Object.values(DISCORD_LIMIT_TABLE).map((l) => l.unit));
    expect([...units].sort()).toEqual(["code points", "items"]);
    const embedTexts = Object.entries(DISCORD_LIMIT_TABLE)
      .filter(([, l]) => "trimmed" in l)
      .map(([name]) => name);
    expect(embedTexts).toEqual([
      "title",
      "description",
      "fieldName",
      "fieldValue",
      "footer",
      "author",
      "embedTotal",
    ]);
  });

  it("limits a slash command with its localizations to 8000 characters in all", () => {
    expect(DISCORD_LIMIT_TABLE.commandTotal).toMatchObject({ max: 8000, unit: "code points" });
  });
});
