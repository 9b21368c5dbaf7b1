/** `ask --render`: a reply as console text, or as the JSON payload a platform of the list would receive. */
import { renderText } from "../platforms/console/render.js";
import type { Platform } from "../platforms/platform.js";
import type { Reply } from "../reply/reply.js";

/** What `--render` takes: text, or a platform's name. */
export function renderTargets(list: readonly Platform[]): string[] {
  return ["text", ...list.map((p) => p.name)];
}

export function renderReply(reply: Reply, target: string, list: readonly Platform[]): string {
  const platform = list.find((p) => p.name === target);
  return platform ? JSON.stringify(platform.render(reply), null, 2) : renderText(reply);
}
