import { describe, expect, it } from "vitest";
import { type Block, LINK_ACTION, renderSlack } from "../../../src/platforms/slack/blocks.js";
import { SLACK_LIMITS } from "../../../src/platforms/slack/limits.js";
import type { Reply, ReplyButton, ReplyField, Rich } from "../../../src/reply/reply.js";
import {
  englishLeaks,
  mrkdwnTokensWhole,
  RENDER_SOURCES,
  registry,
  rendererEnglish,
  replyToRender,
  shippedCore,
  slackViolations,
  testPicture,
} from "../../support/index.js";

const footer = {
  sources: [
    {
      id: "aj",
      title: "Israel says unclear if there is 'common ground'",
      publisher: "Al Jazeera",
      published: "2025-02-28",
      url: "https://example.org/a?x=1&y=2",
    },
  ],
  asOf: "2025-02-28",
};

function answer(extra: Partial<Reply>): Reply {
  return { kind: "answer", title: "Title", ephemeral: false, ...extra };
}

type AnyBlock = Block & {
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: unknown; action_id?: string; value?: string }[];
};

function blocks(reply: Reply): AnyBlock[] {
  return renderSlack(reply).blocks as AnyBlock[];
}

const instant = new Date("2025-03-01T08:30:00Z");
const unix = instant.getTime() / 1000;

describe("renderSlack", () => {
  it("renders a header, the summary, fields, lines, the buttons and a context footer", () => {
    const reply = answer({
      summary: ["Phase one ends ", { instant, style: "relative", fallback: "tomorrow" }],
      fields: [{ name: "Captives", value: [{ strong: "24 captives" }, ", according to Israel"] }],
      lines: [["first"], ["second"]],
      buttons: [{ label: "Next ▶", command: "timeline", options: { page: "2" } }],
      footer: { ...footer, staleWarning: "This data is 9 days old and may be out of date." },
    });
    const out = blocks(reply);
    expect(out.map((b) => b.type)).toEqual(["header", "section", "section", "section", "actions", "context"]);
    expect(out[0]?.text?.text).toBe("Title");
    expect(out[1]?.text?.text).toBe(`Phase one ends <!date^${unix}^{date_short_pretty} {time}|tomorrow>`);
    expect(out[2]?.text?.text).toBe("*Captives*\n*24 captives*, according to Israel");
    expect(out[3]?.text?.text).toBe("• first\n• second");
    expect(out[4]?.elements?.[0]).toEqual({
      type: "button",
      text: { type: "plain_text", text: "Next ▶", emoji: true },
      action_id: "cf1:timeline:page=2",
      value: "cf1:timeline:page=2",
    });
    const context = out[5]?.elements?.map((e) => e.text) ?? [];
    expect(context).toEqual([
      "Source: <https://example.org/a?x=1&amp;y=2|Israel says unclear if there is 'common ground'> (Al Jazeera, 28 Feb 2025)",
      "Data as of 28 Feb 2025.",
      "⚠️ This data is 9 days old and may be out of date.",
    ]);
  });

  it("gives a plain-text fallback with the title and the answer, escaped", () => {
    const out = renderSlack(answer({ summary: ["a <b> & ", { strong: "c" }] }));
    expect(out.text).toBe("Title\na &lt;b&gt; &amp; c");
  });

  it("posts answers in the channel, and private answers and errors only to the asker", () => {
    expect(renderSlack(answer({})).response_type).toBe("in_channel");
    expect(renderSlack(answer({ ephemeral: true })).response_type).toBe("ephemeral");
    const error: Reply = { kind: "error", title: "Invalid option", summary: ["bad"], ephemeral: true };
    expect(renderSlack(error).response_type).toBe("ephemeral");
    expect((renderSlack(error).blocks[0] as AnyBlock).text?.text).toBe("✖ Invalid option");
  });

  it("leaves out disabled buttons and buttons repeating another's action", () => {
    const buttons: ReplyButton[] = [
      { label: "◀ Previous", command: "timeline", options: { page: "0" }, disabled: true },
      { label: "Next ▶", command: "timeline", options: { page: "2" } },
      { label: "Next again", command: "timeline", options: { page: "2" } },
    ];
    const actions = blocks(answer({ buttons })).find((b) => b.type === "actions");
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(["cf1:timeline:page=2"]);
    expect(blocks(answer({ buttons: [buttons[0] as ReplyButton] })).some((b) => b.type === "actions")).toBe(
      false,
    );
  });

  it("puts inline fields side by side, at most 10 to a section", () => {
    const fields: ReplyField[] = Array.from({ length: 23 }, (_, i) => ({
      name: `F${i}`,
      value: ["v"],
      inline: true,
    }));
    const sections = blocks(answer({ fields })).filter((b) => b.type === "section");
    expect(sections.map((s) => s.fields?.length)).toEqual([10, 10, 3]);
    expect(sections[0]?.fields?.[0]).toEqual({ type: "mrkdwn", text: "*F0*\nv" });
  });
});

