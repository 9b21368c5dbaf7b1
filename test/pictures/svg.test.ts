import { describe, expect, it } from "vitest";
import { andMore, cleanText, escapeXml, num, svgDocument, text, timeScale } from "../../src/pictures/svg.js";

describe("svg", () => {
  it("strips controls and bidirectional controls from text of the data, keeping Arabic and Hebrew", () => {
    expect(cleanText("\u202eevil override\u202c and \u2067isolate\u2069")).toBe("evil override and isolate");
    expect(cleanText("line one\nline two\u0007\u0085")).toBe("line one line two");
    expect(cleanText("وقف إطلاق النار · הפסקת האש")).toBe("وقف إطلاق النار · הפסקת האש");
    expect(cleanText("half \ud800 a pair 😀")).toBe("half a pair 😀");
  });

  it("shortens text to a number of characters, never splitting a pair", () => {
    expect(cleanText("Philadelphi Corridor withdrawal starts", 12)).toBe("Philadelphi…");
    expect([...cleanText("😀😀😀😀😀", 3)]).toHaveLength(3);
  });

  it("escapes text so that no markup from the data reaches the SVG", () => {
    expect(escapeXml(`<b>"tags"</b> & 'quotes'`)).toBe(
      "&lt;b&gt;&quot;tags&quot;&lt;/b&gt; &amp; &apos;quotes&apos;",
    );
    expect(text(1, 2, "</text><script>alert(1)</script>")).not.toContain("<script>");
  });

  it("leaves out of drawn text the emoji the shipped fonts cannot draw", () => {
    expect(text(1, 2, "Truce 😀👍🏽🇵🇸 holds")).toBe(
      '<text x="1" y="2" font-size="13" fill="#1f2328">Truce  holds</text>',
    );
  });

  it("writes numbers with one decimal, the same text every time", () => {
    expect([num(1 / 3), num(-0.01), num(1200), num(10.05)]).toEqual(["0.3", "0", "1200", "10.1"]);
  });

  it("maps a time span onto x coordinates, clamping what falls outside", () => {
    const s = timeScale(1000, 2000, 40, 1160);
    expect([s.x(1000), s.x(1500), s.x(2000), s.x(0), s.x(9999)]).toEqual([40, 600, 1160, 40, 1160]);
    expect([s.has(999), s.has(1500)]).toEqual([false, true]);
  });

  it("draws on a white background of the size asked, in the shipped fonts", () => {
    const svg = svgDocument(1200, 520, []);
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="520"/);
    expect(svg).toContain('font-family="Noto Sans, Noto Sans Arabic, Noto Sans Hebrew"');
    expect(andMore(9950)).toBe("and 9,950 more");
  });
});
