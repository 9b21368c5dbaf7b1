/** `ask --render`: a reply as console text, or as the JSON payload a platform would receive. */
import { renderText } from "../platforms/console/render.js";
import type { Reply } from "../reply/reply.js";

export const RENDER_TARGETS = ["text", "discord", "slack"] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];

export async function renderReply(reply: Reply, target: RenderTarget): Promise<string> {
  switch (target) {
    case "discord": {
      const { renderDiscord } = await import("../platforms/discord/render.js");
      return JSON.stringify(renderDiscord(reply), null, 2);
    }
    case "slack": {
      const { renderSlack } = await import("../platforms/slack/render.js");
      return JSON.stringify(renderSlack(reply), null, 2);
    }
    default:
      return renderText(reply);
  }
}
