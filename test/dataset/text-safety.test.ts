/** Text from the data and from people, made safe to put in a message on any platform. */
import { describe, expect, it } from "vitest";
import { parseStoryText } from "../../src/dataset/load.js";
import {
  balancedCut,
  bidiClosers,
  cutText,
  describeUnsafe,
  findUnsafe,
  isolateBidi,
  mentionBreaker,
} from "../../src/dataset/text-safety.js";
import { bidiTextViolations, shippedStory } from "../support/index.js";

const FSI = "\u2068";
const PDI = "\u2069";
const RLO = "\u202e";
const PDF = "\u202c";
const RLI = "\u2067";

describe("findUnsafe", () => {
  it("finds a lone surrogate, high or low, and passes a whole pair", () => {
    expect(findUnsafe("a\ud800b", { controls: false })).toEqual({
      kind: "lone surrogate",
      codePoint: 0xd800,
    });
    expect(findUnsafe("\udfffb", { controls: false })).toEqual({ kind: "lone surrogate", codePoint: 0xdfff });
    expect(findUnsafe("a😀b\ud83d", { controls: false })).toEqual({
      kind: "lone surrogate",
      codePoint: 0xd83d,
    });
    expect(findUnsafe("a😀b", { controls: false })).toBeUndefined();
  });

  it("finds C0 and C1 control characters only when asked", () => {
    expect(findUnsafe("a\tb", { controls: false })).toBeUndefined();
    expect(findUnsafe("a\tb", { controls: true })).toEqual({ kind: "control character", codePoint: 9 });
    expect(findUnsafe("a\u0085b", { controls: true })).toEqual({
      kind: "control character",
      codePoint: 0x85,
    });
    expect(findUnsafe("Gaza – غزة – עזה", { controls: true })).toBeUndefined();
  });

  it("describes what it found by its code point", () => {
    expect(describeUnsafe({ kind: "lone surrogate", codePoint: 0xd800 })).toBe("a lone surrogate (U+D800)");
    expect(describeUnsafe({ kind: "control character", codePoint: 7 })).toBe("a control character (U+0007)");
  });
});

describe("isolateBidi", () => {
  it("leaves text without bidirectional controls as it is, right-to-left letters included", () => {
    expect(isolateBidi("Israel and Hamas")).toBe("Israel and Hamas");
    expect(isolateBidi("وقف إطلاق النار")).toBe("وقف إطلاق النار");
  });

  it("closes an override left open and isolates the whole", () => {
    expect(isolateBidi(`${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDF}${PDI}`);
  });

  it("drops closers with nothing to close, so the isolate cannot be ended early", () => {
    expect(isolateBidi(`a${PDI}${PDF}b${RLO}c`)).toBe(`${FSI}ab${RLO}c${PDF}${PDI}`);
  });

  it("keeps controls that are already balanced", () => {
    expect(isolateBidi(`a${RLI}b${PDI}c`)).toBe(`${FSI}a${RLI}b${PDI}c${PDI}`);
    // A PDI closes its isolate and the override opened inside it.
    expect(isolateBidi(`${RLI}${RLO}x${PDI}y`)).toBe(`${FSI}${RLI}${RLO}x${PDI}y${PDI}`);
  });
});

describe("mentionBreaker", () => {
  it("breaks the given broadcast words, whatever their case, with a zero-width space", () => {
    const breakMentions = mentionBreaker(["here", "channel", "everyone"]);
    expect(breakMentions("@here @Channel @everyone @someone")).toBe(
      "@\u200bhere @\u200bChannel @\u200beveryone @someone",
    );
    expect(breakMentions("no mention")).toBe("no mention");
  });
});

describe("isolateBidi of isolated text", () => {
  it("changes nothing the second time, so text written back to a file does not grow at each load", () => {
    for (const text of [`${RLO}evil`, `a${PDI}${PDF}b${RLO}c`, `plain\n${RLO}one\r\ntwo${PDF}`, `${RLI}x`]) {
      const once = isolateBidi(text);
      expect(isolateBidi(once)).toBe(once);
    }
  });

  it("isolates a text that only looks isolated: its first isolate closes before its end", () => {
    expect(isolateBidi(`${FSI}a${PDI}b${RLO}c${PDI}`)).toBe(`${FSI}${FSI}a${PDI}b${RLO}c${PDF}${PDI}`);
  });
});

describe("isolateBidi across lines", () => {
  it("isolates each paragraph on its own, since a line break ends every override before it", () => {
    expect(isolateBidi(`plain\n${RLO}one\r\ntwo${PDF}`)).toBe(
      `plain\n${FSI}${RLO}one${PDF}${PDI}\r\n${FSI}two${PDI}`,
    );
  });
});

describe("text loaded from a story file", () => {
  it("loads text with a right-to-left override isolated, so a reply's own words around it keep their order", () => {
    const story = shippedStory();
    story.events[0].title = "\u202eevil title";
    const parsed = parseStoryText("story.json", JSON.stringify(story));
    expect(parsed.errors).toEqual([]);
    expect(parsed.data?.events[0]?.title).toBe("\u2068\u202eevil title\u202c\u2069");
    expect(parsed.data?.events[1]?.title).toBe(story.events[1].title);
  });
});

describe("cutting text with bidirectional controls", () => {
  const LRE = "\u202a";

  it("names the closers of what a text leaves open at its end, innermost first", () => {
    expect(bidiClosers("plain")).toBe("");
    expect(bidiClosers(`${FSI}${RLO}evil`)).toBe(`${PDF}${PDI}`);
    expect(bidiClosers(`${RLI}a${LRE}b${PDF}`)).toBe(PDI);
    // A line break ends every control opened before it.
    expect(bidiClosers(`${RLO}one\ntwo`)).toBe("");
  });

  it("never keeps a control without its closer, and counts the closers in the limit", () => {
    const text = `The bot says: ${isolateBidi(`${RLO}evil override in the data ${RLI}open`)} and goes on.`;
    for (let max = 1; max < text.length; max++) {
      const cut = cutText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith("…")).toBe(true);
      expect(bidiTextViolations(cut)).toEqual([]);
    }
  });

  it("closes what the cut keeps open before the ellipsis, so the bot's … reads in its own direction", () => {
    expect(cutText(`ab${FSI}${RLO}cdefgh${PDF}${PDI}`, 8)).toBe(`ab${FSI}${RLO}c${PDF}${PDI}…`);
  });

  it("keeps a cut that needs no closer as long as it was", () => {
    expect(cutText("a sentence too long", 10)).toBe("a sentenc…");
    expect(cutText("وقف إطلاق النار في غزة", 10)).toBe("وقف إطلاق…");
    expect(balancedCut(5, (room) => "abcdefgh".slice(0, room))).toBe("abcde");
  });

  it("drops a control whose closer cannot fit beside it", () => {
    expect(cutText(`${FSI}${RLO}abc${PDF}${PDI}`, 4)).toBe(`${FSI}${PDI}…`);
  });
});
