/**
 * The console as one entry of the platform list: one variable (PICTURES_DIR), no network. It runs
 * when no other platform is enabled, on the terminal: a person types `/captives` on stdin and reads
 * the reply on stdout (a reply's picture written to a file, its path printed), alerts included; the
 * run ends with the input (EOF or /exit).
 */
import { z } from "zod";
import { configValues } from "../../config.js";
import { definePlatform } from "../platform.js";
import { createConsoleAdapter } from "./adapter.js";
import { ConsoleSender } from "./console-sender.js";
import { defaultPicturesDir } from "./picture-file.js";
import { renderText } from "./text.js";

export const consolePlatform = definePlatform({
  name: "console",
  // As it reads in running text ("1 console channel"): no proper name.
  title: "console",
  settings: z.object({
    /** Where the console writes the pictures of its replies (default: a folder in the OS's temp dir). */
    PICTURES_DIR: configValues.optionalText,
  }),
  secrets: [],
  // Never asked for by a variable: it is what runs when nothing else is.
  enabled: () => false,
  fallback: true,
  // It owns stdout: the logs go to stderr.
  ownsTerminal: true,
  // `ask --render text` prints what the console prints.
  renderTarget: "text",
  render: renderText,
  async start(settings, { core, terminal }) {
    const { input, output } = terminal;
    const adapter = createConsoleAdapter({
      core,
      input,
      output,
      interactive: Boolean(input === process.stdin && process.stdin.isTTY),
      picturesDir: settings.PICTURES_DIR ?? defaultPicturesDir(),
    });
    await adapter.start();
    return {
      sender: new ConsoleSender({ write: (text: string) => adapter.print(text) }),
      closed: adapter.closed,
      stop: () => adapter.stop(),
    };
  },
});
