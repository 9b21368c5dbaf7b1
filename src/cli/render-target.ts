/** `ask --render`: a reply as a platform of the list draws it: the console's text, or another's JSON payload. */

import { wordsFor } from "../language/words.js";
import { pictureLine, pictureSummary } from "../platforms/pictures.js";
import type { Platform } from "../platforms/platform.js";
import type { Reply } from "../reply/reply.js";

/** What `--render` takes: each platform's render target (the console's is `text`). */
export function renderTargets(list: readonly Platform[]): string[] {
  return list.map((p) => p.renderTarget);
}

/**
 * The reply as the platform whose target is `target` renders it: text as is, a payload as JSON. A
 * picture is described after the text, or as the payload's `picture` (its name, alt text, size and
 * bytes counted): what goes with the payload as a file, never the bytes or the function drawing them.
 */
export function renderReply(reply: Reply, target: string, list: readonly Platform[]): string {
  const platform = list.find((p) => p.renderTarget === target);
  if (!platform) throw new Error(`no platform of the list renders "${target}"`);
  const payload = platform.render(reply);
  const picture = reply.picture;
  if (typeof payload === "string") {
    return picture
      ? `${payload}\n${pictureLine(picture, undefined, wordsFor(reply.language ?? "en"))}`
      : payload;
  }
  const shown =
    picture && typeof payload === "object" && payload !== null
      ? { ...payload, picture: pictureSummary(picture) }
      : payload;
  return JSON.stringify(shown, null, 2);
}
