/**
 * Property: for any valid dataset, every message the bot sends or answers stays within the
 * platform's documented limits, after the senders' own additions too. Seeded random stories (texts at
 * and past each limit, tags and ids of 100+ characters, many sources, right-to-left overrides,
 * broadcast mentions) are loaded by the real loader, and every command and every alert (reminders,
 * moved-deadline notices, news updates) is rendered by the real renderers and wrapped by the real
 * senders, then checked against each platform's table of limits (src/platforms/<platform>/limits.ts).
 * Lone surrogates never get that far: validation refuses them at their path.
 */
import { describe, expect, it } from "vitest";
import { alertReply } from "../../src/alerts/alert-reply.js";
import { storyAlerts } from "../../src/alerts/plan.js";
import { storyNotices, updateReply } from "../../src/alerts/updates.js";
import { decodeAction, encodeAction } from "../../src/command-engine/actions.js";
import { optionValues, suggestions } from "../../src/command-engine/choices.js";
import { runCommand } from "../../src/command-engine/run.js";
import type { Dataset } from "../../src/dataset/dataset.js";
import { formatDataError, parseStoryText } from "../../src/dataset/load.js";
import { findUnsafe } from "../../src/dataset/text-safety.js";
import { markerFor } from "../../src/delivery/marker.js";
import { discordChoices } from "../../src/platforms/discord/autocomplete.js";
import { alertBody, messageHasMarker } from "../../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import { alertArgs } from "../../src/platforms/slack/slack-sender.js";
import { isCommandButton, type Reply } from "../../src/reply/reply.js";
import {
  bidiTextViolations,
  channelRig,
  contextAt,
  datasetOf,
  discordViolations,
  Gen,
  RANDOM_STORY_AT,
  randomStory,
  registry,
  slackViolations,
  stringPaths,
  suggestionViolations,
} from "../support/index.js";

const SEEDS = Array.from({ length: 12 }, (_, i) => 7_919 * (i + 1));
const CHANNEL = "123456789012345678";

interface Text {
  at: string;
  text: string;
  /** The `type` of the object holding it (Slack's "plain_text" is never parsed). */
  holder?: unknown;
}

/** Every string in a payload, with where it is. */
function strings(value: unknown, at = "", holder?: unknown): Text[] {
  if (typeof value === "string") return [{ at, text: value, holder }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (typeof value === "object" && value !== null) {
    const type = (value as { type?: unknown }).type;
    return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k, type));
  }
  return [];
}

/** What no payload may carry, whatever its limits: broken Unicode, live mentions, unbalanced bidirectional controls. */
function textViolations(payload: unknown, platform: "discord" | "slack"): string[] {
  const broadcast = platform === "slack" ? /@(everyone|here|channel)\b/i : /@(everyone|here)\b/i;
  const out: string[] = [];
  for (const { at, text, holder } of strings(payload)) {
    if (findUnsafe(text, { controls: false })) out.push(`${at}: a lone surrogate`);
    // Cut texts included: a cut never keeps a control without its closer.
    for (const v of bidiTextViolations(text)) out.push(`${at}: ${v}`);
    // Slack never parses plain_text (the header, button labels): only mrkdwn could notify.
    if (holder === "plain_text") continue;
    if (broadcast.test(text)) out.push(`${at}: a live broadcast mention`);
    if (platform === "slack" && /<!(?!date\^)/.test(text)) out.push(`${at}: a <!…> token`);
  }
  return out;
}

/** Everything wrong with a reply as Discord and Slack would get it, answered and posted. */
function replyViolations(where: string, reply: Reply): string[] {
  const marker = markerFor(where);
  const answer = renderDiscord(reply);
  const post = alertBody(renderDiscord, reply, marker, CHANNEL);
  const slack = renderSlack(reply);
  const args = alertArgs(renderSlack, reply, marker, "C1");
  const out = [
    ...discordViolations(answer).map((v) => `Discord answer: ${v}`),
    ...discordViolations(post).map((v) => `Discord post: ${v}`),
    ...slackViolations(slack).map((v) => `Slack answer: ${v}`),
    ...slackViolations(args).map((v) => `Slack post: ${v}`),
    ...textViolations(answer, "discord").map((v) => `Discord answer: ${v}`),
    ...textViolations(slack, "slack").map((v) => `Slack answer: ${v}`),
  ];
  if (answer.allowed_mentions.parse.length !== 0)
    out.push("Discord answer: allowed_mentions parses mentions");
  if (!messageHasMarker({ id: "m", embeds: post.embeds ?? [] }, marker))
    out.push("Discord post: marker missing");
  if (args.metadata.event_payload.marker !== marker) out.push("Slack post: marker missing");
  return out.map((v) => `${where}: ${v}`);
}

function load(seed: number): Dataset {
  return datasetOf(randomStory(seed));
}

/** A command that suggests each option from the data (each suggests these values its own way). */
const SUGGESTED_BY = {
  tag: "timeline",
  story: "sources",
  phase: "phase",
  figure: "figures",
  party: "claims",
};

