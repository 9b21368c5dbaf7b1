/**
 * The console bot: a person types `/captives` or `/timeline from:2025-01-01` on stdin and reads the
 * reply on stdout. No token, no network. Alerts posted to the console channel are printed too.
 */
import { createInterface } from "node:readline";
import type { BotCore } from "../../bot/core.js";
import type { Invocation } from "../../command-engine/definition.js";
import { parseCommandLine } from "../../command-engine/parse.js";
import { ENGLISH, wordsFor } from "../../language/words.js";
import { errorIn } from "../../reply/errors.js";
import type { Reply } from "../../reply/reply.js";
import { defaultPicturesDir, savePicture } from "./picture-file.js";
import { renderText } from "./text.js";

/**
 * The console is one channel, and whoever sits at it runs the bot: they may manage it. Its alerts
 * (after /subscribe) are printed between the answers.
 */
export const CONSOLE_INVOCATION: Invocation = {
  platform: "console",
  channelId: "console",
  workspaceId: "console",
  userId: "console",
  canManage: async () => true,
};

export interface ConsoleAdapter {
  start(): Promise<void>;
  /** Resolves when the input ends (EOF or /exit). */
  closed: Promise<void>;
  /** Prints text that was not asked for (an alert) without breaking the prompt. */
  print(text: string): void;
  stop(): Promise<void>;
}

export function createConsoleAdapter(options: {
  core: BotCore;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt and a greeting (a terminal) or not (a pipe). */
  interactive: boolean;
  /** Where a reply's picture is written (its path is printed after the reply); default: temp dir. */
  picturesDir?: string;
}): ConsoleAdapter {
  const { core, input, output, interactive } = options;
  const picturesDir = options.picturesDir ?? defaultPicturesDir();
  let rl: ReturnType<typeof createInterface> | undefined;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((r) => {
    resolveClosed = r;
  });
  const write = (text: string) => output.write(`${text}\n`);

  /** Set by /exit: lines already read in the same chunk of input are not answered. */
  let leaving = false;

  async function answer(line: string): Promise<void> {
    const trimmed = line.trim();
    if (!trimmed || leaving) return;
    if (trimmed === "/exit" || trimmed === "/quit") {
      leaving = true;
      rl?.close();
      return;
    }
    // The console's reader, like any other, reads errors in their language (their /language choice).
    const words = wordsFor(await core.readerLanguage(CONSOLE_INVOCATION));
    const parsed = parseCommandLine(trimmed, words);
    let reply: Reply;
    if (!parsed.ok) reply = errorIn(words, "unreadable-command", { message: parsed.message });
    else reply = await core.answerInChannel(parsed.line.name, parsed.line.options, CONSOLE_INVOCATION);
    write(renderText(reply));
    if (reply.picture) write(savePicture(reply.picture, picturesDir, wordsFor(reply.language ?? "en")));
    write("");
  }

  return {
    closed,
    async start() {
      rl = createInterface({ input, output, terminal: interactive, prompt: "> " });
      if (interactive) {
        // Before anything is asked, the console's language is not known yet: English.
        write(ENGLISH.t("render.console.greeting", { story: core.dataset().defaultStory.story.title }));
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
    print(text) {
      write(text);
      if (interactive) rl?.prompt(true);
    },
    async stop() {
      rl?.close();
      await closed;
    },
  };
}
