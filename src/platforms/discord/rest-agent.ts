/**
 * The HTTP agent each of the bot's @discordjs/rest clients sends through. Without one, undici sends
 * through the process's global dispatcher: the Agent of whichever copy of undici loaded first. Bolt
 * brings its own copy (another major version, loaded with its Socket Mode client), and its Agent cannot
 * send @discordjs/rest's multipart bodies ("action is not a function"): when Slack's code loaded
 * before Discord's, every Discord answer or alert with a picture failed. The bot's `undici` dependency
 * keeps @discordjs/rest's range, so this is the very copy @discordjs/rest sends with
 * (test/platforms/discord/rest-agent.test.ts checks it).
 */
import { Agent } from "undici";

/** A new agent (its own connection pool) for one REST client. */
export function restAgent(): Agent {
  return new Agent();
}