/** Each command with the options worth trying on this story. */
function questions(dataset: Dataset): [string, Record<string, string>][] {
  const story = dataset.defaultStory;
  const context = contextAt(RANDOM_STORY_AT, {}, dataset);
  const ids = (option: keyof typeof SUGGESTED_BY) =>
    optionValues(registry.get(SUGGESTED_BY[option]), option, {}, context).map((c) => c.value);
  const longTag = story.tags.reduce((a, b) => (b.length > a.length ? b : a), "");
  return [
    ["calendar", {}],
    ["captives", {}],
    ["claims", {}],
    ...ids("party")
      .slice(0, 3)
      .map((party): [string, Record<string, string>] => ["claims", { party }]),
    ["deadlines", { show: "all" }],
    ["deadlines", {}],
    ["figures", {}],
    ...ids("figure")
      .slice(0, 3)
      .map((figure): [string, Record<string, string>] => ["figures", { figure }]),
    ["figures", { category: "other" }],
    ["help", {}],
    ["parties", {}],
    ["phase", {}],
    ["phase", { phase: ids("phase")[0] ?? "none" }],
    ["sources", { story: story.story.id }],
    ["timeline", {}],
    ["timeline", { page: "2" }],
    ...(longTag ? [["timeline", { tag: longTag }] as [string, Record<string, string>]] : []),
    ["timeline", { tag: "no-such-tag" }],
    ["timeline", { story: story.story.id, from: "2025-01-01", to: "2025-02-19" }],
  ];
}

describe("payloads for any valid story", () => {
  it.each(SEEDS)("answer every command within Discord's and Slack's limits (seed %i)", (seed) => {
    const dataset = load(seed);
    const context = contextAt(RANDOM_STORY_AT, {}, dataset);
    const out: string[] = [];
    for (const [name, options] of questions(dataset)) {
      const where = `/${name} ${JSON.stringify(options).slice(0, 60)}`;
      const reply = runCommand(registry, name, options, context);
      out.push(...replyViolations(where, reply));
      // A paging button is never left out, and pressing it answers within the limits too.
      const enabled = (reply.buttons ?? []).filter(isCommandButton).filter((b) => !b.disabled);
      const buttons = renderDiscord(reply).components.flatMap((row) => row.components);
      if (buttons.length !== (reply.buttons ?? []).length) out.push(`${where}: a button was left out`);
      for (const button of enabled) {
        const action = decodeAction(encodeAction(button));
        const pressed = runCommand(registry, action?.command ?? "", action?.options ?? {}, context);
        if (pressed.kind === "error") out.push(`${where}: pressing ${button.label} failed`);
        out.push(...replyViolations(`${where} pressed ${button.label}`, pressed));
      }
    }
    expect(out).toEqual([]);
  });

  it.each(SEEDS.slice(0, 4))("answer the channel commands within the limits (seed %i)", async (seed) => {
    const rig = channelRig(RANDOM_STORY_AT, load(seed));
    const out: string[] = [];
    try {
      for (const name of ["subscribe", "subscriptions", "unsubscribe"]) {
        out.push(...replyViolations(`/${name}`, (await rig.run(name)).reply));
      }
    } finally {
      await rig.close();
    }
    expect(out).toEqual([]);
  });

  it.each(SEEDS)(
    "post every reminder, moved-deadline notice and update within the limits (seed %i)",
    (seed) => {
      const dataset = load(seed);
      const story = dataset.defaultStory;
      const context = contextAt(RANDOM_STORY_AT, {}, dataset);
      const sending = { now: context.clock.now(), settings: context.settings };
      const out: string[] = [];
      for (const alert of storyAlerts(story, { reminderHour: 9 })) {
        out.push(...replyViolations(`reminder ${alert.id}`, alertReply(alert, dataset, sending)));
        out.push(
          ...replyViolations(`late ${alert.id}`, alertReply(alert, dataset, sending, "sent 5 hours late")),
        );
      }
      for (const notice of storyNotices(story)) {
        const item = { ...notice.item(), at: RANDOM_STORY_AT };
        out.push(...replyViolations(`notice ${item.key}`, updateReply(item, story, sending)));
        out.push(
          ...replyViolations(`late ${item.key}`, updateReply(item, story, sending, "sent 2 hours late")),
        );
      }
      expect(out).toEqual([]);
    },
  );

  it.each(SEEDS)(
    "suggest values within Discord's autocomplete limits, each one a command accepts (seed %i)",
    (seed) => {
      const dataset = load(seed);
      const context = contextAt(RANDOM_STORY_AT, {}, dataset);
      const out: string[] = [];
      for (const [option, command] of Object.entries(SUGGESTED_BY)) {
        for (const typed of ["", "a", "-x", "1"]) {
          const choices = discordChoices(suggestions(registry.get(command), option, typed, {}, context));
          out.push(...suggestionViolations(choices).map((v) => `${option} "${typed}": ${v}`));
          for (const choice of choices.slice(0, 3)) {
            const reply = runCommand(registry, command, { [option]: choice.value }, context);
            if (reply.kind === "error") out.push(`/${command} ${option}:${choice.value} was refused`);
          }
        }
      }
      expect(out).toEqual([]);
    },
  );
});

describe("text that is not valid Unicode", () => {
  it.each(SEEDS)("is refused by validation at its path wherever it is (seed %i)", (seed) => {
    const raw = randomStory(seed);
    const g = new Gen(seed);
    const paths = stringPaths(raw).filter((p) => p[0] !== "$schema");
    for (let n = 0; n < 5; n++) {
      const path = g.pick(paths);
      const copy = structuredClone(raw);
      let holder = copy;
      for (const key of path.slice(0, -1)) holder = holder[key];
      const last = path[path.length - 1] as string | number;
      const surrogate = g.pick(["\ud800", "\udbff", "\udc00", "\udfff"]);
      // Whole characters only: a cut through a pair would leave a lone surrogate before the planted one.
      holder[last] = `${Array.from(String(holder[last])).slice(0, 5).join("")}${surrogate}`;
      const where = path
        .map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`))
        .join("")
        .replace(/^\./, "");
      const code = surrogate.charCodeAt(0).toString(16).toUpperCase();
      const errors = parseStoryText("data/x.json", JSON.stringify(copy)).errors.map(formatDataError);
      expect(errors).toContain(`data/x.json: ${where}: contains a lone surrogate (U+${code})`);
    }
  });
});
