/**
 * Arabic and Hebrew replies read right to left in the clients. Each reply mixes its language with a
 * Latin party name (Hamas), an id, a number and a date, each given to the sentence as a parameter and
 * isolated (FSI … PDI) as the bot's words isolate them. The Discord embed and the Slack blocks the
 * bot renders are laid out in headless Chromium as those clients lay them out (each paragraph in a
 * block with `dir="auto"`, white-space pre-wrap), and every character's box is measured: the
 * paragraph starts at the right end, the Latin name's letters run left to right together, and the
 * number and the date stay whole and fall where the sentence puts them, read from the right. The same
 * payloads with their isolates taken out show the checks can fail: there the order breaks.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../../src/language/languages.js";
import { wordsFor } from "../../src/language/words.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import type { Reply } from "../../src/reply/reply.js";
import {
  atRightEnd,
  discordMessagePage,
  type LaidBlock,
  launchBrowser,
  layOut,
  readRightToLeft,
  runsLeftToRight,
  slackMessagePage,
  withoutIsolates,
} from "../support/index.js";

/** A sentence as `words.t` writes one: an ICU message, each text parameter isolated. */
function sentence(language: Language, message: string, params: Record<string, string>): string {
  const words = wordsFor(language);
  const isolated = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, words.isolate(v)]));
  return String(new IntlMessageFormat(message, words.locale).format(isolated));
}

const ARABIC = sentence("ar", "أُفرج عن {count} أسيرًا فلسطينيًا ضمن المرحلة {id}، بحسب {party}، {date}.", {
  count: "1,904",
  id: "phase-2",
  party: "Hamas",
  date: "2025-03-01",
});

const HEBREW = sentence(
  "he",
  "לפי {party}, {count} חטופים שוחררו עד {date} במסגרת {id}. המתווכים: {mediators}.",
  {
    party: "Hamas",
    count: "33",
    date: "2025-03-01",
    id: "phase-2",
    mediators: wordsFor("he").list(["Egypt", "Qatar", "United States"]),
  },
);

