/** `ask --render`: a reply as a platform of the list draws it: the console's text, or another's JSON payload. */
import type { Platform } from "../platforms/platform.js";
import type { Reply } from "../reply/reply.js";

/** What `--render` takes: each platform's render target (the console's is `text`). */
export function renderTargets(list: readonly Platform[]): string[] {
  return list.map((p) => p.renderTarget);
}

/** The reply as the platform whose target is `target` renders it: text as is, a payload as JSON. */
export function renderReply(reply: Reply, target: string, list: readonly Platform[]): string {
  const platform = list.find((p) => p.renderTarget === target);
  if (!platform) throw new Error(`no platform of the list renders "${target}"`);
  const payload = platform.render(reply);
  return typeof payload === "string" ? payload : JSON.stringify(payload, null, 2);
}
