/**
 * A reply's picture as Discord takes it: the PNG as the request's `files[0]` (multipart/form-data,
 * which discord.js builds from `files`), shown by the embed's `image: attachment://<name>` that
 * ./embeds.ts renders. An edit (a deferred answer, a new page in place of the old) lists the
 * attachments to keep, none, so the old page's picture goes with it. A picture that cannot be drawn
 * is logged, and the answer goes without it.
 */
import type { AttachmentPayload } from "discord.js";
import type { Logger } from "pino";
import type { Reply } from "../../reply/reply.js";
import { pictureBytes } from "../pictures.js";
import type { DiscordMessage } from "./embeds.js";

/** The message to send and its files: the picture's bytes, or the message without its image. */
export interface WithFiles {
  message: DiscordMessage;
  files: AttachmentPayload[];
}

export function attachPicture(reply: Reply, message: DiscordMessage, log: Logger): WithFiles {
  const picture = reply.picture;
  const attachment = message.attachments?.[0];
  if (!picture || !attachment) return { message, files: [] };
  const drawn = pictureBytes(picture);
  if (!drawn.ok) {
    log.warn(
      { picture: attachment.filename, error: drawn.error.message },
      "could not draw a reply's picture: answering without it",
    );
    const { attachments: _none, ...rest } = message;
    return {
      message: { ...rest, embeds: message.embeds.map(({ image: _image, ...embed }) => embed) },
      files: [],
    };
  }
  return {
    message,
    files: [{ attachment: drawn.bytes, name: attachment.filename, description: attachment.description }],
  };
}

/**
 * Draws the picture ahead (it is kept once drawn), so that drawing counts toward the time an answer
 * takes before Discord's window closes, not after it.
 */
export function drawAhead(reply: Reply): Reply {
  if (reply.picture) pictureBytes(reply.picture);
  return reply;
}
