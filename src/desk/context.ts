/**
 * What the desk's routes share: the options the desk runs with, hono's environment (the session of
 * the request) and the few helpers every page uses (rendering a page in the desk's layout, the story
 * a URL names, the command context at an instant).
 */
import type { Context } from "hono";
import type { Logger } from "pino";
import { registry } from "../../commands/index.js";
import type { CommandContext } from "../command-engine/definition.js";
import type { Settings } from "../config.js";
import type { Dataset, Story } from "../dataset/dataset.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { Store } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import type { Session } from "./auth.js";
import type { ChangeRecorder } from "./edit-record.js";
import type { Html } from "./pages.js";

export interface DeskOptions {
  /** The dataset the bot serves (reloaded after a save). */
  data: { readonly dataset: Dataset; reload(): Promise<boolean> };
  store: Store;
  clock: Clock;
  settings: Settings;
  /** User name → scrypt hash. */
  users: ReadonlyMap<string, string>;
  recorder: ChangeRecorder;
  log: Logger;
  /** Mark the session cookie Secure (the desk is reached over HTTPS). */
  secureCookies: boolean;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client of a log-in;
   * none: the socket's address is the client's.
   */
  trustedProxies?: readonly string[];
}

/** The request's session, and the words of the curator's language (src/desk/language.ts). */
export type Env = { Variables: { session: Session; words: Words } };

/** The words a request is answered in (English where the language middleware did not run). */
export function wordsOf(c: Context<Env>): Words {
  return c.get("words") ?? ENGLISH;
}

export type Status = 200 | 400 | 404 | 409;

/** Renders a page of the desk (its layout, the user's session) with a status. */
export type PageRenderer = (
  c: Context<Env>,
  title: string,
  body: Html,
  status?: Status,
) => Response | Promise<Response>;

/** The story a URL names: only ids of the loaded dataset, never a path. */
export function storyOf(dataset: Dataset, c: Context<Env>): Story | undefined {
  return dataset.byId.get(c.req.param("id") ?? "");
}

/** The context commands run in, as of an instant (for previews). */
export function contextAt(dataset: Dataset, at: Date, settings: Settings, words = ENGLISH): CommandContext {
  return { dataset, clock: { now: () => at }, settings, commands: registry.list, words };
}
