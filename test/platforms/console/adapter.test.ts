/**
 * The console bot: a person types command lines on its input and reads each answer on its output;
 * the console is one channel they manage, and the run ends with the input (EOF or /exit).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { CONSOLE_INVOCATION, createConsoleAdapter } from "../../../src/platforms/console/adapter.js";
import { ARTICLE_KNOWN, picturingCore, shippedCore, tempDir, testPicture } from "../../support/index.js";

const closers: (() => unknown)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function consoleBot(interactive = false, pictures?: { dir: string }) {
  const shipped = await shippedCore({ at: ARTICLE_KNOWN });
  closers.push(() => shipped.data.close());
  const core = pictures ? picturingCore(shipped.core) : shipped.core;
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => (text += String(chunk)));
  const adapter = createConsoleAdapter({
    core,
    input,
    output,
    interactive,
    ...(pictures ? { picturesDir: pictures.dir } : {}),
  });
  await adapter.start();
  return { adapter, input, text: () => text };
}

describe("the console bot", () => {
  it("answers each line typed, in order, and ends with its input", async () => {
    const bot = await consoleBot();
    bot.input.end("/captives\n\n/timeline from:nope\n");
    await bot.adapter.closed;
    const captives = bot.text().indexOf("24 captives, according to Israel");
    expect(captives).toBeGreaterThanOrEqual(0);
    expect(bot.text().indexOf("Option `from` must be a date like 2025-01-19")).toBeGreaterThan(captives);
  });

  it("says so of a line it cannot read as a command", async () => {
    const bot = await consoleBot();
    bot.input.end('/timeline tag:"unclosed\n');
    await bot.adapter.closed;
    expect(bot.text()).toMatch(/^✖ /);
  });

  it("ends at /exit, answering nothing typed after it", async () => {
    const bot = await consoleBot();
    bot.input.write("/exit\n");
    await bot.adapter.closed;
    bot.input.write("/captives\n");
    await new Promise((r) => setTimeout(r, 50));
    expect(bot.text()).toBe("");
  });

  it("ends at /exit, answering none of the lines that came with it in one chunk", async () => {
    const bot = await consoleBot();
    bot.input.write("/exit\n/captives\n");
    await bot.adapter.closed;
    expect(bot.text()).not.toContain("captives, according to");
  });

  it("greets and prompts on a terminal, and prints an alert between the answers", async () => {
    const bot = await consoleBot(true);
    expect(bot.text()).toMatch(/^ceasefire-bot console: .+\. Type \/help, or \/exit to leave\.\n/);
    expect(bot.text()).toContain("> ");
    bot.adapter.print("Phase one ends tomorrow");
    expect(bot.text()).toContain("Phase one ends tomorrow\n");
    await bot.adapter.stop();
  });

  it("is one channel whose person may manage it", async () => {
    expect(CONSOLE_INVOCATION).toMatchObject({ platform: "console", channelId: "console" });
    expect(await CONSOLE_INVOCATION.canManage()).toBe(true);
  });

  it("writes a reply's picture to its folder and prints its path and description after the text", async () => {
    const dir = tempDir();
    const bot = await consoleBot(false, { dir });
    bot.input.end("/phase\n");
    await bot.adapter.closed;
    const path = join(dir, "timeline-test.png");
    const picture = testPicture();
    expect(bot.text()).toContain(`\nPicture: ${path} (48×24): ${picture.alt}\n`);
    expect(readFileSync(path).equals(Buffer.from(picture.png()))).toBe(true);
  });
});
