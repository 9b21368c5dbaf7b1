/**
 * Renders a Reply as a Slack message: Block Kit blocks plus a plain `text` fallback (notifications,
 * screen readers, clients without blocks). All Block Kit building lives here, so listeners only call
 * `renderSlack(reply)`; every documented Block Kit limit is enforced here, because Slack rejects the
 * whole message (and the user sees nothing) when one block is too long. The words it adds of its own
 * (the footer's, the picture's framing, the mark of what was cut) are in the reply's language.
 *
 * (The slash commands' descriptions in the app manifest stay English: Slack cannot localize them.)
 */
import type { types } from "@slack/bolt";
import { encodeAction } from "../../command-engine/actions.js";
import { type Words, wordsFor } from "../../language/words.js";
import {
  isLinkButton,
  isWebAddress,
  plainText,
  type Reply,
  type ReplyButton,
  type ReplyField,
  type ReplyFooter,
  type Rich,
} from "../../reply/reply.js";
import { altText } from "../pictures.js";
import { SLACK_LIMITS } from "./limits.js";
import {
  breakMentions,
  fitMrkdwn,
  fitPlain,
  linkToken,
  type Segment,
  segments,
  strongSegment,
  textSegment,
} from "./mrkdwn.js";

export type Block = types.KnownBlock;

/** What a slash command acks with and what a response_url receives. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  response_type: "in_channel" | "ephemeral";
}

/** Not a Slack limit (top-level text may be 40,000): a fallback longer than this helps no one. */
const FALLBACK_TEXT = 3000;

function section(mrkdwn: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: mrkdwn } };
}

function fieldSegments(field: ReplyField): Segment[] {
  return [strongSegment(field.name), textSegment("\n"), ...segments(field.value)];
}

/** Fields: each on its own section, consecutive inline ones side by side (≤10 per section). */
function fieldBlocks(fields: readonly ReplyField[]): Block[] {
  const blocks: Block[] = [];
  let inline: types.MrkdwnElement[] = [];
  const flush = () => {
    if (inline.length) blocks.push({ type: "section", fields: inline });
    inline = [];
  };
  for (const field of fields) {
    if (field.inline) {
      inline.push({ type: "mrkdwn", text: fitMrkdwn(fieldSegments(field), SLACK_LIMITS.fieldText) });
      if (inline.length === SLACK_LIMITS.sectionFields) flush();
    } else {
      flush();
      blocks.push(section(fitMrkdwn(fieldSegments(field), SLACK_LIMITS.sectionText)));
    }
  }
  flush();
  return blocks;
}

