/**
 * The curator desk as it runs beside the bot: a copy of the shipped story in a temporary folder,
 * the live dataset, a SQLite store, the real scheduler and deliverer posting to stand-in Discord and
 * Slack servers, the change recorder and the desk's HTTP server, all on one manual clock.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Scheduler } from "../../../src/alerts/scheduler.js";
import { defaultSettings } from "../../../src/config.js";
import { LiveDataset } from "../../../src/dataset/live.js";
import { hashPassword } from "../../../src/desk/auth.js";
import { ChangeRecorder } from "../../../src/desk/edit-record.js";
import { type RunningDesk, startDesk } from "../../../src/desk/server.js";
import { DiscordSender } from "../../../src/platforms/discord/discord-sender.js";
import { SlackSender } from "../../../src/platforms/slack/slack-sender.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import { ManualClock } from "../../../src/time/clock.js";
import { makeScheduler } from "../alerts.js";
import { launchBrowser, logInInBrowser, newDeskPage } from "../browser.js";
import { tempDir } from "../files.js";
import { silentLog } from "../log.js";
import {
  closeRest,
  discordRest,
  renderDiscordMinimal,
  renderSlackMinimal,
  slackClient,
} from "../standins/clients.js";
import { StandInDiscordChannels } from "../standins/discord-channels.js";
import { StandInSlackChannels } from "../standins/slack-channels.js";
import { type RawStory, shippedStory } from "../story.js";

export const USER = "ana";
export const PASSWORD = "correct horse battery staple";
export const DISCORD_CHANNEL = "900001";
export const SLACK_CHANNEL = "C900001";

export interface DeskRig {
  url: string;
  dir: string;
  file: string;
  clock: ManualClock;
  store: SqliteStore;
  live: LiveDataset;
  scheduler: Scheduler;
  discord: StandInDiscordChannels;
  slack: StandInSlackChannels;
  /** Writes the story file (the shipped story, edited) as a curator's editor would. */
  writeStory(edit?: (s: RawStory) => void): void;
  close(): Promise<void>;
}

export async function startDeskRig(
  options: {
    at?: string;
    story?: RawStory;
    /** More stories served beside it, each in a file of its own (`<id>.json`). */
    others?: RawStory[];
    /** DESK_TRUSTED_PROXIES: proxies whose X-Forwarded-For names a log-in's client. */
    trustedProxies?: string[];
    /**
     * A running bot's data folder (its gaza-2025.json left as it is) and SQLite store file, for a
     * desk beside that bot; by default a new folder with the story written and a store of its own.
     */
    shared?: { dataPath: string; sqliteFile: string };
  } = {},
): Promise<DeskRig> {
  const dir = options.shared?.dataPath ?? tempDir("ceasefire-desk-");
  const file = join(dir, "gaza-2025.json");
  for (const other of options.others ?? []) {
    writeFileSync(join(dir, `${other.story.id}.json`), `${JSON.stringify(other, null, 2)}\n`);
  }
  const writeStory = (edit: (s: RawStory) => void = () => {}) => {
    const story = options.story ? structuredClone(options.story) : shippedStory();
    edit(story);
    writeFileSync(file, `${JSON.stringify(story, null, 2)}\n`);
  };
  if (!options.shared) writeStory();
  const log = silentLog();
  const clock = new ManualClock(options.at ?? "2025-02-27T10:00:00Z");
  const live = await LiveDataset.open(dir, log);
  const store = SqliteStore.open(options.shared?.sqliteFile ?? join(dir, "bot.sqlite"));
  const discord = await StandInDiscordChannels.start();
  const slack = await StandInSlackChannels.start();
  const rest = discordRest(discord.apiUrl);
  const scheduler = makeScheduler({
    store,
    data: live,
    clock,
    log,
    senders: {
      discord: new DiscordSender(rest, renderDiscordMinimal),
      slack: new SlackSender(slackClient(slack.apiUrl), renderSlackMinimal),
    },
    deliverer: { retry: { attempts: 2, baseMs: 1, maxMs: 2 } },
  });
  scheduler.listen(live);
  const recorder = new ChangeRecorder({ store, clock, log });
  recorder.listen(live);
  const desk: RunningDesk = await startDesk({
    data: live,
    store,
    clock,
    settings: defaultSettings,
    users: new Map([[USER, await hashPassword(PASSWORD)]]),
    recorder,
    log,
    secureCookies: false,
    trustedProxies: options.trustedProxies ?? [],
    port: 0,
    host: "127.0.0.1",
  });
  return {
    url: `http://127.0.0.1:${desk.port()}`,
    dir,
    file,
    clock,
    store,
    live,
    scheduler,
    discord,
    slack,
    writeStory,
    async close() {
      await desk.close();
      await scheduler.stop();
      live.close();
      closeRest(rest);
      await discord.stop();
      await slack.stop();
      await store.close();
    },
  };
}

/** Logs in with fetch and returns the session cookie and the CSRF token. */
export async function logIn(url: string, password = PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/desk/login`, {
    method: "POST",
    body: new URLSearchParams({ user: USER, password }),
    redirect: "manual",
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const page = await (await fetch(`${url}/desk/`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  return { cookie, csrf };
}

/** A desk rig with a curator logged in through a headless Chromium (see ../browser.ts). */
export interface DeskInBrowser {
  rig: DeskRig;
  page: Page;
  close(): Promise<void>;
}

export async function deskInBrowser(
  options: Parameters<typeof startDeskRig>[0] = {},
): Promise<DeskInBrowser> {
  const rig = await startDeskRig(options);
  const browser = await launchBrowser();
  const page = await newDeskPage(browser);
  await logInInBrowser(page, rig.url, USER, PASSWORD);
  return {
    rig,
    page,
    async close() {
      await browser.close();
      await rig.close();
    },
  };
}

/** A logged-in curator's requests to the desk with fetch: GET a page, POST a form with the CSRF token. */
export interface DeskClient {
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>): Promise<Response>;
}

/**
 * `language`: the desk's language the curator chose (the `desk_lang` cookie the menu sets);
 * `headers`: more headers on every request (`Accept-Language`).
 */
export async function deskClient(
  url: string,
  options: { language?: string; headers?: Record<string, string> } = {},
): Promise<DeskClient> {
  const session = await logIn(url);
  const cookie = options.language ? `${session.cookie}; desk_lang=${options.language}` : session.cookie;
  const headers = { ...options.headers, cookie };
  return {
    get: (path) => fetch(`${url}${path}`, { headers, redirect: "manual" }),
    post: (path, fields) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers,
        body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
        redirect: "manual",
      }),
  };
}
