import { ButtonStyle, ComponentType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { decodeAction } from "../../../src/command-engine/actions.js";
import { shortKey } from "../../../src/command-engine/choices.js";
import { wordsFor } from "../../../src/language/words.js";
import { type DiscordEmbed, renderDiscord } from "../../../src/platforms/discord/embeds.js";
import { DISCORD_LIMITS } from "../../../src/platforms/discord/limits.js";
import type { Reply, Rich } from "../../../src/reply/reply.js";
import {
  discordViolations,
  englishLeaks,
  RENDER_SOURCES,
  rendererEnglish,
  replyToRender,
  testPicture,
} from "../../support/index.js";

const at = new Date("2025-03-01T08:30:00Z"); // 1740817800
const answer = (extra: Partial<Reply>): Reply => ({
  kind: "answer",
  title: "Title",
  ephemeral: false,
  ...extra,
});
const embedOf = (reply: Reply): DiscordEmbed => {
  const embed = renderDiscord(reply).embeds[0];
  if (!embed) throw new Error("no embed");
  return embed;
};
const total = (e: DiscordEmbed) =>
  e.title.length +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
/** Every `<t:` in the text opens a whole timestamp token. */
const noBrokenTimestamps = (text: string) => {
  for (const m of text.matchAll(/<t:/g)) expect(text.slice(m.index)).toMatch(/^<t:\d+:[FRD]>/);
};

describe("discord renderer", () => {
  it("shows an instant as <t:…:R> so each reader sees their own time zone", () => {
    const e = embedOf(
      answer({ summary: ["Ends ", { instant: at, style: "relative", fallback: "in 2 days" }] }),
    );
    expect(e.description).toBe("Ends <t:1740817800:R>");
  });

  it("shows a date-time instant as <t:…:F> and a date as <t:…:D>", () => {
    const e = embedOf(
      answer({
        summary: [
          { instant: at, style: "datetime", fallback: "x" },
          " / ",
          { instant: at, style: "date", fallback: "y" },
        ],
      }),
    );
    expect(e.description).toBe("<t:1740817800:F> / <t:1740817800:D>");
  });

  it("writes strong text in bold and links as masked links", () => {
    const e = embedOf(
      answer({
        summary: [
          { strong: "24 captives" },
          " per ",
          { link: "the source", url: "https://example.org/a (b)" },
        ],
      }),
    );
    expect(e.description).toBe("**24 captives** per [the source](https://example.org/a%20%28b%29)");
  });

  it("escapes markdown in plain text so data cannot format or fake a link", () => {
    const e = embedOf(answer({ summary: ["*not bold* _x_ ~~y~~ ||z|| [a](https://evil) # h\n> q\n- l"] }));
    expect(e.description).toBe(
      "\\*not bold\\* \\_x\\_ \\~\\~y\\~\\~ \\|\\|z\\|\\| \\[a\\](https://evil) # h\n\\> q\n\\- l",
    );
  });

  it("neutralises @everyone, @here and mention tokens, and never lets a reply ping", () => {
    const message = renderDiscord(answer({ summary: ["@everyone @here <@123> <@&456> <#789>"] }));
    const text = message.embeds[0]?.description ?? "";
    expect(text).not.toContain("@everyone");
    expect(text).not.toContain("@here");
    expect(text).not.toMatch(/(^|[^\\])<[@#]/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("breaks @everyone and @here in the footer and inside code spans too", () => {
    const e = embedOf(
      answer({
        summary: ["`@everyone` and `@here`"],
        footer: { sources: [{ id: "a", title: "@everyone", published: "2025-02-28" }], asOf: "2025-02-28" },
      }),
    );
    expect(e.description).toBe("`@\u200beveryone` and `@\u200bhere`");
    expect(e.footer?.text).toBe("Sources: @\u200beveryone (28 Feb 2025)\nData as of 28 Feb 2025.");
  });

  it("keeps the `code` spans commands write in their messages", () => {
    const e = embedOf({
      kind: "error",
      title: "Bad",
      summary: ["Option `page` must be a *number*."],
      ephemeral: true,
    });
    expect(e.description).toBe("Option `page` must be a \\*number\\*.");
  });

  it("colours errors red and answers blue, and flags private replies ephemeral (64)", () => {
    const error = renderDiscord({ kind: "error", title: "Oops", summary: ["no"], ephemeral: true });
    expect(error.embeds[0]?.color).toBe(0xed4245);
    expect(error.embeds[0]?.title).toBe("✖ Oops");
    expect(error.flags).toBe(MessageFlags.Ephemeral);
    const ok = renderDiscord(answer({}));
    expect(ok.flags).toBeUndefined();
    expect(ok.embeds[0]?.color).not.toBe(0xed4245);
  });

  it("puts the sources, the data's date and the stale warning in the footer", () => {
    const e = embedOf(
      answer({
        footer: {
          sources: [
            { id: "a", title: "Article", publisher: "Al Jazeera", published: "2025-02-28" },
            { id: "b", title: "Other", published: "2025-02-27" },
          ],
          asOf: "2025-02-28",
          staleWarning: "This data is 12 days old and may be out of date.",
        },
      }),
    );
    expect(e.footer?.text).toBe(
      "Sources: Article (Al Jazeera, 28 Feb 2025); Other (27 Feb 2025)\nData as of 28 Feb 2025.\n⚠ This data is 12 days old and may be out of date.",
    );
  });

  it("renders buttons with their encoded custom_id, label and disabled state", () => {
    const message = renderDiscord(
      answer({
        buttons: [
          { label: "◀ Previous", command: "timeline", options: { page: "1" }, disabled: true },
          { label: "Next ▶", command: "timeline", options: { page: "3", tag: "phase-one" } },
        ],
      }),
    );
    expect(message.components).toHaveLength(1);
    const [prev, next] = message.components[0]?.components ?? [];
    expect(prev).toMatchObject({ type: ComponentType.Button, label: "◀ Previous", disabled: true });
    expect(next?.disabled).toBeUndefined();
    expect(decodeAction(next?.custom_id ?? "")).toEqual({
      command: "timeline",
      options: { page: "3", tag: "phase-one" },
    });
  });

  it("puts at most 5 buttons in a row, cuts labels to 80 and drops a button whose id cannot fit in 100", () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      label: "x".repeat(100),
      command: "timeline",
      options: { page: String(i) },
    }));
    // An option that is not from the data has no short key: its button cannot be made.
    const tooLong = { label: "long", command: "timeline", options: { note: "t".repeat(120) } };
    const message = renderDiscord(answer({ buttons: [...many, tooLong] }));
    expect(message.components.map((r) => r.components.length)).toEqual([5, 2]);
    for (const b of message.components.flatMap((r) => r.components)) {
      expect(b.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
      expect(b.label.endsWith("…")).toBe(true);
      expect((b.custom_id ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    }
  });

  it("keeps the paging buttons of a tag too long for an id, written as its short key", () => {
    const tag = "t".repeat(120);
    const message = renderDiscord(
      answer({ buttons: [{ label: "Next ▶", command: "timeline", options: { tag, page: "2" } }] }),
    );
    const [next] = message.components[0]?.components ?? [];
    expect(next?.custom_id).toBe(`cf1:timeline:tag=${shortKey(tag)}&page=2`);
  });

  it("cuts a title over 256 characters with …", () => {
    const e = embedOf(answer({ title: "T".repeat(300) }));
    expect(e.title).toHaveLength(256);
    expect(e.title.endsWith("…")).toBe(true);
  });

  it("cuts a description over 4096 characters with …, never inside a timestamp token", () => {
    const summary: Rich = Array.from({ length: 400 }, () => [
      "abc ",
      { instant: at, style: "relative" as const, fallback: "x" },
    ]).flat();
    const e = embedOf(answer({ summary }));
    expect(e.description?.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.description?.endsWith("…")).toBe(true);
    noBrokenTimestamps(e.description ?? "");
  });

  it("never cuts between a backslash and the character it escapes", () => {
    const e = embedOf(answer({ summary: ["*".repeat(3000)] }));
    const text = e.description ?? "";
    expect(text.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(text.replace(/…$/, "")).toMatch(/^(\\\*)+$/);
  });

  it("cuts a field value over 1024 and a field name over 256 characters", () => {
    const e = embedOf(answer({ fields: [{ name: "N".repeat(300), value: ["v".repeat(2000)] }] }));
    expect(e.fields?.[0]?.name).toHaveLength(256);
    expect(e.fields?.[0]?.value).toHaveLength(1024);
    expect(e.fields?.[0]?.value.endsWith("…")).toBe(true);
  });

  it("shows at most 25 fields, the last one saying how many were left out", () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `F${i}`, value: [`value ${i}`] }));
    const e = embedOf(answer({ fields }));
    expect(e.fields).toHaveLength(25);
    expect(e.fields?.[24]).toEqual({ name: "…", value: "6 more not shown." });
  });

  it("leaves out the note on fields not shown when the title, summary and footer take all the room", () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `F${i}`, value: [`value ${i}`] }));
    const e = embedOf(
      answer({
        title: "T".repeat(300),
        summary: ["s".repeat(5000)],
        fields,
        footer: {
          sources: [{ id: "a", title: "A".repeat(3000), published: "2025-02-28" }],
          asOf: "2025-02-28",
        },
      }),
    );
    expect(total(e)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(e.fields).toBeUndefined();
  });

  it("gives an empty field a zero-width value (Discord rejects empty values)", () => {
    expect(embedOf(answer({ fields: [{ name: "Empty", value: [] }] })).fields?.[0]?.value).toBe("\u200b");
  });

  it("lists lines in the description and spills the rest into (continued) fields of whole lines", () => {
    const lines: Rich[] = Array.from({ length: 40 }, (_, i) => [
      { instant: at, style: "datetime", fallback: "x" },
      ` — event ${i} `,
      "d".repeat(200),
    ]);
    const e = embedOf(answer({ summary: ["40 events"], lines }));
    expect(e.description?.startsWith("40 events\n\n• <t:1740817800:F> — event 0 ")).toBe(true);
    expect(e.description?.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    const continued = (e.fields ?? []).filter((f) => f.name === "(continued)");
    expect(continued.length).toBeGreaterThan(0);
    for (const f of continued) {
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      for (const line of f.value.split("\n")) expect(line).toMatch(/^• <t:1740817800:F> — event \d+ d+$/);
    }
    expect(total(e)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });

  it("keeps the embed within 6,000 characters in all, saying how many lines did not fit", () => {
    const lines: Rich[] = Array.from({ length: 200 }, (_, i) => [`line ${i} `, "w".repeat(150)]);
    const fields = Array.from({ length: 5 }, (_, i) => ({ name: `Field ${i}`, value: ["v".repeat(900)] }));
    const e = embedOf(
      answer({
        title: "T".repeat(250),
        summary: ["s".repeat(500)],
        fields,
        lines,
        footer: {
          sources: [{ id: "a", title: "A".repeat(3000), published: "2025-02-28" }],
          asOf: "2025-02-28",
        },
      }),
    );
    expect(total(e)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(e.footer?.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(e.footer?.text.endsWith("Data as of 28 Feb 2025.")).toBe(true);
    expect(e.description).toMatch(/… \d+ more not shown\.$/);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
  });

  it("cuts a bold run inside its markers rather than leaving it open", () => {
    const e = embedOf(answer({ summary: [{ strong: "b".repeat(5000) }] }));
    expect(e.description).toMatch(/^\*\*b+\*\*…$/);
    expect(e.description?.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
  });
});

describe("a link button on Discord", () => {
  const url = "https://desk.example.org/desk/stories/gaza-2025/leads";

  it("is a Link-style button with its url and no custom_id, beside the command buttons", () => {
    const message = renderDiscord(
      answer({
        buttons: [
          { label: "Next ▶", command: "timeline", options: { page: "2" } },
          { label: "Open in desk", url },
        ],
      }),
    );
    const [next, link] = message.components[0]?.components ?? [];
    expect(next).toMatchObject({ style: ButtonStyle.Secondary });
    expect(link).toEqual({ type: ComponentType.Button, style: ButtonStyle.Link, label: "Open in desk", url });
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("is left out when Discord would refuse its address: not http(s), or over its limit", () => {
    const long = `https://desk.example.org/${"x".repeat(DISCORD_LIMITS.buttonUrl)}`;
    for (const bad of ["javascript:alert(1)", long]) {
      expect(renderDiscord(answer({ buttons: [{ label: "Open", url: bad }] })).components).toEqual([]);
    }
  });
});

describe("a reply's picture in the Discord payload", () => {
  it("shows the picture in the embed by its attachment's name, described by its alt text", () => {
    const picture = testPicture({ name: "timeline-gaza-2025.png" });
    const message = renderDiscord(answer({ picture }));
    expect(message.embeds[0]?.image).toEqual({ url: "attachment://timeline-gaza-2025.png" });
    expect(message.attachments).toEqual([
      { id: "0", filename: "timeline-gaza-2025.png", description: picture.alt },
    ]);
    expect(discordViolations(message)).toEqual([]);
  });

  it("cuts the attachment's description to Discord's limit", () => {
    const message = renderDiscord(answer({ picture: testPicture({ alt: "x".repeat(5000) }) }));
    expect(message.attachments?.[0]?.description.length).toBe(DISCORD_LIMITS.attachmentDescription);
  });

  it("leaves a reply without a picture without image or attachments", () => {
    const message = renderDiscord(answer({}));
    expect(message.embeds[0]?.image).toBeUndefined();
    expect(message.attachments).toBeUndefined();
  });
});

describe("discord renderer in the reply's language", () => {
  const data = RENDER_SOURCES.flatMap((s) => [s.title, "publisher" in s ? s.publisher : ""]);

  it.each([
    ["ar", "المصادر:", "البيانات محدّثة حتى \u206828 فبراير 2025\u2069.", "(تابع)", /لم (تُعرض|يُعرض)/],
    ["he", "מקורות:", "הנתונים נכונים ל־\u206828 בפבר׳ 2025\u2069.", "(המשך)", /ועוד \d+ לא מוצגים/],
    ["fr", "Sources :", "Données au 28 févr. 2025.", "(suite)", /\d+ autres non affichés\./],
  ] as const)(
    "writes its own words in %s, within Discord's limits",
    (language, sources, asOf, continued, more) => {
      for (const shape of ["fields", "lines"] as const) {
        const message = renderDiscord(replyToRender(language, shape));
        expect(discordViolations(message)).toEqual([]);
        expect(englishLeaks(JSON.stringify(message), language, { except: data })).toEqual([]);
        expect(rendererEnglish(message)).toEqual([]);
        const embed = message.embeds[0];
        expect(embed?.footer?.text).toContain(sources);
        expect(embed?.footer?.text).toContain(asOf);
        const said = JSON.stringify(message);
        expect(said).toMatch(more);
        if (shape === "lines") expect(embed?.fields?.[0]?.name).toBe(continued);
      }
    },
  );

  it("counts what was left out in Arabic's six plural forms (0, 1, 2, 3, 11, 100)", () => {
    const ar = wordsFor("ar");
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.t("render.more-not-shown", { count }))).toEqual([
      "لا شيء آخر محجوب.",
      "عنصر آخر لم يُعرض.",
      "عنصران آخران لم يُعرضا.",
      "3 عناصر أخرى لم تُعرض.",
      "11 عنصرًا آخر لم يُعرض.",
      "100 عنصر آخر لم يُعرض.",
    ]);
    for (const count of [2, 3, 11, 100]) {
      const reply = replyToRender("ar", "fields");
      reply.fields = Array.from({ length: 24 + count }, (_, n) => ({ name: `حقل ${n}`, value: ["نص"] }));
      expect(embedOf(reply).fields?.at(-1)?.value).toBe(ar.t("render.more-not-shown", { count }));
    }
  });

  it("names a source's publisher and date the language's way", () => {
    const footer = embedOf(replyToRender("ar", "fields")).footer?.text ?? "";
    expect(footer).toContain("Agreement text (\u2068Reuters\u2069، \u206815 يناير 2025\u2069)؛ Statement (");
  });

  it("keeps the English as it was", () => {
    const embed = embedOf(replyToRender("en", "lines"));
    expect(embed.footer?.text).toBe(
      "Sources: Agreement text (Reuters, 15 Jan 2025); Statement (1 Feb 2025)\nData as of 28 Feb 2025.\n⚠ This data is 9 days old.",
    );
    expect(embed.fields?.[0]?.name).toBe("(continued)");
    expect(embed.description).toMatch(/… \d+ more not shown\.$/);
  });
});