/** Lines as a bulleted list, packed into as few sections as their length allows. */
function lineBlocks(lines: readonly Rich[]): Block[] {
  const blocks: Block[] = [];
  let current = "";
  for (const line of lines) {
    const written = fitMrkdwn([textSegment("• "), ...segments(line)], SLACK_LIMITS.sectionText);
    if (current && current.length + 1 + written.length > SLACK_LIMITS.sectionText) {
      blocks.push(section(current));
      current = "";
    }
    current = current ? `${current}\n${written}` : written;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

/** The action ids of link buttons start with this: their clicks are only acknowledged. */
export const LINK_ACTION = "link:";

/**
 * Link buttons, and buttons with an action id that re-runs their command. Disabled buttons are left out (Slack has no
 * disabled state), and so is a button whose action repeats another's (action ids must be unique).
 */
function actionsBlock(buttons: readonly ReplyButton[]): types.ActionsBlock | undefined {
  const seen = new Set<string>();
  const elements: types.Button[] = [];
  for (const [n, button] of buttons.entries()) {
    if (isLinkButton(button)) {
      if (!isWebAddress(button.url) || button.url.length > SLACK_LIMITS.buttonUrl) continue;
      // Slack sends a click on a link button to the app too: its id says to only acknowledge it.
      elements.push({
        type: "button",
        text: { type: "plain_text", text: fitPlain(button.label, SLACK_LIMITS.buttonText), emoji: true },
        action_id: `${LINK_ACTION}${n}`,
        url: button.url,
      });
      if (elements.length === SLACK_LIMITS.actionsElements) break;
      continue;
    }
    if (button.disabled) continue;
    let id: string;
    try {
      id = encodeAction(button);
    } catch {
      continue; // too long to encode: a button that cannot work is better not shown
    }
    if (id.length > SLACK_LIMITS.actionId || id.length > SLACK_LIMITS.buttonValue || seen.has(id)) continue;
    seen.add(id);
    elements.push({
      type: "button",
      text: { type: "plain_text", text: fitPlain(button.label, SLACK_LIMITS.buttonText), emoji: true },
      action_id: id,
      value: id,
    });
    if (elements.length === SLACK_LIMITS.actionsElements) break;
  }
  return elements.length ? { type: "actions", elements } : undefined;
}

function sourceSegments(footer: ReplyFooter, words: Words): Segment[] {
  const label = words.t("render.sources.count-label", { count: footer.sources.length });
  const out: Segment[] = [textSegment(`${label} `)];
  const separator = words.t("render.sources.separator");
  footer.sources.forEach((s, i) => {
    if (i > 0) out.push(textSegment(separator));
    out.push(s.url ? { kind: "token", mrkdwn: linkToken(s.url, s.title) } : textSegment(s.title));
    const date = words.shortDate(s.published);
    const detail = s.publisher
      ? words.t("render.source.detail-publisher", { publisher: s.publisher, date })
      : words.t("render.source.detail", { date });
    out.push(textSegment(` ${detail}`));
  });
  return out;
}

/** The footer as a context block: sources, "Data as of …", and the stale warning when there is one. */
function contextBlock(footer: ReplyFooter, words: Words): types.ContextBlock {
  const parts: Segment[][] = [];
  if (footer.sources.length) parts.push(sourceSegments(footer, words));
  parts.push([textSegment(words.t("render.data-as-of", { date: words.shortDate(footer.asOf) }))]);
  if (footer.staleWarning) parts.push([textSegment(`⚠️ ${footer.staleWarning}`)]);
  return {
    type: "context",
    elements: parts
      .slice(0, SLACK_LIMITS.contextElements)
      .map((p) => ({ type: "mrkdwn", text: fitMrkdwn(p, SLACK_LIMITS.contextText) })),
  };
}

/**
 * The picture's description, under the answer: a public answer's picture follows it as a file shared
 * into the channel (./picture-upload.ts); a private answer has only this (no file can be shown to the
 * person who asked alone).
 */
function pictureBlock(reply: Reply, words: Words): types.ContextBlock | undefined {
  if (!reply.picture) return undefined;
  const shared = !(reply.ephemeral || reply.kind === "error");
  const alt = altText(reply.picture, SLACK_LIMITS.fileAltText);
  const text = words.t(shared ? "render.picture.shared" : "render.picture.private", { alt });
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: fitMrkdwn([textSegment(text)], SLACK_LIMITS.contextText) }],
  };
}

/** The plain fallback: title, summary, fields and lines, escaped and cut to a readable length. */
function fallbackText(reply: Reply): string {
  const lines = [reply.title];
  if (reply.summary) lines.push(plainText(reply.summary));
  for (const f of reply.fields ?? []) lines.push(`${f.name}: ${plainText(f.value)}`);
  for (const l of reply.lines ?? []) lines.push(`• ${plainText(l)}`);
  return fitMrkdwn([textSegment(lines.join("\n"))], FALLBACK_TEXT);
}

/** Renders a Reply as a Slack message within Block Kit's limits. */
const rendered = new WeakMap<Reply, SlackMessage>();

/**
 * The core hands out the same Reply object for the same question within a minute, so its rendering
 * is kept with it. The payload is shared: callers copy, never mutate it.
 */
export function renderSlack(reply: Reply): SlackMessage {
  let message = rendered.get(reply);
  if (!message) {
    message = buildSlackMessage(reply);
    rendered.set(reply, message);
  }
  return message;
}

function buildSlackMessage(reply: Reply): SlackMessage {
  const words = wordsFor(reply.language ?? "en");
  const title = reply.kind === "error" ? `✖ ${reply.title}` : reply.title;
  const header: types.HeaderBlock = {
    type: "header",
    text: {
      type: "plain_text",
      text: fitPlain(breakMentions(title.trim()) || "ceasefire-bot", SLACK_LIMITS.headerText),
      emoji: true,
    },
  };
  const body: Block[] = [];
  const summary = reply.summary ? fitMrkdwn(segments(reply.summary), SLACK_LIMITS.sectionText) : "";
  if (summary.trim()) body.push(section(summary));
  body.push(...fieldBlocks(reply.fields ?? []), ...lineBlocks(reply.lines ?? []));
  const tail: Block[] = [];
  const picture = pictureBlock(reply, words);
  if (picture) tail.push(picture);
  const actions = actionsBlock(reply.buttons ?? []);
  if (actions) tail.push(actions);
  if (reply.footer) tail.push(contextBlock(reply.footer, words));
  const room = SLACK_LIMITS.blocks - 1 - tail.length;
  if (body.length > room) {
    const hidden = body.length - (room - 1);
    body.splice(room - 1, body.length, section(words.t("render.more-parts-not-shown", { count: hidden })));
  }
  return {
    text: fallbackText(reply),
    blocks: [header, ...body, ...tail],
    response_type: reply.ephemeral || reply.kind === "error" ? "ephemeral" : "in_channel",
  };
}
