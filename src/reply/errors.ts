/**
 * Every error the bot shows a person, in one table: a code → its title and text. Commands, the engine
 * and the platform adapters name the code (and give its parameters); none writes an error's words
 * itself, so each meaning has one wording wherever it arises (test/boundary.test.ts checks that no
 * error Reply is made outside this file). The code travels on the Reply and the platforms log it, so
 * an operator can find the log line behind a user's report.
 *
 * The texts name no platform: an error reads the same on Discord, Slack and the console.
 */
import { ENGLISH, type MessageKey, type Params, type Words } from "../language/words.js";
import type { Reply } from "./reply.js";

/** How an error's title or text is written in the reader's words, from the error's parameters. */
type Written<P> = (words: Words, params: P) => string;

interface Entry<P> {
  title: Written<P>;
  text: Written<P>;
}

/** An error whose words take no parameters: its two catalog messages. */
function fixed(title: MessageKey, text: MessageKey): Entry<void> {
  return { title: (words) => words.t(title), text: (words) => words.t(text) };
}

/** An error whose messages take parameters, made from the error's own by `params`. */
function made<P>(
  title: MessageKey | ((params: P) => MessageKey),
  text: MessageKey | ((params: P) => MessageKey),
  params: (words: Words, p: P) => Params,
): Entry<P> {
  const key = (k: MessageKey | ((p: P) => MessageKey), p: P) => (typeof k === "string" ? k : k(p));
  return {
    title: (words, p) => words.t(key(title, p), params(words, p)),
    text: (words, p) => words.t(key(text, p), params(words, p)),
  };
}

/** The options whose values name something in the data. */
export type DataOption = "story" | "tag" | "phase" | "figure" | "party" | "deadline";

/** What a story may have none of (as of an instant): each is said in the reader's words. */
export type Missing = "phases" | "captive-figures" | "figures" | "figures-in-category";

/** "`a`, `b`, `c`", or "none" in the reader's words. */
function quoted(words: Words, values: readonly string[]): string {
  return values.length ? values.map((v) => `\`${v}\``).join(", ") : words.t("errors.none");
}

/** A command as it is typed: `/name`. */
const slashed = (_words: Words, { command }: { command: string }): Params => ({ command: `/${command}` });

export const ERRORS = {
  /** A handler threw, or the platform refused the answer: the bot's own fault, logged with its cause. */
  internal: fixed("errors.internal.title", "errors.internal.text"),

  /** The bot is stopping: what is under way finishes, nothing new is taken. */
  restarting: fixed("errors.restarting.title", "errors.restarting.text"),

  /** No command has that name. `command` and `known` are written as the person would type them. */
  "unknown-command": made<{ command: string; known: readonly string[] }>(
    "errors.unknown-command.title",
    "errors.unknown-command.text",
    (words, { command, known }) => ({ command, known: quoted(words, known) }),
  ),

  /**
   * The command line itself cannot be read (a quote not closed, a refused character): `message`
   * is the parser's, written in the reader's words (src/command-engine/parse.ts takes them).
   */
  "unreadable-command": {
    title: (words) => words.t("errors.unreadable-command.title"),
    text: (_words, { message }) => message,
  } satisfies Entry<{ message: string }>,

  /**
   * An option's value is not one the command takes; `message` names the option and what it takes,
   * written in the reader's words by the validator (src/command-engine/options.ts takes them).
   */
  "invalid-option": {
    title: (words, p) => words.t("errors.invalid-option.title", slashed(words, p)),
    text: (_words, { message }) => message,
  } satisfies Entry<{ command: string; message: string }>,

  /** An option names something the data does not have (at the instant asked about, with `asOf`). */
  "unknown-value": made<{ option: DataOption; value: string; known: readonly string[]; asOf?: string }>(
    ({ option }) => `errors.unknown-value.${option}.title`,
    ({ option, asOf }) =>
      asOf ? `errors.unknown-value.${option}.text-as-of` : `errors.unknown-value.${option}.text`,
    (words, { value, known, asOf }) => ({ value, known: quoted(words, known), asOf }),
  ),

  /** The story has nothing of what was asked for, yet or as of `asOf` (a date in the reader's words). */
  "no-data": made<{ what: Missing; story: string; asOf?: string; category?: string }>(
    ({ what }) => `errors.no-data.${what}.title`,
    ({ what, asOf }) => (asOf ? `errors.no-data.${what}.text-as-of` : `errors.no-data.${what}.text`),
    (_words, { story, asOf, category }) => ({ story, asOf, category }),
  ),

  /** /curators in a channel that readers follow the story in: leads must never reach readers. */
  "readers-channel": made<{ story: string }>(
    "errors.readers-channel.title",
    "errors.readers-channel.text",
    (_words, { story }) => ({ story }),
  ),

  /** /subscribe in a story's curators' channel: readers' alerts go to another channel. */
  "curators-channel": made<{ story: string }>(
    "errors.curators-channel.title",
    "errors.curators-channel.text",
    (_words, { story }) => ({ story }),
  ),

  /** /subscribe kind:events where the workspace has no scheduled events (Slack, the console, a direct message). */
  "no-scheduled-events": fixed("errors.no-scheduled-events.title", "errors.no-scheduled-events.text"),

  /** /subscribe kind:events where the bot may not manage the server's events. */
  "events-permission": fixed("errors.events-permission.title", "errors.events-permission.text"),

  /** /subscribe threads:on in a thread that is not a forum's post: a thread takes no threads. */
  "threads-in-thread": fixed("errors.threads-in-thread.title", "errors.threads-in-thread.text"),

  /** A command for channel managers, asked by someone else. */
  "not-allowed": made<{ command: string }>("errors.not-allowed.title", "errors.not-allowed.text", slashed),

  /** A command about the channel it is typed in, asked where there is no channel. */
  "needs-channel": made<{ command: string }>(
    "errors.needs-channel.title",
    "errors.needs-channel.text",
    slashed,
  ),

  /** A channel command where the bot runs without its store. */
  "no-store": made<{ command: string }>("errors.no-store.title", "errors.no-store.text", slashed),

  /** /calendar where the operator has not given the bot's public address (PUBLIC_URL). */
  "calendar-unpublished": fixed("errors.calendar-unpublished.title", "errors.calendar-unpublished.text"),

  /** A button whose id the bot cannot read (made by an older version, or not by this bot). */
  "stale-button": fixed("errors.stale-button.title", "errors.stale-button.text"),
} satisfies Record<string, Entry<never>>;