describe("renderSlack and channel-wide notifications", () => {
  const broadcast = "@here @channel @everyone <!here> <!channel> <!everyone> <!subteam^S1>";

  it("breaks @here, @channel and @everyone and escapes <!here>-style tokens in every text of the message", () => {
    const out = renderSlack(
      answer({
        title: `Title ${broadcast}`,
        summary: [broadcast, { strong: broadcast }, { link: broadcast, url: "https://example.org" }],
        fields: [{ name: broadcast, value: [broadcast] }],
        lines: [[broadcast]],
        footer: { sources: [{ id: "a", title: broadcast, published: "2025-02-28" }], asOf: "2025-02-28" },
      }),
    );
    // The header is plain_text, which Slack never parses: its `<!here>` stays text.
    const [header, ...rest] = out.blocks as AnyBlock[];
    expect(header).toMatchObject({ type: "header", text: { type: "plain_text" } });
    expect(header?.text?.text).not.toMatch(/@(here|channel|everyone)/i);
    const mrkdwn = JSON.stringify({ text: out.text, blocks: rest });
    expect(mrkdwn).not.toMatch(/@(here|channel|everyone)/i);
    expect(mrkdwn).not.toMatch(/<!/);
    expect(out.text).toContain("@\u200bhere @\u200bchannel @\u200beveryone &lt;!here&gt;");
  });
});

describe("renderSlack within Block Kit's limits", () => {
  it("cuts a header longer than 150 characters", () => {
    const header = blocks(answer({ title: "T".repeat(400) }))[0];
    expect(header?.text?.text).toHaveLength(SLACK_LIMITS.headerText);
    expect(header?.text?.text.endsWith("…")).toBe(true);
    expect(blocks(answer({ title: "T".repeat(150) }))[0]?.text?.text).toHaveLength(150);
  });

  it("cuts section text at 3000 characters, keeping a date token whole", () => {
    const summary: Rich = ["a".repeat(2990), { instant, style: "datetime", fallback: "then" }, "tail"];
    const text = blocks(answer({ summary }))[1]?.text?.text ?? "";
    expect(text).toBe(`${"a".repeat(2990)}…`);
    const exact: Rich = ["b".repeat(3000)];
    expect(blocks(answer({ summary: exact }))[1]?.text?.text).toBe("b".repeat(3000));
  });

  it("cuts a section field at 2000 characters", () => {
    const fields: ReplyField[] = [{ name: "Long", value: ["x".repeat(5000)], inline: true }];
    const field = blocks(answer({ fields }))[1]?.fields?.[0];
    expect(field?.text.length).toBe(SLACK_LIMITS.fieldText);
    expect(field?.text.endsWith("…")).toBe(true);
  });

  it("packs lines into sections of at most 3000 characters", () => {
    const lines: Rich[] = Array.from({ length: 40 }, (_, i) => [`${i} `, "y".repeat(400)]);
    const sections = blocks(answer({ lines })).filter((b) => b.type === "section");
    for (const s of sections) expect(s.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(
      sections
        .map((s) => s.text?.text)
        .join("\n")
        .split("\n"),
    ).toHaveLength(40);
  });

  it("keeps a message to 50 blocks, saying what was left out, and keeps the buttons and footer", () => {
    const fields: ReplyField[] = Array.from({ length: 80 }, (_, i) => ({ name: `Field ${i}`, value: ["v"] }));
    const out = blocks(
      answer({ fields, buttons: [{ label: "Next", command: "timeline", options: { page: "2" } }], footer }),
    );
    expect(out).toHaveLength(SLACK_LIMITS.blocks);
    expect(out.at(-1)?.type).toBe("context");
    expect(out.at(-2)?.type).toBe("actions");
    expect(out.at(-3)?.text?.text).toBe("… 34 more parts not shown.");
  });

  it("cuts button labels at 75 characters", () => {
    const out = blocks(answer({ buttons: [{ label: "L".repeat(100), command: "timeline", options: {} }] }));
    const label = (out.find((b) => b.type === "actions")?.elements?.[0]?.text as { text: string } | undefined)
      ?.text;
    expect(label).toHaveLength(SLACK_LIMITS.buttonText);
  });

  it("leaves out a button whose action id cannot be encoded", () => {
    const out = blocks(
      answer({ buttons: [{ label: "Far", command: "timeline", options: { note: "t".repeat(200) } }] }),
    );
    expect(out.some((b) => b.type === "actions")).toBe(false);
  });

  it("keeps the footer to at most 10 context elements of at most 3000 characters", () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      id: `s${i}`,
      title: `Source number ${i} with a long title`,
      published: "2025-02-28",
      url: `https://example.org/${i}`,
    }));
    const context = blocks(answer({ footer: { sources: many, asOf: "2025-02-28", staleWarning: "old" } })).at(
      -1,
    );
    expect(context?.elements?.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
    for (const e of context?.elements ?? []) {
      expect((e.text as string).length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
      expect(mrkdwnTokensWhole(e.text as string)).toBe(true);
    }
  });

  it("renders every real reply within the limits", async () => {
    const { core, data } = await shippedCore();
    for (const def of registry.list) {
      const out = renderSlack(core.answerQuestion(def.name, {}));
      expect(out.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      for (const b of out.blocks as AnyBlock[]) {
        if (b.type === "section" && b.text)
          expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      }
    }
    data.close();
  });
});

