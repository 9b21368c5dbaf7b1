/**
 * The command suite and the alert suite, written once against a chat platform as its people see it:
 * type a command line in a channel, read the answer; read what the bot posted in a channel. A
 * platform's test gives a harness that drives the running bot through that platform's own service
 * (a stand-in server) and calls these suites.
 *
 * Both expect the bot started with the shipped data, its clock at 2025-02-28T06:59:45Z (15 seconds
 * before 09:00 in Jerusalem, when the day-before reminders of phase one's end and of the Philadelphi
 * withdrawal are due) and the scheduler ticking every second.
 */
import { expect, it } from "vitest";
import { until } from "../support/index.js";

export interface ChatAnswer {
  /** The answer as its reader sees the words (markup aside). */
  text: string;
  /** Seen only by the person who asked. */
  ephemeral: boolean;
}

export interface ChatHarness {
  /** A person types `line` in `channelId`; whether they may manage that channel. */
  ask(line: string, where: { channelId: string; canManage: boolean }): Promise<ChatAnswer>;
  /** The texts of the messages the bot posted in a channel (reminders and notices), oldest first. */
  posted(channelId: string): Promise<string[]>;
  /** Stops the bot cleanly and starts it again on the same store and clock. */
  restart(): Promise<void>;
}

/**
 * One line of each question of the registry, a fact its answer states, and whether only the asker
 * sees it (questions answer the channel; a channel's own settings answer the asker).
 */
export const COMMAND_LINES: readonly (readonly [string, RegExp, "channel" | "asker"])[] = [
  ["/help", /\/captives/, "asker"],
  ["/phase", /[Pp]hase one/, "channel"],
  // At the suites' clock the 28 February article's own-day count is not known yet (until that day's end).
  ["/captives", /63 captives, according to The Media Line/, "channel"],
  ["/timeline", /2025/, "channel"],
  ["/deadlines", /Philadelphi/, "channel"],
  ["/figures", /according to/, "channel"],
  ["/parties", /Hamas/, "channel"],
  ["/claims", /[Hh]amas|Israel/, "channel"],
  ["/sources", /Al Jazeera/, "channel"],
  ["/subscriptions", /not subscribed/, "asker"],
];

export function describeCommandSuite(harness: () => ChatHarness): void {
  const channelId = "suite-commands";

  it.each(COMMAND_LINES)("answers %s, stating what the data says", async (line, fact, seenBy) => {
    const answer = await harness().ask(line, { channelId: "suite-questions", canManage: false });
    expect(answer.text).toMatch(fact);
    expect(answer.ephemeral).toBe(seenBy === "asker");
  });

  it("explains a bad option to the asker alone, naming the option", async () => {
    const answer = await harness().ask("/timeline from:yesterday-ish", { channelId, canManage: false });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toMatch(/from/);
  });

  it("refuses /subscribe to someone who cannot manage the channel, and subscribes it for someone who can", async () => {
    const refused = await harness().ask("/subscribe", { channelId, canManage: false });
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toMatch(/manage this channel/);
    const done = await harness().ask("/subscribe kind:reminders", { channelId, canManage: true });
    expect(done.text).toMatch(/Subscribed/);
    const listed = await harness().ask("/subscriptions", { channelId, canManage: false });
    expect(listed.text).toMatch(/reminders/);
    expect(listed.text).not.toMatch(/not subscribed/);
  });
}

const PHASE_ONE_ENDS = "Phase one ends tomorrow, Saturday 1 March 2025.";

export function describeAlertSuite(harness: () => ChatHarness): void {
  const channelId = "suite-alerts";

  it("posts the 09:00 reminders once to a channel that subscribed, and never again after a restart", async () => {
    await harness().ask("/subscribe kind:reminders", { channelId, canManage: true });
    const reminders = await until(
      "the day-before reminders in the channel",
      async () => {
        const texts = await harness().posted(channelId);
        return texts.some((t) => t.includes(PHASE_ONE_ENDS)) &&
          texts.some((t) => t.includes("due to start tomorrow"))
          ? texts
          : undefined;
      },
      30_000,
    );
    expect(reminders.filter((t) => t.includes(PHASE_ONE_ENDS))).toHaveLength(1);
    // Every figure-free reminder still says where it comes from.
    expect(reminders.every((t) => /Source|according to|as of/i.test(t))).toBe(true);

    await harness().restart();
    // The restarted bot plans the same window again; the delivery ledger keeps each reminder single.
    await new Promise((r) => setTimeout(r, 3_000));
    const after = await harness().posted(channelId);
    expect(after.filter((t) => t.includes(PHASE_ONE_ENDS))).toHaveLength(1);
    expect(after).toHaveLength(reminders.length);
  }, 60_000);

  it("posts nothing to a channel that did not subscribe", async () => {
    expect(await harness().posted("suite-not-subscribed")).toEqual([]);
  });
}
