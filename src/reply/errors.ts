/**
 * Every error the bot shows a person, in one table: a code → its title and text. Commands, the engine
 * and the platform adapters name the code (and give its parameters); none writes an error's words
 * itself, so each meaning has one wording wherever it arises (test/boundary.test.ts checks that no
 * error Reply is made outside this file). The code travels on the Reply and the platforms log it, so
 * an operator can find the log line behind a user's report.
 *
 * The texts name no platform: an error reads the same on Discord, Slack and the console.
 */
import type { Reply } from "./reply.js";

/** Words fixed, or made from the error's parameters. */
type Words<P> = string | ((params: P) => string);

interface Entry<P> {
  title: Words<P>;
  text: Words<P>;
}

/** An error whose words take no parameters. */
function fixed(title: string, text: string): Entry<void> {
  return { title, text };
}

/** An error whose words are made from parameters. */
function made<P>(title: Words<P>, text: Words<P>): Entry<P> {
  return { title, text };
}

/** The options whose values name something in the data. */
export type DataOption = "story" | "tag" | "phase" | "figure" | "party" | "deadline";

const PLURAL: Record<DataOption, string> = {
  story: "Stories",
  tag: "Tags",
  phase: "Phases",
  figure: "Figures",
  party: "Parties",
  deadline: "Deadlines",
};

/** "`a`, `b`, `c`" */
function quoted(values: readonly string[]): string {
  return values.length ? values.map((v) => `\`${v}\``).join(", ") : "none";
}

export const ERRORS = {
  /** A handler threw, or the platform refused the answer: the bot's own fault, logged with its cause. */
  internal: fixed(
    "Something went wrong",
    "The bot failed on our side. The error was logged; please try again later.",
  ),

  /** The bot is stopping: what is under way finishes, nothing new is taken. */
  restarting: fixed(
    "The bot is restarting",
    "It is not taking new commands for a moment. Please try again in a few seconds.",
  ),

  /** No command has that name. `command` and `known` are written as the person would type them. */
  "unknown-command": made<{ command: string; known: readonly string[] }>(
    "Unknown command",
    ({ command, known }) => `There is no \`${command}\` command. Try ${quoted(known)}.`,
  ),

  /** The command line itself cannot be read (a quote not closed, a refused character). */
  "unreadable-command": made<{ message: string }>("Cannot read that command", ({ message }) => message),

  /** An option's value is not one the command takes; `message` names the option and what it takes. */
  "invalid-option": made<{ command: string; message: string }>(
    ({ command }) => `Invalid option for /${command}`,
    ({ message }) => message,
  ),

  /** An option names something the data does not have (at the instant asked about, with `asOf`). */
  "unknown-value": made<{ option: DataOption; value: string; known: readonly string[]; asOf?: string }>(
    ({ option }) => `Unknown ${option}`,
    ({ option, value, known, asOf }) =>
      `There is no ${option} \`${value}\`${asOf ? ` as of ${asOf}` : ""}. ${PLURAL[option]}: ${quoted(known)}.`,
  ),

  /** The story has nothing of what was asked for, yet or as of `asOf`. */
  "no-data": made<{ what: string; story: string; asOf?: string }>(
    ({ what }) => `No ${what}`,
    ({ what, story, asOf }) => `The story "${story}" has no ${what}${asOf ? ` as of ${asOf}` : " yet"}.`,
  ),

  /** /curators in a channel that readers follow the story in: leads must never reach readers. */
  "readers-channel": made<{ story: string }>(
    "This is a readers' channel",
    ({ story }) =>
      `This channel gets readers' alerts about ${story}, so it cannot be that story's curators' channel: leads are for curators only. Choose another channel, or use /unsubscribe here first.`,
  ),

  /** /subscribe in a story's curators' channel: readers' alerts go to another channel. */
  "curators-channel": made<{ story: string }>(
    "This is a curators' channel",
    ({ story }) =>
      `This channel is the curators' channel of ${story} and gets its digest of new leads, so it cannot also be a readers' channel for it. Subscribe another channel, or use /curators action:off here first.`,
  ),

  /** /subscribe kind:events where the workspace has no scheduled events (Slack, the console, a direct message). */
  "no-scheduled-events": fixed(
    "No scheduled events here",
    "kind:events keeps a server's scheduled events in step with the deadlines, and this workspace has no scheduled events. Use kind:reminders here instead.",
  ),

  /** /subscribe kind:events where the bot may not manage the server's events. */
  "events-permission": fixed(
    "The bot lacks Manage Events",
    "To keep this server's scheduled events, the bot needs the Manage Events permission (or Create Events) in this server. Grant it to the bot's role in Server Settings → Roles, then run /subscribe kind:events again.",
  ),

  /** /subscribe threads:on in a thread that is not a forum's post: a thread takes no threads. */
  "threads-in-thread": fixed(
    "Threads need a channel",
    "This is a thread, and a thread cannot hold threads of its own. Use /subscribe threads:on in the channel itself, or in a post of a forum to give each story a post of its own; here, /subscribe without threads posts every alert in this thread.",
  ),

  /** A command for channel managers, asked by someone else. */
  "not-allowed": made<{ command: string }>(
    "Not allowed",
    ({ command }) =>
      `Only people who can manage this channel can use /${command} here: channel managers, workspace admins and owners, and the bot's configured admins. Ask one of them.`,
  ),

  /** A command about the channel it is typed in, asked where there is no channel. */
  "needs-channel": made<{ command: string }>(
    ({ command }) => `/${command} works in a channel`,
    ({ command }) =>
      `/${command} is about the channel it is typed in: use it in a channel the bot is in, or in the console bot (ceasefire-bot start).`,
  ),

  /** A channel command where the bot runs without its store. */
  "no-store": made<{ command: string }>(
    "Not available",
    ({ command }) => `/${command} needs the bot's store, which is not configured here.`,
  ),

  /** /calendar where the operator has not given the bot's public address (PUBLIC_URL). */
  "calendar-unpublished": fixed(
    "The calendar is not published",
    "The operator of this bot has not published its calendar feeds (the bot's public address is not configured), so there is no link to subscribe to yet. Ask them to set PUBLIC_URL.",
  ),

  /** A button whose id the bot cannot read (made by an older version, or not by this bot). */
  "stale-button": fixed(
    "This button no longer works",
    "It belongs to an older version of the bot. Run the command again to get a fresh message.",
  ),
} satisfies Record<string, Entry<never>>;

export type ErrorCode = keyof typeof ERRORS;

/** Every code, in the table's order. */
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The parameters an error's words take (`void` when none). */
export type ErrorParams<C extends ErrorCode> = (typeof ERRORS)[C] extends Entry<infer P> ? P : never;

/** The arguments after the code: the parameters, when the error takes any. */
export type ErrorArgs<C extends ErrorCode> = ErrorParams<C> extends void ? [] : [params: ErrorParams<C>];

function words<P>(w: Words<P>, params: P): string {
  return typeof w === "function" ? w(params) : w;
}

/** The private error Reply for `code`, carrying the code (for the platforms' logs). */
export function errorReply<C extends ErrorCode>(code: C, ...args: ErrorArgs<C>): Reply {
  const entry = ERRORS[code] as Entry<unknown>;
  const params = args[0];
  return {
    kind: "error",
    code,
    title: words(entry.title, params),
    summary: [words(entry.text, params)],
    ephemeral: true,
  };
}