function replyIn(language: Language, text: string): Reply {
  return { kind: "answer", language, title: text, summary: [text], ephemeral: false };
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The laid-out blocks of a reply, on each platform, with or without its isolates. */
async function blocksOf(reply: Reply, isolated = true): Promise<Record<"Discord" | "Slack", LaidBlock[]>> {
  const discord = renderDiscord(reply);
  const slack = renderSlack(reply);
  return {
    Discord: await layOut(page, discordMessagePage(isolated ? discord : withoutIsolates(discord))),
    Slack: await layOut(page, slackMessagePage(isolated ? slack : withoutIsolates(slack))),
  };
}

/** The block holding the sentence's body: the embed's description, the section's text. */
const body = (blocks: LaidBlock[]): LaidBlock => {
  const found = blocks.find((b) => b.kind === "description" || b.kind === "section");
  if (!found) throw new Error(`no body among ${blocks.map((b) => b.kind).join(", ")}`);
  return found;
};

/** The block holding the title: the embed's title, the header block. */
const title = (blocks: LaidBlock[]): LaidBlock => {
  const found = blocks.find((b) => b.kind === "title" || b.kind === "header");
  if (!found) throw new Error(`no title among ${blocks.map((b) => b.kind).join(", ")}`);
  return found;
};

describe("an Arabic reply with a Latin name, an id, a number and a date", () => {
  for (const platform of ["Discord", "Slack"] as const) {
    it(`starts at the right end on ${platform}, its first Arabic word first`, async () => {
      const laid = (await blocksOf(replyIn("ar", ARABIC)))[platform];
      for (const block of [title(laid), body(laid)]) {
        expect(block.direction).toBe("rtl");
        expect(atRightEnd(block, "أُفرج")).toBe(true);
      }
    });

    it(`keeps Hamas, the id, the number and the date whole, in the sentence's order, on ${platform}`, async () => {
      const block = body((await blocksOf(replyIn("ar", ARABIC)))[platform]);
      for (const word of ["Hamas", "phase-2", "1,904", "2025-03-01"])
        expect(runsLeftToRight(block, word)).toBe(true);
      expect(readRightToLeft(block, ["أُفرج", "عن", "1,904", "أسيرًا"])).toBe(true);
      expect(readRightToLeft(block, ["المرحلة", "phase-2", "بحسب", "Hamas", "2025-03-01"])).toBe(true);
    });
  }

  it("puts the date before Hamas, read from the right, once its isolates are taken out", async () => {
    for (const block of Object.values(await blocksOf(replyIn("ar", ARABIC), false)).map(body)) {
      expect(block.direction).toBe("rtl");
      expect(runsLeftToRight(block, "Hamas")).toBe(true);
      expect(readRightToLeft(block, ["Hamas", "2025-03-01"])).toBe(false);
    }
  });
});

describe("a Hebrew reply with a Latin name, an id, a number, a date and a list of names", () => {
  for (const platform of ["Discord", "Slack"] as const) {
    it(`starts at the right end on ${platform}, its first Hebrew word first`, async () => {
      const laid = (await blocksOf(replyIn("he", HEBREW)))[platform];
      for (const block of [title(laid), body(laid)]) {
        expect(block.direction).toBe("rtl");
        expect(atRightEnd(block, "לפי")).toBe(true);
      }
    });

    it(`keeps Hamas, the number, the date and each mediator whole, in the sentence's order, on ${platform}`, async () => {
      const block = body((await blocksOf(replyIn("he", HEBREW)))[platform]);
      for (const word of ["Hamas", "33", "2025-03-01", "phase-2", "United States"])
        expect(runsLeftToRight(block, word)).toBe(true);
      expect(readRightToLeft(block, ["לפי", "Hamas", "33", "חטופים"])).toBe(true);
      expect(readRightToLeft(block, ["עד", "2025-03-01", "במסגרת", "phase-2"])).toBe(true);
      expect(readRightToLeft(block, ["Egypt", "Qatar", "United States"])).toBe(true);
    });
  }

  it("reads the number before Hamas, and Qatar before Egypt, once its isolates are taken out", async () => {
    for (const block of Object.values(await blocksOf(replyIn("he", HEBREW), false)).map(body)) {
      expect(readRightToLeft(block, ["Hamas", "33"])).toBe(false);
      expect(readRightToLeft(block, ["Egypt", "Qatar"])).toBe(false);
    }
  });
});

describe("a paragraph that opens with an isolated Latin name", () => {
  // dir="auto" takes the first strong character, and Chromium does not skip an isolate to find it:
  // a sentence in Arabic or Hebrew that starts with a parameter needs a right-to-left mark first.
  const section = (text: string) =>
    slackMessagePage({ blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
  const opening = sentence("ar", "{party} أعلنت الإفراج عن {count} أسيرًا.", {
    party: "Hamas",
    count: "1,904",
  });

  it("is laid out left to right, its Arabic words from the left end, when nothing comes before it", async () => {
    const [block] = await layOut(page, section(opening));
    expect(block?.direction).toBe("ltr");
    expect(block && readRightToLeft(block, ["Hamas", "أعلنت"])).toBe(false);
  });

  it("is laid out right to left when a right-to-left mark (U+200F) opens it", async () => {
    const [block] = await layOut(page, section(`\u200f${opening}`));
    expect(block?.direction).toBe("rtl");
    expect(block && atRightEnd(block, "Hamas")).toBe(true);
    expect(block && readRightToLeft(block, ["Hamas", "أعلنت", "1,904", "أسيرًا"])).toBe(true);
  });
});

describe("the measuring page", () => {
  it("finds a left-to-right paragraph away from the right end, its words read left to right", async () => {
    const laid = await layOut(
      page,
      slackMessagePage({
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "Phase one of the ceasefire" } }],
      }),
    );
    const [block] = laid;
    expect(block?.direction).toBe("ltr");
    expect(block && atRightEnd(block, "ceasefire")).toBe(false);
    expect(block && readRightToLeft(block, ["Phase", "ceasefire"])).toBe(false);
    expect(block && readRightToLeft(block, ["ceasefire", "Phase"])).toBe(true);
  });
});
