/**
 * A person's Home: what a platform with a home surface of its own (Slack's Home tab) shows one person
 * when they open it, as of the core's clock, platform-free. Every statement comes from running the
 * bot's own commands through the core, exactly as a person typing them would get them (so the Home
 * says nothing a command would not say at that instant, each with its attribution and sources):
 *
 * - the default story: `/phase`, `/deadlines show:upcoming` and the latest events, which are the last
 *   page of `/timeline from:<the day of the fifth latest event known now>`;
 * - the channels the person manages in the workspace, and what each gets (kind, story, lead times);
 * - every other story's `/phase`, briefly.
 *
 * The order is the order of importance: a platform that must leave something out for want of room
 * leaves out the last sections first. See docs/decisions/0024-slack-home-tab.md.
 */
import type { BotCore } from "../bot/core.js";
import { storyAt } from "../dataset/asof.js";
import type { Story } from "../dataset/dataset.js";
import type { Language } from "../language/languages.js";
import { type Words, wordsFor } from "../language/words.js";
import type { Reply, Rich, Span } from "../reply/reply.js";
import type { PlatformName, Subscription } from "../store/store.js";
import { ALL_STORIES } from "../store/store.js";
import { KIND_TEXT, leadText } from "../subscriptions/subscriptions.js";

/** How many of the latest events the Home shows at least (when that many are known). */
export const HOME_EVENTS = 5;

/** Who opened their Home, in which workspace. */
export interface HomeViewer {
  platform: PlatformName;
  workspaceId: string;
  userId: string;
  /**
   * Whether they may manage every channel of the workspace (Slack: SLACK_ADMIN_USERS, workspace
   * admins and owners). Otherwise the Home lists the channels whose subscription they made.
   */
  managesAll(): Promise<boolean>;
  /** The language their Home is written in (English when absent). */
  language?: Language;
}

/** A command's answer shown on the Home, with the command a reader types to get it whole. */
export interface HomeAnswer {
  kind: "answer";
  /** Like "/deadlines show:upcoming". */
  command: string;
  reply: Reply;
}

/** One channel the viewer manages, and a line for each story it subscribes to. */
export interface HomeChannel {
  channelId: string;
  gets: Rich[];
}

/** The channels the viewer manages. */
export interface HomeChannels {
  kind: "channels";
  title: string;
  summary: Rich;
  list: HomeChannel[];
}

export type HomeSection = HomeAnswer | HomeChannels;

export interface Home {
  /** The instant everything on it is as of. */
  at: Date;
  /** In order of importance. */
  sections: HomeSection[];
  /** The language it is written in (English when absent): the view writes its own words in it. */
  language?: Language;
}

/** Runs `name` with `options` through the core, as typed; error answers are left out of a Home. */
function answer(
  core: BotCore,
  name: string,
  options: Record<string, string>,
  language?: Language,
): HomeAnswer[] {
  const reply = core.answerQuestion(name, options, language);
  if (reply.kind === "error") return [];
  const typed = Object.entries(options).map(([k, v]) => ` ${k}:${v}`);
  return [{ kind: "answer", command: `/${name}${typed.join("")}`, reply }];
}

/**
 * Where the latest `count` events known at `at` start in the timeline: the story's local date of the
 * `count`-th latest, and how many known events fall on or after that date (more than `count` when
 * that day holds more). Undefined when no event is known yet.
 */
export function latestEvents(
  story: Story,
  at: Date,
  count = HOME_EVENTS,
): { from: string; known: number } | undefined {
  const now = storyAt(story, at);
  const list = now.events();
  const known = list ? list.count(now.t) : 0;
  if (!list || known === 0) return undefined;
  const from = list.slice(now.t, 0, list.length, Math.max(0, known - count), 1)[0]?.day;
  if (!from) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list.items[mid]?.day ?? "") < from) lo = mid + 1;
    else hi = mid;
  }
  return { from, known: list.count(now.t, lo) };
}

/**
 * The default story's latest events as /timeline says them: `/timeline from:<day>`, its last page
 * when it has more.
 */
function timelineSection(core: BotCore, story: Story, at: Date, language?: Language): HomeAnswer[] {
  const latest = latestEvents(story, at);
  if (!latest) return [];
  const pages = Math.ceil(latest.known / Math.max(1, core.settings.timelinePageSize));
  const options = { from: latest.from, ...(pages > 1 ? { page: String(pages) } : {}) };
  return answer(core, "timeline", options, language);
}

/** The viewer's channels: every active subscription of the workspace they may manage, by channel. */
async function channelsSection(core: BotCore, viewer: HomeViewer, words: Words): Promise<HomeChannels> {
  const store = core.channelPort;
  const all = store ? await store.activeSubscriptions() : [];
  const inWorkspace = all.filter(
    (s) => s.platform === viewer.platform && s.workspaceId === viewer.workspaceId,
  );
  const everyChannel = inWorkspace.length > 0 && (await viewer.managesAll());
  const mine = everyChannel ? inWorkspace : inWorkspace.filter((s) => s.createdBy === viewer.userId);
  const byChannel = new Map<string, Subscription[]>();
  for (const sub of mine) byChannel.set(sub.channelId, [...(byChannel.get(sub.channelId) ?? []), sub]);
  const dataset = core.dataset();
  const zone = dataset.defaultStory.story.timeZone;
  const list = [...byChannel].map(([channelId, subs]) => ({
    channelId,
    gets: subs.map((sub): Rich => {
      const story =
        sub.story === ALL_STORIES
          ? words.t("subscriptions.every-story")
          : (dataset.byId.get(sub.story)?.story.title ?? sub.story);
      return getsLine(words, sub, story, instantSpan(sub.since, zone, words));
    }),
  }));
  const summary: Rich = [
    words.t(
      list.length
        ? everyChannel
          ? "home.channels.all"
          : "home.channels.mine"
        : everyChannel
          ? "home.channels.none-all"
          : "home.channels.none-mine",
    ),
  ];
  return { kind: "channels", title: words.t("home.channels.title"), summary, list };
}

/** Marks where the instant goes in a line worded as one sentence. */
const SINCE = "\u0000";

/** "deadline reminders about <story> (reminding 1d before each deadline), since <instant>", in `words`. */
function getsLine(words: Words, sub: Subscription, story: string, since: Span): Rich {
  const kind = words.t(KIND_TEXT[sub.kind]);
  const leads = leadText(sub, words);
  const text = leads
    ? words.t("home.gets.leads", { kind, story, leads, since: SINCE })
    : words.t("home.gets", { kind, story, since: SINCE });
  const [before = "", after = ""] = text.split(SINCE);
  return after ? [before, since, after] : [before, since];
}

function instantSpan(instant: Date, timeZone: string, words: Words): Span {
  return { instant, style: "datetime", fallback: words.instant(instant, timeZone) };
}

/** The viewer's Home as of the core's clock. */
export async function buildHome(core: BotCore, viewer: HomeViewer): Promise<Home> {
  const at = core.clock.now();
  const dataset = core.dataset();
  const main = dataset.defaultStory;
  const { language } = viewer;
  const words = wordsFor(language ?? "en");
  const sections: HomeSection[] = [
    ...answer(core, "phase", {}, language),
    ...answer(core, "deadlines", { show: "upcoming" }, language),
    ...timelineSection(core, main, at, language),
    await channelsSection(core, viewer, words),
  ];
  for (const story of dataset.stories) {
    if (story !== main) sections.push(...answer(core, "phase", { story: story.story.id }, language));
  }
  return { at, sections, ...(language && language !== "en" ? { language } : {}) };
}
