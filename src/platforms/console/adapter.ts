/**
 * The console bot: a person types `/captives` or `/timeline from:2025-01-01` on stdin and reads the
 * reply on stdout. No token, no network. Alerts posted to the console channel are printed too.
 */
import { createInterface } from "node:readline";
import type { BotCore } from "../../bot/core.js";
import { parseCommandLine } from "../../command/parse.js";
import { errorReply, type Reply } from "../../reply/reply.js";
import { renderText } from "./render.js";

export interface ConsoleAdapter {
  start(): Promise<void>;
  /** Resolves when the input ends (EOF or /exit). */
  closed: Promise<void>;
  /** Prints a reply that was not asked for (an alert) without breaking the prompt. */
  post(reply: Reply): void;
  stop(): Promise<void>;
}

export function createConsoleAdapter(options: {
  core: BotCore;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt and a greeting (a terminal) or not (a pipe). */
  interactive: boolean;
  /** Answers a line that is not one of the core's commands (e.g. /subscribe), or undefined. */
  extra?: (name: string, options: Record<string, string>) => Promise<Reply | undefined>;
}): ConsoleAdapter {
  const { core, input, output, interactive } = options;
  let rl: ReturnType<typeof createInterface> | undefined;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((r) => {
    resolveClosed = r;
  });
  const write = (text: string) => output.write(`${text}\n`);

  async function answer(line: string): Promise<void> {
    const trimmed = line.trim();
    if (!trimmed) return;
    if (trimmed === "/exit" || trimmed === "/quit") {
      rl?.close();
      return;
    }
    const parsed = parseCommandLine(trimmed);
    let reply: Reply;
    if (!parsed.ok) reply = errorReply("Cannot read that command", parsed.message);
    else {
      const handled = options.extra ? await options.extra(parsed.line.name, parsed.line.options) : undefined;
      reply = handled ?? core.run(parsed.line.name, parsed.line.options);
    }
    write(renderText(reply));
    write("");
  }

  return {
    closed,
    async start() {
      rl = createInterface({ input, output, terminal: interactive, prompt: "> " });
      if (interactive) {
        write(
          `ceasefire-bot console: ${core.dataset().defaultStory.story.title}. Type /help, or /exit to leave.`,
        );
        rl.prompt();
      }
      let queue = Promise.resolve();
      rl.on("line", (line) => {
        queue = queue.then(async () => {
          await answer(line);
          if (interactive) rl?.prompt();
        });
      });
      rl.on("close", () => {
        void queue.then(() => resolveClosed());
      });
    },
    post(reply) {
      write(`\n${renderText(reply)}\n`);
      if (interactive) rl?.prompt(true);
    },
    async stop() {
      rl?.close();
      await closed;
    },
  };
}
