/**
 * A Home (src/home/home.ts) as a Slack Home tab view: each command's answer rendered by the same
 * renderer as the command's own message (./blocks.ts) without its buttons (a click in a Home tab has
 * no message to answer into), the viewer's channels as `<#C…>` links, sections apart by dividers.
 *
 * A view holds at most 100 blocks and 250 kB: whatever the data, the sections are cut to fit, the
 * least important (the last) first. Each answer keeps its title and its sources (its last, context
 * block) when it is cut, and says how many parts are left out and which command shows them all.
 */
import type { types } from "@slack/bolt";
import type { Home, HomeAnswer, HomeChannels } from "../../home/home.js";
import { ENGLISH, type Words, wordsFor } from "../../language/words.js";
import { type Block, renderSlack } from "./blocks.js";
import { SLACK_LIMITS } from "./limits.js";
import { fitMrkdwn, fitPlain, type Segment, segments, textSegment } from "./mrkdwn.js";

export interface HomeView {
  type: "home";
  blocks: Block[];
}

/** How much a view may hold: its blocks and its bytes of JSON. */
export interface ViewRoom {
  blocks: number;
  bytes: number;
}

const VIEW_ROOM: ViewRoom = { blocks: SLACK_LIMITS.viewBlocks, bytes: SLACK_LIMITS.viewBytes };

/** A section's blocks, and what to type to see the whole of it. */
interface Part {
  blocks: Block[];
  command: string;
}

function section(mrkdwn: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: mrkdwn } };
}

function header(text: string): types.HeaderBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: fitPlain(text, SLACK_LIMITS.headerText), emoji: true },
  };
}

const DIVIDER: types.DividerBlock = { type: "divider" };

/** A command's answer as its message renders it, without buttons. */
function answerPart(answer: HomeAnswer): Part {
  const { buttons: _buttons, ...reply } = answer.reply;
  return { blocks: renderSlack(reply).blocks, command: answer.command };
}

/** A channel id Slack links as `<#C…>` (anything else is written as text). */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,40}$/;

function channelSegments(channelId: string, gets: HomeChannels["list"][number]["gets"]): Segment[] {
  const name: Segment = CHANNEL_ID.test(channelId)
    ? { kind: "token", mrkdwn: `<#${channelId}>` }
    : textSegment(channelId);
  return [name, ...gets.flatMap((line) => [textSegment("\n• "), ...segments(line)])];
}

/** The viewer's channels: a header, the summary, then the channels packed into as few sections as fit. */
function channelsPart(channels: HomeChannels, words: Words): Part {
  const blocks: Block[] = [header(channels.title)];
  blocks.push(section(fitMrkdwn(segments(channels.summary), SLACK_LIMITS.sectionText)));
  let current = "";
  for (const channel of channels.list) {
    const written = fitMrkdwn(channelSegments(channel.channelId, channel.gets), SLACK_LIMITS.sectionText);
    if (current && current.length + 2 + written.length > SLACK_LIMITS.sectionText) {
      blocks.push(section(current));
      current = "";
    }
    current = current ? `${current}\n\n${written}` : written;
  }
  if (current) blocks.push(section(current));
  return { blocks, command: words.t("home.channels.command") };
}

function note(text: string): Block {
  return section(fitMrkdwn([textSegment(text)], SLACK_LIMITS.sectionText));
}

/**
 * A part in at most `cap` blocks (never fewer than its title, a note and its sources): its first
 * blocks, then a note of what is left out, then its trailing context blocks (the sources).
 */
function cut(part: Part, cap: number, words: Words): Block[] {
  const { blocks } = part;
  if (blocks.length <= cap) return blocks;
  let tailStart = blocks.length;
  while (tailStart > 1 && blocks[tailStart - 1]?.type === "context") tailStart -= 1;
  const tail = blocks.slice(tailStart);
  const body = blocks.slice(1, tailStart);
  const keep = Math.max(0, cap - 2 - tail.length);
  const hidden = body.length - keep;
  const first = blocks[0];
  return [
    ...(first ? [first] : []),
    ...body.slice(0, keep),
    note(words.t("home.more-parts", { count: hidden, command: part.command })),
    ...tail,
  ];
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");

/** The bytes of `{"type":"home","blocks":[…]}` around its blocks. */
const VIEW_FRAME = bytes({ type: "home", blocks: [] });

/**
 * The lead blocks, then as many parts as fit (a divider before each), each cut to the largest cap
 * that keeps the view within `room`; when even the smallest cuts do not fit, the last parts are left
 * out, and a note says how many.
 */
export function fitParts(
  lead: Block[],
  parts: readonly Part[],
  room: ViewRoom = VIEW_ROOM,
  words: Words = ENGLISH,
): Block[] {
  const sizes = new Map<Block, number>();
  const size = (block: Block): number => {
    let n = sizes.get(block);
    if (n === undefined) {
      n = bytes(block) + 1;
      sizes.set(block, n);
    }
    return n;
  };
  for (let kept = parts.length; kept >= 0; kept--) {
    const left = parts.length - kept;
    const tail = left ? [note(words.t("home.more-sections", { count: left }))] : [];
    const longest = Math.max(0, ...parts.slice(0, kept).map((p) => p.blocks.length));
    for (let cap = longest; cap >= 0; cap--) {
      const blocks = [...lead];
      for (const part of parts.slice(0, kept)) blocks.push(DIVIDER, ...cut(part, cap, words));
      blocks.push(...tail);
      if (blocks.length > room.blocks) continue;
      const total = VIEW_FRAME + blocks.reduce((sum, b) => sum + size(b), 0);
      if (total <= room.bytes) return blocks;
      if (cap <= 3) break;
    }
  }
  return lead.slice(0, room.blocks);
}

/** The Home as a Slack Home tab view, within a view's limits whatever the data. */
export function renderHomeView(home: Home, room: ViewRoom = VIEW_ROOM): HomeView {
  // No clock time here: a Home that says the same as the one published is not published again
  // (src/home/throttle.ts), and every answer says how old its data is and when its times fall.
  const words = wordsFor(home.language ?? "en");
  const lead: Block[] = [{ type: "context", elements: [{ type: "mrkdwn", text: words.t("home.lead") }] }];
  const parts = home.sections.map((s) => (s.kind === "answer" ? answerPart(s) : channelsPart(s, words)));
  return { type: "home", blocks: fitParts(lead, parts, room, words) };
}
