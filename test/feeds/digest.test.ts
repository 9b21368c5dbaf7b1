/** The digest of a story's new leads: its fixed windows, its key, and its Reply (untrusted text kept plain and short). */
import { describe, expect, it } from "vitest";
import { defaultLateText } from "../../src/delivery/item.js";
import {
  DIGEST_LINES,
  deskLeadsUrl,
  digestKey,
  digestReply,
  digestSummary,
  oneLine,
  parseDigestKey,
  TITLE_CHARS,
  windowAt,
  windowEnding,
} from "../../src/feeds/digest.js";
import type { Lead } from "../../src/feeds/lead.js";
import { wordsFor } from "../../src/language/words.js";
import { renderText } from "../../src/platforms/console/text.js";
import { plainText } from "../../src/reply/reply.js";
import { englishLeaks, replyText } from "../support/index.js";

const HOUR = 3_600_000;

function lead(n: number, over: Partial<Lead> = {}): Lead {
  return {
    id: n,
    story: "gaza-2025",
    feedId: "wire",
    outlet: "Wire Service",
    title: `Talks resume in Cairo, round ${n}`,
    link: `https://news.example.org/${n}`,
    publishedAt: undefined,
    summary: "",
    matched: [],
    foundAt: new Date("2026-03-02T09:30:00Z"),
    state: "new",
    usedFor: undefined,
    decidedBy: undefined,
    decidedAt: undefined,
    ...over,
  };
}

const input = (leads: Lead[]) => ({
  storyId: "gaza-2025",
  storyTitle: "Israel-Hamas ceasefire in Gaza (2025)",
  leads,
  deskUrl: "https://desk.example.org" as string | undefined,
});

describe("a digest's window", () => {
  it("ends at the tick floored to the interval, so every process computes the same one", () => {
    for (const at of ["2026-03-02T10:00:00Z", "2026-03-02T10:00:59Z", "2026-03-02T10:59:59.999Z"]) {
      const w = windowAt(new Date(at), HOUR);
      expect([w.start.toISOString(), w.end.toISOString()]).toEqual([
        "2026-03-02T09:00:00.000Z",
        "2026-03-02T10:00:00.000Z",
      ]);
    }
    expect(windowAt(new Date("2026-03-02T10:14:00Z"), 15 * 60_000).end.toISOString()).toBe(
      "2026-03-02T10:00:00.000Z",
    );
  });

  it("is named by its story and end in the ledger key, which reads back", () => {
    const w = windowEnding(new Date("2026-03-02T10:00:00Z"), HOUR);
    const key = digestKey("gaza-2025", w);
    expect(key).toBe("leads:gaza-2025:2026-03-02T10:00:00.000Z");
    expect(parseDigestKey(key)).toEqual({ story: "gaza-2025", end: w.end });
    for (const other of [
      "gaza-2025:phase-one-end:1d",
      "update:gaza-2025:event:x",
      "leads:gaza-2025:yesterday",
    ]) {
      expect(parseDigestKey(other), other).toBeUndefined();
    }
  });
});

