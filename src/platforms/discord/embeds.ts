/**
 * Renders a platform-neutral Reply as a Discord message payload (plain JSON, the shape of the API's
 * interaction callback data): one embed, the buttons as action rows, ephemeral flag, and mentions
 * that never ping. Every text is kept within Discord's documented limits, since one character over
 * makes Discord reject the whole reply. The words it adds of its own (the footer's, the marks of what
 * was cut) are in the reply's language (`reply.language`, English without).
 */
import { ButtonStyle, ComponentType, MessageFlags } from "discord-api-types/v10";
import { encodeAction } from "../../command-engine/actions.js";
import { ENGLISH, type Words, wordsFor } from "../../language/words.js";
import {
  isLinkButton,
  isWebAddress,
  type Reply,
  type ReplyButton,
  type ReplyFooter,
  type Rich,
  type SourceRef,
} from "../../reply/reply.js";
import { altText, fileName } from "../pictures.js";
import { DISCORD_LIMITS } from "./limits.js";
import {
  breakMentions,
  ELLIPSIS,
  fitPieces,
  fitPlain,
  fitRich,
  richPieces,
  textToPieces,
} from "./markdown.js";

/** Embed colours: the answer's accent, red for errors. */
export const COLORS = { answer: 0x3b82f6, error: 0xed4245 } as const;

/** Message flag: only the person who asked sees the reply. */
export const EPHEMERAL = MessageFlags.Ephemeral;

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title: string;
  description?: string;
  color: number;
  fields?: DiscordEmbedField[];
  footer?: { text: string };
  /** The reply's picture, sent with the message as an attachment: `attachment://<file name>`. */
  image?: { url: string };
}

/** A button that re-runs a command (its custom_id), or a link button (style Link, its url). */
export interface DiscordButton {
  type: ComponentType.Button;
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Link;
  label: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}

export interface DiscordActionRow {
  type: ComponentType.ActionRow;
  components: DiscordButton[];
}

/** The JSON a reply becomes (interaction callback `data`). */
export interface DiscordMessage {
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  flags?: typeof EPHEMERAL;
  allowed_mentions: { parse: [] };
  /** The picture's file (files[0] of the multipart request) and its alt text. */
  attachments?: DiscordAttachment[];
}

/** An attachment of the payload_json: the file part `files[id]`, with its description (alt text). */
export interface DiscordAttachment {
  id: string;
  filename: string;
  description: string;
}

/** Shown as an embed field that has nothing to say (Discord rejects empty values). */
const BLANK = "\u200b";
/** Room kept for "… 12345 more not shown." */
const NOTE_ROOM = 32;

/**
 * Room a sender keeps for what it adds to a rendered message (the delivery marker's line in the last
 * embed's footer): the footer and the embed's total are cut that much shorter, so the message is
 * still within Discord's limits once the sender is done with it.
 */
export interface RenderRoom {
  /** Characters appended to the footer, counted against the footer and the embed's total. */
  footer?: number;
}

/**
 * "Sources: Title (Publisher, 28 Feb 2025)\nData as of 28 Feb 2025.\n⚠ …" in the words' language —
 * footers show no markdown.
 */
export function footerText(
  footer: ReplyFooter,
  limit: number = DISCORD_LIMITS.footer,
  words: Words = ENGLISH,
): string {
  const tail = [words.t("render.data-as-of", { date: words.shortDate(footer.asOf) })];
  if (footer.staleWarning) tail.push(`⚠ ${footer.staleWarning}`);
  const tailText = tail.join("\n");
  if (footer.sources.length === 0) return fitPlain(tailText, limit);
  // Footers are plain text (no markdown, no mentions): only the broadcast words need breaking.
  const sources = footer.sources
    .map((s) => breakMentions(`${s.title} ${sourceDetail(s, words)}`))
    .join(words.t("render.sources.separator"));
  // The as-of date and the warning matter more than the last source's title: cut the sources.
  const room = limit - tailText.length - 1;
  return `${fitPlain(`${words.t("render.sources.label")} ${sources}`, Math.max(0, room))}\n${tailText}`;
}

/** "(Publisher, 28 Feb 2025)" or "(28 Feb 2025)": what follows a source's title. */
export function sourceDetail(source: SourceRef, words: Words): string {
  const date = words.shortDate(source.published);
  return source.publisher
    ? words.t("render.source.detail-publisher", { publisher: source.publisher, date })
    : words.t("render.source.detail", { date });
}

