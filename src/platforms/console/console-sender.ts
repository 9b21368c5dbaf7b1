/**
 * The console "platform": alerts are printed to a stream (stdout of the console bot). It has no
 * history to search, so the markers it printed are remembered for the life of the process only.
 */

import { describe, type Failure, type Sender, type SentMessage } from "../../delivery/sender.js";
import type { Reply } from "../../reply/reply.js";
import { renderText } from "./text.js";

export class ConsoleSender implements Sender {
  readonly platform = "console";
  readonly idempotent = false;
  private readonly printed = new Map<string, string>();
  private next = 1;

  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly render: (reply: Reply) => string = renderText,
  ) {}

  async send(channelId: string, reply: Reply, marker: string): Promise<SentMessage> {
    const messageId = String(this.next++);
    this.out.write(`\n${this.render(reply)}\n`);
    this.printed.set(`${channelId}|${marker}`, messageId);
    return { messageId };
  }

  async findByMarker(channelId: string, marker: string): Promise<string | undefined> {
    return this.printed.get(`${channelId}|${marker}`);
  }

  classify(err: unknown): Failure {
    return { type: "rejected", reason: describe(err) };
  }
}
