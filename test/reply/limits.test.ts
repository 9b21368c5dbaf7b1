/** A platform's table of documented limits, read by the code that cuts to them as plain maxima. */
import { describe, expect, it } from "vitest";
import { maxima, measure, utf8Bytes } from "../../src/reply/limits.js";

const FSI = "\u2068";
const PDI = "\u2069";

describe("a table of limits", () => {
  it("gives each limit's maximum under its own name", () => {
    const table = {
      title: {
        max: 256,
        unit: "code points",
        doc: "https://discord.com/developers/docs/resources/message#embed-object-embed-limits",
      },
      choice: {
        max: 100,
        min: 1,
        unit: "code points",
        doc: "https://discord.com/developers/docs/interactions/application-commands",
      },
    } as const;
    expect(maxima(table)).toEqual({ title: 256, choice: 100 });
  });

  it("gives nothing for an empty table", () => {
    expect(maxima({})).toEqual({});
  });
});

describe("measuring a text as a platform counts it", () => {
  it("counts an Arabic letter once as a character and twice as UTF-8 bytes", () => {
    const word = "وقف"; // three letters
    expect(measure(word, "code points")).toBe(3);
    expect(measure(word, "UTF-16 code units")).toBe(3);
    expect(measure(word, "UTF-8 bytes")).toBe(6);
  });

  it("counts a Hebrew letter once as a character and twice as UTF-8 bytes", () => {
    const word = "הפסקת"; // five letters
    expect(measure(word, "code points")).toBe(5);
    expect(measure(word, "UTF-16 code units")).toBe(5);
    expect(utf8Bytes(word)).toBe(10);
  });

  it("counts FSI and PDI once each as characters and three bytes each", () => {
    const isolated = `${FSI}Hamas${PDI}`;
    expect(measure(isolated, "code points")).toBe(7);
    expect(measure(isolated, "UTF-16 code units")).toBe(7);
    expect(measure(isolated, "UTF-8 bytes")).toBe(5 + 3 + 3);
  });

  it("counts an emoji of two UTF-16 units as one code point", () => {
    expect(measure("😀", "code points")).toBe(1);
    expect(measure("😀", "UTF-16 code units")).toBe(2);
    expect(measure("😀", "UTF-8 bytes")).toBe(4);
  });

  it("never finds a text shorter in UTF-16 code units than in code points, so a cut in units fits both", () => {
    for (const text of ["", "abc", "وقف إطلاق النار", "הפסקת האש", `${FSI}12 345${PDI}`, "🇵🇸🇮🇱 👍🏽", "é"]) {
      expect(measure(text, "UTF-16 code units")).toBeGreaterThanOrEqual(measure(text, "code points"));
    }
  });
});