function buttonRows(buttons: readonly ReplyButton[]): DiscordActionRow[] {
  const rendered: DiscordButton[] = [];
  for (const b of buttons) {
    if (isLinkButton(b)) {
      // An address Discord would refuse (too long, not http) would make it reject the whole reply.
      if (!isWebAddress(b.url) || b.url.length > DISCORD_LIMITS.buttonUrl) continue;
      const label = fitPlain(b.label, DISCORD_LIMITS.buttonLabel) || "…";
      rendered.push({ type: ComponentType.Button, style: ButtonStyle.Link, label, url: b.url });
      continue;
    }
    let id: string;
    try {
      id = encodeAction(b);
    } catch {
      continue; // An id over 100 characters would make Discord reject the whole reply.
    }
    rendered.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: fitPlain(b.label, DISCORD_LIMITS.buttonLabel) || "…",
      custom_id: id,
      ...(b.disabled ? { disabled: true } : {}),
    });
  }
  const rows: DiscordActionRow[] = [];
  for (
    let i = 0;
    i < rendered.length && rows.length < DISCORD_LIMITS.actionRows;
    i += DISCORD_LIMITS.buttonsPerRow
  ) {
    rows.push({
      type: ComponentType.ActionRow,
      components: rendered.slice(i, i + DISCORD_LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

function embedLength(embed: DiscordEmbed): number {
  let n = embed.title.length + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** A reply's lines as markdown, one bullet each. */
function linePieces(line: Rich): string[] {
  return ["• ", ...richPieces(line)];
}

/**
 * Places the lines: into the description while it has room, then into "(continued)" fields of whole
 * lines, within the field count and the embed's `total`. Returns how many lines were left out.
 */
function placeLines(
  embed: DiscordEmbed,
  lines: readonly Rich[],
  fields: DiscordEmbedField[],
  total: number,
  words: Words,
): number {
  /** Name of the fields that carry the lines the description had no room for. */
  const CONTINUED = words.t("render.continued");
  // Room is kept for the note saying how many lines were left out.
  // (In every language: a translated note may be longer than the English one.)
  const noteRoom = Math.max(
    NOTE_ROOM,
    `${ELLIPSIS} ${words.t("render.more-not-shown", { count: 99_999 })}`.length,
  );
  const descLimit = DISCORD_LIMITS.description - noteRoom;
  let description = embed.description ?? "";
  let budget = total - embedLength({ ...embed, fields }) - noteRoom;
  let i = 0;
  // Description first.
  for (; i < lines.length; i++) {
    const sep = description ? (i === 0 ? "\n\n" : "\n") : "";
    const pieces = linePieces(lines[i] ?? []);
    const text = pieces.join("");
    const room = Math.min(descLimit - description.length, budget) - sep.length;
    if (text.length > room) {
      // A single line longer than the whole description is cut rather than moved.
      if (description === "" && i === 0 && text.length > descLimit) {
        description = fitPieces(pieces, Math.min(descLimit, budget));
        budget -= description.length;
        i++;
      }
      break;
    }
    description += sep + text;
    budget -= sep.length + text.length;
  }
  if (description) embed.description = description;
  // Then fields of whole lines; a line is cut only when it alone is longer than a field value.
  while (i < lines.length && fields.length < DISCORD_LIMITS.fields) {
    const roomForValue = Math.min(DISCORD_LIMITS.fieldValue, budget - CONTINUED.length);
    if (roomForValue < 20) break;
    let value = "";
    for (; i < lines.length; i++) {
      const pieces = linePieces(lines[i] ?? []);
      const text = pieces.join("");
      const sep = value ? "\n" : "";
      if (value.length + sep.length + text.length <= roomForValue) {
        value += sep + text;
        continue;
      }
      if (value === "" && text.length > DISCORD_LIMITS.fieldValue) {
        value = fitPieces(pieces, roomForValue);
        i++;
      }
      break;
    }
    if (value === "") break;
    fields.push({ name: CONTINUED, value });
    budget -= CONTINUED.length + value.length;
  }
  return lines.length - i;
}

/** The Discord messages of a reply, by the footer room kept for a sender. */
const rendered = new WeakMap<Reply, Map<number, DiscordMessage>>();

/**
 * The core hands out the same Reply object for the same question within a minute, so its rendering
 * is kept with it. The payload is shared: callers copy, never mutate it. `room` is what a sender
 * will add (see RenderRoom); answers to commands add nothing.
 */
export function renderDiscord(reply: Reply, room: RenderRoom = {}): DiscordMessage {
  const reserve = room.footer ?? 0;
  let byRoom = rendered.get(reply);
  if (!byRoom) {
    byRoom = new Map();
    rendered.set(reply, byRoom);
  }
  let message = byRoom.get(reserve);
  if (!message) {
    message = buildDiscordMessage(reply, reserve);
    byRoom.set(reserve, message);
  }
  return message;
}

function buildDiscordMessage(reply: Reply, reserve: number): DiscordMessage {
  const isError = reply.kind === "error";
  const words = wordsFor(reply.language ?? "en");
  // What the sender appends to the footer counts against the footer and against the embed's total.
  const total = DISCORD_LIMITS.embedTotal - reserve;
  const embed: DiscordEmbed = {
    title: fitPieces(titlePieces(isError ? `✖ ${reply.title}` : reply.title), DISCORD_LIMITS.title),
    color: isError ? COLORS.error : COLORS.answer,
  };
  if (reply.footer) embed.footer = { text: footerText(reply.footer, DISCORD_LIMITS.footer - reserve, words) };
  let budget = total - embedLength(embed);

  if (reply.summary?.length) {
    const summary = fitRich(reply.summary, Math.min(DISCORD_LIMITS.description, budget));
    if (summary) embed.description = summary;
    budget -= summary.length;
  }

  const fields: DiscordEmbedField[] = [];
  const replyFields = reply.fields ?? [];
  for (const [n, f] of replyFields.entries()) {
    // Keep room for a last field saying how many were left out.
    const mustNote = n < replyFields.length - 1 && fields.length === DISCORD_LIMITS.fields - 1;
    const name = fitPieces(titlePieces(f.name), DISCORD_LIMITS.fieldName) || BLANK;
    const roomForValue = Math.min(DISCORD_LIMITS.fieldValue, budget - name.length - 40);
    if (mustNote || roomForValue < 20) {
      // The note itself needs room: with none left (a long summary and footer), it is left out.
      const note = words.t("render.more-not-shown", { count: replyFields.length - n });
      if (ELLIPSIS.length + note.length <= budget) {
        fields.push({ name: ELLIPSIS, value: note });
        budget -= ELLIPSIS.length + note.length;
      }
      break;
    }
    const value = fitRich(f.value, roomForValue) || BLANK;
    fields.push({ name, value, ...(f.inline ? { inline: true } : {}) });
    budget -= name.length + value.length;
  }

  if (reply.lines?.length) {
    embed.description = embed.description ?? "";
    const left = placeLines(embed, reply.lines, fields, total, words);
    if (left > 0) {
      const note = `${ELLIPSIS} ${words.t("render.more-not-shown", { count: left })}`;
      const room = total - embedLength({ ...embed, fields });
      const description = embed.description ?? "";
      if (note.length + 1 <= room && description.length + note.length + 1 <= DISCORD_LIMITS.description) {
        embed.description = description ? `${description}\n${note}` : note;
      }
    }
  }
  if (fields.length) embed.fields = fields;

  const message: DiscordMessage = {
    embeds: [embed],
    components: buttonRows(reply.buttons ?? []),
    allowed_mentions: { parse: [] },
  };
  if (reply.ephemeral) message.flags = EPHEMERAL;
  if (reply.picture) {
    // Shown in the embed; the bytes go as the request's files[0] (./attachments.ts).
    const filename = fileName(reply.picture);
    embed.image = { url: `attachment://${filename}` };
    // Alt text is plain text; the broadcast words are broken like a footer's, then fitted again.
    const limit = DISCORD_LIMITS.attachmentDescription;
    const description = fitPlain(breakMentions(altText(reply.picture, limit)), limit);
    message.attachments = [{ id: "0", filename, description }];
  }
  return message;
}

/** Titles and field names: one line each, escaped. */
function titlePieces(text: string): string[] {
  return textToPieces(text.replace(/\s*\n\s*/g, " "));
}