describe("a link button on Slack", () => {
  const url = "https://desk.example.org/desk/stories/gaza-2025/leads";

  it("is a button element with its url and an action id the app only acknowledges", () => {
    const reply = answer({
      buttons: [
        { label: "Next ▶", command: "timeline", options: { page: "2" } },
        { label: "Open in desk", url },
      ],
    });
    const elements = blocks(reply).find((b) => b.type === "actions")?.elements ?? [];
    expect(elements[1]).toEqual({
      type: "button",
      text: { type: "plain_text", text: "Open in desk", emoji: true },
      action_id: `${LINK_ACTION}1`,
      url,
    });
    expect(elements[0]?.action_id).toMatch(/^cf1:/);
  });

  it("is left out when Slack would refuse its address", () => {
    const long = `https://desk.example.org/${"x".repeat(SLACK_LIMITS.buttonUrl)}`;
    for (const bad of ["javascript:alert(1)", long]) {
      expect(
        blocks(answer({ buttons: [{ label: "Open", url: bad }] })).some((b) => b.type === "actions"),
      ).toBe(false);
    }
  });
});

describe("a reply's picture in the Slack blocks", () => {
  const contexts = (blocks: Block[]) =>
    blocks.flatMap((b) => (b.type === "context" ? b.elements.map((e) => ("text" in e ? e.text : "")) : []));

  it("describes a public answer's picture, which follows as a file in the channel", () => {
    const picture = testPicture();
    const message = renderSlack(answer({ picture }));
    expect(contexts(message.blocks)).toContain(`🖼 ${picture.alt}`);
    expect(slackViolations(message)).toEqual([]);
  });

  it("says a private answer's picture is shared only with answers to the channel", () => {
    const picture = testPicture();
    const message = renderSlack(answer({ picture, ephemeral: true }));
    expect(contexts(message.blocks)).toContain(
      `🖼 Picture (shared with answers to the channel only): ${picture.alt}`,
    );
  });

  it("keeps within Block Kit's limits with a picture and more lines than fit", () => {
    const lines: Rich[] = Array.from({ length: 400 }, (_, i) => [`${"line ".repeat(120)}${i}`]);
    const message = renderSlack(answer({ lines, footer, picture: testPicture({ alt: "y".repeat(5000) }) }));
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(slackViolations(message)).toEqual([]);
    expect(contexts(message.blocks).some((t) => t.startsWith("🖼 "))).toBe(true);
  });
});

describe("slack renderer in the reply's language", () => {
  const data = RENDER_SOURCES.flatMap((s) => [s.title, "publisher" in s ? s.publisher : ""]);

  it.each([
    [
      "ar",
      "المصدران:",
      "البيانات محدّثة حتى",
      "🖼 صورة (تُنشر مع الإجابات العلنية في القناة فقط)",
      /… \d+ جزءًا آخر لم يُعرض\./,
    ],
    [
      "he",
      "מקורות:",
      "הנתונים נכונים ל־",
      "🖼 תמונה (מצורפת רק לתשובות הגלויות בערוץ)",
      /… ועוד \d+ חלקים שאינם מוצגים\./,
    ],
    [
      "fr",
      "Sources :",
      "Données au 28 févr. 2025.",
      "🖼 Image (jointe uniquement",
      /… \d+ autres parties non affichées\./,
    ],
  ] as const)(
    "writes its own words in %s, within Block Kit's limits",
    (language, sources, asOf, picture, more) => {
      for (const shape of ["fields", "lines", "blocks"] as const) {
        const message = renderSlack(replyToRender(language, shape));
        expect(slackViolations(message)).toEqual([]);
        expect(englishLeaks(JSON.stringify(message), language, { except: data })).toEqual([]);
        expect(rendererEnglish(message)).toEqual([]);
        const said = JSON.stringify(message.blocks);
        expect(said).toContain(sources);
        expect(said).toContain(asOf);
        expect(said).toContain(picture);
        if (shape === "blocks") expect(said).toMatch(more);
      }
    },
  );

  it("says Source: for one source and Sources: for more, in the language", () => {
    const one = replyToRender("fr", "fields");
    one.footer = { sources: [{ id: "b", title: "Statement", published: "2025-02-01" }], asOf: "2025-02-28" };
    expect(JSON.stringify(renderSlack(one).blocks)).toContain("Source : Statement (1 févr. 2025)");
  });

  it("shows a public answer's picture description under the answer with only its mark", () => {
    const reply = { ...replyToRender("he", "fields"), ephemeral: false };
    const context = renderSlack(reply).blocks.find(
      (b) => b.type === "context" && JSON.stringify(b).includes("🖼"),
    ) as { elements: { text: string }[] } | undefined;
    expect(context?.elements[0]?.text).toBe("🖼 \u2068השלב הראשון בתוקף\u2069");
  });
});
