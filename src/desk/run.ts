/**
 * Running the curator desk: beside the bot (`start`, when desk users are configured) or alone
 * (`ceasefire-bot desk`, against data/ and the store), and making a user's password hash
 * (`ceasefire-bot desk-password`).
 */
import { readFile } from "node:fs/promises";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { settingsFrom } from "../config.js";
import type { LiveDataset } from "../dataset/live.js";
import type { Store } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import { hashPassword, parseUsers } from "./auth.js";
import { ChangeRecorder } from "./edit-record.js";
import { type RunningDesk, startDesk } from "./server.js";

/** The desk's users from DESK_USERS and DESK_USERS_FILE; none: the desk does not run. */
export async function deskUsers(config: Config): Promise<Map<string, string>> {
  const texts = [config.DESK_USERS ?? ""];
  if (config.DESK_USERS_FILE) texts.push(await readFile(config.DESK_USERS_FILE, "utf8"));
  return parseUsers(texts.join("\n"));
}

export async function runDesk(options: {
  config: Config;
  data: LiveDataset;
  store: Store;
  clock: Clock;
  log: Logger;
  users: Map<string, string>;
  recorder: ChangeRecorder;
}): Promise<RunningDesk> {
  const { config } = options;
  const desk = await startDesk({
    data: options.data,
    store: options.store,
    clock: options.clock,
    settings: settingsFrom(config),
    users: options.users,
    recorder: options.recorder,
    log: options.log,
    secureCookies: config.DESK_SECURE_COOKIES,
    trustedProxies: config.DESK_TRUSTED_PROXIES,
    port: config.DESK_PORT,
    host: config.DESK_HOST,
  });
  options.log.info({ host: config.DESK_HOST, port: desk.port() }, "curator desk listening on /desk");
  return desk;
}

/** Reads a password from standard input and prints the hash to put in DESK_USERS. */
export async function passwordCommand(
  input: NodeJS.ReadableStream,
  out: (text: string) => void,
): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk));
  const password = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (password.length < 12) {
    out("A desk password needs at least 12 characters.");
    return 1;
  }
  out(await hashPassword(password));
  return 0;
}

export { ChangeRecorder };