export type ErrorCode = keyof typeof ERRORS;

/** Every code, in the table's order. */
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The parameters an error's words take (`void` when none). */
export type ErrorParams<C extends ErrorCode> = (typeof ERRORS)[C] extends Entry<infer P> ? P : never;

/** The arguments after the code: the parameters, when the error takes any. */
export type ErrorArgs<C extends ErrorCode> = ErrorParams<C> extends void ? [] : [params: ErrorParams<C>];

/**
 * The private error Reply for `code` in the reader's words, carrying the code (for the platforms'
 * logs). Errors are written where they are made, by whoever holds the reader's words: the engine and
 * the handlers with `context.words`, an adapter with the words of the invocation's language.
 */
export function errorIn<C extends ErrorCode>(words: Words, code: C, ...args: ErrorArgs<C>): Reply {
  const entry = ERRORS[code] as Entry<unknown>;
  const params = args[0];
  return {
    kind: "error",
    code,
    title: entry.title(words, params),
    summary: [entry.text(words, params)],
    ephemeral: true,
    ...(words.language === "en" ? {} : { language: words.language }),
  };
}

/** The private error Reply for `code` in English (where no reader's words are at hand). */
export function errorReply<C extends ErrorCode>(code: C, ...args: ErrorArgs<C>): Reply {
  return errorIn(ENGLISH, code, ...args);
}

/** The codes whose words take no parameters. */
type FixedCode = { [C in ErrorCode]: ErrorParams<C> extends void ? C : never }[ErrorCode];

const FIXED_CODES: ReadonlySet<string> = new Set<FixedCode>([
  "internal",
  "restarting",
  "no-scheduled-events",
  "events-permission",
  "threads-in-thread",
  "calendar-unpublished",
  "stale-button",
]);

/**
 * An error Reply made without the reader's words, re-written in them: possible for the codes whose
 * words take no parameters (internal, restarting, …), which an adapter may have made before it knew
 * the reader. Any other reply is returned as it is: make those with `errorIn` where the words are.
 */
export function localizeError(reply: Reply, words: Words): Reply {
  if (reply.kind !== "error" || !reply.code || !FIXED_CODES.has(reply.code)) return reply;
  return { ...errorIn(words, reply.code as FixedCode), ephemeral: reply.ephemeral };
}
