/** Slack's limits on what the bot sends, each with the page of Slack's documentation that states it. */
import { describe, expect, it } from "vitest";
import { SLACK_LIMIT_TABLE, SLACK_LIMITS } from "../../../src/platforms/slack/limits.js";

describe("Slack's limit table", () => {
  it("gives every limit with the page of Slack's documentation that states it", () => {
    for (const limit of Object.values(SLACK_LIMIT_TABLE))
      expect(limit.doc).toMatch(/^https:\/\/docs\.slack\.dev\/reference\//);
  });

  it("gives the code that cuts each limit's maximum, by the same name", () => {
    expect(Object.keys(SLACK_LIMITS)).toEqual(Object.keys(SLACK_LIMIT_TABLE));
    expect(SLACK_LIMITS).toMatchObject({
      blocks: 50,
      headerText: 150,
      sectionText: 3000,
      buttonText: 75,
      actionId: 255,
    });
  });

  it("counts characters as UTF-16 code units (the larger reading of Slack's characters), a view in bytes", () => {
    const entries = Object.entries(SLACK_LIMIT_TABLE);
    expect(entries.filter(([, l]) => l.unit === "UTF-8 bytes").map(([name]) => name)).toEqual(["viewBytes"]);
    expect([...new Set(entries.map(([, l]) => l.unit))].sort()).toEqual([
      "UTF-16 code units",
      "UTF-8 bytes",
      "items",
    ]);
  });
});
