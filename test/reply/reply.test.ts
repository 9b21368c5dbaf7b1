/**
 * The reply every command returns, said as plain text for logs, the console and plain-text parts:
 * bold and links by their text, an exact instant by its fallback in the story's zone.
 */
import { describe, expect, it } from "vitest";
import { isCommandButton, isLinkButton, isWebAddress, plainText } from "../../src/reply/reply.js";

describe("a reply's text, plain", () => {
  it("joins text, bold and links by their words", () => {
    expect(
      plainText([
        "Phase one ends ",
        { strong: "tomorrow" },
        ", says ",
        { link: "Al Jazeera", url: "https://www.aljazeera.com/" },
        ".",
      ]),
    ).toBe("Phase one ends tomorrow, says Al Jazeera.");
  });

  it("says an instant by its fallback, not in the machine's zone", () => {
    const instant = {
      instant: new Date("2025-03-01T10:00:00Z"),
      style: "datetime" as const,
      fallback: "1 Mar 2025, 12:00",
    };
    expect(plainText(["Due ", instant])).toBe("Due 1 Mar 2025, 12:00");
  });

  it("is empty for no spans", () => {
    expect(plainText([])).toBe("");
  });
});

describe("a link button's address", () => {
  it("is an absolute http or https URL without spaces", () => {
    expect(isWebAddress("https://desk.example.org/desk/stories/gaza-2025/leads")).toBe(true);
    expect(isWebAddress("http://127.0.0.1:8080/desk")).toBe(true);
    for (const bad of ["javascript:alert(1)", "/desk/stories/x", "https://a b", "ftp://x", "https://"]) {
      expect(isWebAddress(bad), bad).toBe(false);
    }
  });

  it("tells link buttons from command buttons", () => {
    const link = { label: "Open in desk", url: "https://desk.example.org/" };
    const page = { label: "Next", command: "timeline", options: { page: "2" } };
    expect([link, page].map(isLinkButton)).toEqual([true, false]);
    expect([link, page].map(isCommandButton)).toEqual([false, true]);
  });
});
