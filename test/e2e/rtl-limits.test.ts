/**
 * Limits hold in Arabic and Hebrew. Each platform counts its own unit (Discord: code points after
 * trimming an embed's texts; Slack: characters, read as UTF-16 code units; a Slack Home view: bytes of
 * UTF-8), and an Arabic or Hebrew letter is one character but two bytes, FSI and PDI three. Seeded
 * random replies written in those languages, every part at and past a limit, with Latin names, ids,
 * numbers and dates isolated and hostile controls balanced, are rendered and wrapped as the bot sends
 * them, and every payload is checked against every limit in the platform's unit, and every string in
 * it for bidirectional controls left open or closing nothing, cut texts included.
 */
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { runCommand } from "../../src/command-engine/run.js";
import { markerFor } from "../../src/delivery/marker.js";
import { wordsFor } from "../../src/language/words.js";
import { discordCommands } from "../../src/platforms/discord/application-commands.js";
import { alertBody } from "../../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import { renderHomeView } from "../../src/platforms/slack/home-view.js";
import { alertArgs } from "../../src/platforms/slack/slack-sender.js";
import type { Reply } from "../../src/reply/reply.js";
import {
  bidiViolations,
  commandViolations,
  contextAt,
  DURING,
  discordViolations,
  type RightToLeft,
  registry,
  rtlReply,
  slackViewViolations,
  slackViolations,
} from "../support/index.js";

const SEEDS = Array.from({ length: 16 }, (_, i) => 104_729 * (i + 1));
const LANGUAGES: RightToLeft[] = ["ar", "he"];
const ALEF = "ا";
const SHIN = "ש";
const FSI = "\u2068";
const PDI = "\u2069";

/** Everything Discord or Slack would reject in a reply, answered and posted, and every control left open. */
function violations(where: string, reply: Reply): string[] {
  const marker = markerFor(where);
  const payloads = {
    "Discord answer": renderDiscord(reply),
    "Discord post": alertBody(renderDiscord, reply, marker, "123456789012345678"),
    "Slack answer": renderSlack(reply),
    "Slack post": alertArgs(renderSlack, reply, marker, "C1"),
  };
  const out = [
    ...discordViolations(payloads["Discord answer"]).map((v) => `Discord answer: ${v}`),
    ...discordViolations(payloads["Discord post"]).map((v) => `Discord post: ${v}`),
    ...slackViolations(payloads["Slack answer"]).map((v) => `Slack answer: ${v}`),
    ...slackViolations(payloads["Slack post"]).map((v) => `Slack post: ${v}`),
  ];
  for (const [name, payload] of Object.entries(payloads))
    out.push(...bidiViolations(payload).map((v) => `${name}: ${v}`));
  return out.map((v) => `${where}: ${v}`);
}

describe("the payload checks count what each platform counts", () => {
  it("take 4,096 Arabic letters in an embed's description (8,192 bytes) and refuse 4,097", () => {
    const at = (n: number) => discordViolations({ embeds: [{ description: ALEF.repeat(n) }] });
    expect(at(4096)).toEqual([]);
    expect(at(4097)).toEqual([expect.stringContaining("embeds[0].description: 4097 > 4096 code points")]);
  });

  it("count FSI and PDI as one character each on Discord, and a field's whitespace not at all", () => {
    const value = `  ${FSI}${SHIN.repeat(1022)}${PDI}  `;
    expect(discordViolations({ embeds: [{ fields: [{ name: "x", value }] }] })).toEqual([]);
    const over = `${FSI}${SHIN.repeat(1023)}${PDI}`;
    expect(discordViolations({ embeds: [{ fields: [{ name: "x", value: over }] }] })).toEqual([
      expect.stringContaining("fields[0].value: 1025 > 1024 code points"),
    ]);
  });

  it("take 3,000 Hebrew letters in a Slack section (6,000 bytes) and refuse 3,001", () => {
    const at = (n: number) =>
      slackViolations({ blocks: [{ type: "section", text: { type: "mrkdwn", text: SHIN.repeat(n) } }] });
    expect(at(3000)).toEqual([]);
    expect(at(3001)).toEqual([expect.stringContaining("blocks[0].text: 3001 > 3000 UTF-16 code units")]);
  });

  it("measure a Home view in bytes: fewer than 250,000 characters of Arabic can be too large", () => {
    const section = (n: number) => ({ type: "section", text: { type: "mrkdwn", text: ALEF.repeat(n) } });
    const blocks = Array.from({ length: 60 }, () => section(2500));
    expect(JSON.stringify({ type: "home", blocks }).length).toBeLessThan(250_000);
    expect(slackViewViolations({ type: "home", blocks })).toEqual([
      expect.stringMatching(/^view size: \d+ > 250000 UTF-8 bytes/),
    ]);
  });
});

describe("replies written in Arabic and Hebrew", () => {
  for (const language of LANGUAGES) {
    it.each(SEEDS)(
      `stay within every limit on Discord and Slack, controls balanced (${language}, seed %i)`,
      (seed) => {
        expect(violations(`seed ${seed}`, rtlReply(seed, language))).toEqual([]);
      },
    );
  }

  it.each(LANGUAGES)("stay within a Home view's bytes when every section is long (%s)", (language) => {
    const sections = SEEDS.map((seed) => ({
      kind: "answer" as const,
      command: "/timeline",
      reply: { ...rtlReply(seed, language), kind: "answer" as const },
    }));
    const view = renderHomeView({ at: new Date(DURING), sections });
    expect(slackViewViolations(view)).toEqual([]);
    expect(bidiViolations(view)).toEqual([]);
  });

  it.each(LANGUAGES)("answer every command within the limits when the reader reads %s", (language) => {
    const context = { ...contextAt(DURING), words: wordsFor(language) };
    const out: string[] = [];
    // Channel commands without a store answer with an error: rendered and checked all the same.
    for (const command of registry.list) {
      out.push(...violations(`/${command.name}`, runCommand(registry, command.name, {}, context)));
    }
    expect(out).toEqual([]);
  });
});

describe("the slash commands as registered", () => {
  it("stay within Discord's limits, each with its localizations, and 8,000 characters in all", () => {
    expect(discordCommands(commands).flatMap(commandViolations)).toEqual([]);
  });

  it("are refused when a localization takes a command past 8,000 characters", () => {
    const [first] = discordCommands(commands);
    const long = { ...first, description_localizations: { "es-ES": "x".repeat(100) } };
    const options = Array.from({ length: 25 }, (_, i) => ({
      name: `o${i}`,
      description: "d",
      description_localizations: { fr: "é".repeat(100) },
      choices: Array.from({ length: 25 }, (_, j) => ({
        name: `c${j}`,
        name_localizations: { ar: ALEF.repeat(100) },
        value: `v${j}`,
      })),
    }));
    expect(commandViolations({ ...long, options })).toEqual([
      expect.stringMatching(/ \(total characters\): \d+ > 8000 code points/),
    ]);
  });
});
