import { describe, expect, it } from "vitest";
import { fitMrkdwn, segments, toMrkdwn } from "../../../src/platforms/slack/mrkdwn.js";
import type { Rich } from "../../../src/reply/reply.js";
import { bidiTextViolations, mrkdwnTokensWhole } from "../../support/index.js";

const instant = new Date("2025-03-01T08:30:00Z");
const unix = instant.getTime() / 1000;

describe("slack mrkdwn", () => {
  it("escapes &, < and > in plain text so nothing in the data becomes a mention or a link", () => {
    expect(toMrkdwn(segments(["a & b <!channel> <@U1> > c"]))).toBe(
      "a &amp; b &lt;!channel&gt; &lt;@U1&gt; &gt; c",
    );
  });

  it("writes strong text as *…*, escaped, with inner asterisks neutralised and whitespace outside", () => {
    expect(toMrkdwn(segments([{ strong: "59 captives" }]))).toBe("*59 captives*");
    expect(toMrkdwn(segments([{ strong: " a*b & c " }]))).toBe(" *a∗b &amp; c* ");
    expect(toMrkdwn(segments([{ strong: "one\ntwo" }]))).toBe("*one*\n*two*");
    expect(toMrkdwn(segments([{ strong: "  " }]))).toBe("  ");
  });

  it("writes links as <url|text>, with the URL unable to end or split the token", () => {
    expect(toMrkdwn(segments([{ link: "A <b> & c", url: "https://x.org/p?a=1&b=|>" }]))).toBe(
      "<https://x.org/p?a=1&amp;b=%7C%3E|A &lt;b&gt; &amp; c>",
    );
  });

  it("writes instants as <!date^UNIX^…|fallback> tokens that Slack shows in each reader's zone", () => {
    const at = (style: "datetime" | "date" | "relative") =>
      toMrkdwn(segments([{ instant, style, fallback: "1 Mar 2025, 10:30 <IST>" }]));
    expect(at("datetime")).toBe(`<!date^${unix}^{date_short_pretty} {time}|1 Mar 2025, 10:30 &lt;IST&gt;>`);
    expect(at("date")).toBe(`<!date^${unix}^{date_short_pretty}|1 Mar 2025, 10:30 &lt;IST&gt;>`);
    expect(at("relative")).toBe(`<!date^${unix}^{date_short_pretty} {time}|1 Mar 2025, 10:30 &lt;IST&gt;>`);
  });

  it("cuts long text with … and never inside a token, an entity or an open bold", () => {
    const rich: Rich = [
      "x".repeat(10),
      { instant, style: "datetime", fallback: "soon" },
      " & ".repeat(20),
      { strong: "bold words here" },
      { link: "a link", url: "https://example.org" },
    ];
    const whole = toMrkdwn(segments(rich));
    for (let limit = 1; limit <= whole.length; limit += 1) {
      const cut = fitMrkdwn(segments(rich), limit);
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(mrkdwnTokensWhole(cut)).toBe(true);
      expect(cut).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect((cut.match(/\*/g) ?? []).length % 2).toBe(0);
      if (limit < whole.length) expect(cut.endsWith("…") || cut.endsWith("…*")).toBe(true);
    }
    expect(fitMrkdwn(segments(rich), whole.length)).toBe(whole);
  });

  it("does not split a character made of two UTF-16 units when cutting", () => {
    const cut = fitMrkdwn(segments(["😀😀😀"]), 4);
    expect(cut).toBe("😀…");
  });

  it("closes a bidirectional isolate the cut keeps open, inside bold text too, within the limit", () => {
    const evil = "\u2068\u202eevil words & more from the data\u202c\u2069";
    const rich: Rich = ["The bot's words ", evil, " ", { strong: evil }, " and more"];
    const whole = toMrkdwn(segments(rich));
    for (let limit = 1; limit < whole.length; limit += 1) {
      const cut = fitMrkdwn(segments(rich), limit);
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(bidiTextViolations(cut)).toEqual([]);
      expect((cut.match(/\*/g) ?? []).length % 2).toBe(0);
    }
  });
});