describe("a digest", () => {
  it("says how many leads, lists each as outlet: title, and links the story's leads on the desk", () => {
    const reply = digestReply(input([lead(1), lead(2, { outlet: "Local Radio" })]));
    expect(reply).toMatchObject({
      kind: "answer",
      title: "2 new leads for Israel-Hamas ceasefire in Gaza (2025)",
      ephemeral: false,
    });
    expect(reply.lines?.map(plainText)).toEqual([
      "Wire Service: Talks resume in Cairo, round 1",
      "Local Radio: Talks resume in Cairo, round 2",
    ]);
    expect(reply.buttons).toEqual([
      { label: "Open in desk", url: "https://desk.example.org/desk/stories/gaza-2025/leads" },
    ]);
    expect(digestReply(input([lead(1)])).title).toBe("1 new lead for Israel-Hamas ceasefire in Gaza (2025)");
  });

  it(`lists at most ${DIGEST_LINES} leads and counts the rest`, () => {
    const reply = digestReply(input(Array.from({ length: 8 }, (_, i) => lead(i + 1))));
    expect(reply.title).toMatch(/^8 new leads/);
    expect(reply.lines).toHaveLength(DIGEST_LINES + 1);
    expect(plainText(reply.lines?.at(-1) ?? [])).toBe("… and 3 more on the desk.");
  });

  it("has no button and says so when the desk's address is not configured", () => {
    const reply = digestReply({ ...input([lead(1)]), deskUrl: undefined });
    expect(reply.buttons).toBeUndefined();
    expect(renderText(reply)).toContain("The desk's address is not configured (DESK_PUBLIC_URL)");
  });

  it("keeps feed text on one short line, as plain text spans", () => {
    const hostile = lead(1, { title: `@everyone <!channel> **x**\n\u0007${"y".repeat(500)}`, outlet: "" });
    const [line] = digestReply(input([hostile])).lines ?? [];
    expect(line?.every((span) => typeof span === "string")).toBe(true);
    const text = plainText(line ?? []);
    expect(text.startsWith("Unknown outlet: @everyone <!channel> **x** y")).toBe(true);
    expect(text).not.toMatch(/\p{Cc}/u);
    expect([...text].length).toBeLessThanOrEqual("Unknown outlet: ".length + TITLE_CHARS);
    expect(oneLine("a\u2028b\tc", 10)).toBe("a b c");
  });

  it("says when it is late", () => {
    const reply = digestReply({ ...input([lead(1)]), late: "sent 2 hours late" });
    expect(plainText(reply.summary ?? [])).toContain("(sent 2 hours late)");
  });

  it("links a story id safely into the desk's address", () => {
    expect(deskLeadsUrl("https://desk.example.org/base", "gaza-2025")).toBe(
      "https://desk.example.org/base/desk/stories/gaza-2025/leads",
    );
  });
});

describe("a digest in the curators' channel's language", () => {
  const leads = (n: number) => Array.from({ length: n }, (_, i) => lead(i + 1));
  const FSI = "\u2068";
  const PDI = "\u2069";
  const plain = (text: string) => text.replaceAll(FSI, "").replaceAll(PDI, "");
  const story = "Israel-Hamas ceasefire in Gaza (2025)";

  it("counts the leads in Arabic with the plural form of each count: 0, 1, 2, 3, 11 and 100", () => {
    const ar = wordsFor("ar");
    expect([0, 1, 2, 3, 11, 100].map((n) => plain(digestSummary(n, story, ar)))).toEqual([
      `لا أخبار جديدة عن ${story}`,
      `خبر جديد واحد عن ${story}`,
      `خبران جديدان عن ${story}`,
      `3 أخبار جديدة عن ${story}`,
      `11 خبرًا جديدًا عن ${story}`,
      `100 خبر جديد عن ${story}`,
    ]);
  });

  it("counts the leads left off in Arabic, Hebrew and French", () => {
    const more = (language: "ar" | "he" | "fr", n: number) =>
      plainText(
        digestReply({ ...input(leads(DIGEST_LINES + n)), words: wordsFor(language) }).lines?.at(-1) ?? [],
      );
    expect(more("ar", 1)).toBe("… وخبر آخر في لوحة التحرير.");
    expect(more("ar", 2)).toBe("… وخبران آخران في لوحة التحرير.");
    expect(more("ar", 3)).toBe("… و3 أخبار أخرى في لوحة التحرير.");
    expect(more("he", 2)).toBe("… ועוד שתיים בדסק.");
    expect(more("fr", 3)).toBe("… et 3 autres sur le desk.");
  });

  it.each(["ar", "he", "fr"] as const)(
    "writes the whole digest in %s, the feeds' own text aside",
    (language) => {
      for (const deskUrl of ["https://desk.example.org", undefined]) {
        const reply = digestReply({
          ...input([lead(0, { outlet: "" }), ...leads(7)]),
          deskUrl,
          late: defaultLateText(new Date(0), new Date(2 * HOUR), wordsFor(language)),
          words: wordsFor(language),
        });
        expect(reply.language).toBe(language);
        const text = replyText(reply);
        const feedTexts = [
          ...[0, ...leads(7).map((l) => l.id)].map((n) => lead(n).title),
          "Wire Service",
          story,
        ];
        expect(englishLeaks(text, language, { except: feedTexts }), text).toEqual([]);
      }
    },
  );
});
