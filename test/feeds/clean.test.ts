/** Feed text as plain text, and feed links as one normalized http(s) address. */
import { describe, expect, it } from "vitest";
import { normalizeLink, plainText } from "../../src/feeds/clean.js";

const base = "https://news.example/feed.xml";

describe("feed text as plain text", () => {
  it("drops tags, scripts and comments, decodes entities (escaped HTML too) and collapses white space", () => {
    expect(plainText("<p>Truce <b>holds</b></p><script>steal()</script><!-- x -->\n\tin  Gaza", 300)).toBe(
      "Truce holds in Gaza",
    );
    expect(plainText("Aid &amp;lt;b&amp;gt;arrives&amp;lt;/b&amp;gt; &eacute;t&#233;", 300)).toBe(
      "Aid arrives été",
    );
  });

  it("removes control and bidirectional-override characters and lone surrogates", () => {
    expect(plainText("Tr\u0007uce\u202E holds\u2066\ud800", 300)).toBe("Truce holds");
  });

  it("cuts at a word with an ellipsis when too long", () => {
    expect(plainText("one two three four five", 15)).toBe("one two three…");
  });
});

describe("feed links", () => {
  it("are normalized: lower-case host, no fragment, tracking or default port, no trailing slash", () => {
    expect(
      normalizeLink("HTTPS://News.Example:443/World/Story/?utm_source=x&id=3&fbclid=y&gclid=z#top", base),
    ).toEqual({ ok: true, link: "https://news.example/World/Story?id=3" });
    expect(normalizeLink("/world/story", base)).toEqual({
      ok: true,
      link: "https://news.example/world/story",
    });
    expect(normalizeLink("http://news.example/", base)).toEqual({ ok: true, link: "http://news.example/" });
  });

  it("refuse javascript:, data: and addresses with a password", () => {
    expect(normalizeLink("javascript:alert(1)", base)).toEqual({
      ok: false,
      reason: "the item's link is a javascript: address, not http: or https:",
    });
    expect(normalizeLink("data:text/html,x", base).ok).toBe(false);
    expect(normalizeLink("https://u:p@news.example/a", base).ok).toBe(false);
    expect(normalizeLink("  ", base)).toEqual({ ok: false, reason: "the item has no link" });
  });
});
