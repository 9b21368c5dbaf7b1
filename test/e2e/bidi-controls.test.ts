/**
 * Bidirectional controls from the data, the feeds or a person (U+202A–U+202E, U+2066–U+2069) never
 * reorder the bot's own text (decision 0026): the shipped story with every text field hostile (a
 * stray PDI and PDF, an override and an isolate left open) is answered by every command on Discord,
 * Slack and the console, posted as every reminder and update, published as the iCalendar feed, and
 * a feed's lead titles go out in a digest; in every string of every payload, and in each of its
 * paragraphs, the controls are balanced and closed, cut texts included, and the limits still hold.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alertReply } from "../../src/alerts/alert-reply.js";
import { storyAlerts } from "../../src/alerts/plan.js";
import { storyNotices, updateReply } from "../../src/alerts/updates.js";
import { calendarFeed } from "../../src/calendar/feed.js";
import { wantedEvents } from "../../src/calendar-events/plan.js";
import { optionValues, suggestions } from "../../src/command-engine/choices.js";
import { runCommand } from "../../src/command-engine/run.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { Dataset } from "../../src/dataset/dataset.js";
import { isolateBidi } from "../../src/dataset/text-safety.js";
import { markerFor } from "../../src/delivery/marker.js";
import { plainText, TITLE_MAX } from "../../src/feeds/clean.js";
import { digestReply } from "../../src/feeds/digest.js";
import type { Lead } from "../../src/feeds/lead.js";
import { buildHome } from "../../src/home/home.js";
import { discordChoices } from "../../src/platforms/discord/autocomplete.js";
import { alertBody } from "../../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import { renderHomeView } from "../../src/platforms/slack/home-view.js";
import { alertArgs } from "../../src/platforms/slack/slack-sender.js";
import type { Reply } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ManualClock } from "../../src/time/clock.js";
import {
  bidiTextViolations,
  bidiViolations,
  channelRig,
  contextAt,
  discordViolations,
  eventsSubscription,
  hostile,
  hostileData,
  LRI,
  makeScheduler,
  PDI,
  RecordingSender,
  RLO,
  registry,
  renderText,
  slackViewViolations,
  slackViolations,
  suggestionViolations,
  tempDir,
} from "../support/index.js";

const AT = "2025-03-05T10:00:00Z";
const CHANNEL = "123456789012345678";

/** Every question worth asking: each answering command bare, and with its first suggested values. */
function questions(dataset: Dataset): [string, Record<string, string>][] {
  const context = contextAt(AT, {}, dataset);
  const out: [string, Record<string, string>][] = [];
  for (const def of registry.list) {
    if (def.kind === "channel") continue;
    out.push([def.name, {}]);
    for (const option of Object.keys(def.suggest ?? {})) {
      for (const choice of optionValues(def, option, {}, context).slice(0, 3))
        out.push([def.name, { [option]: choice.value }]);
    }
  }
  return out;
}

/** The payloads of one reply: answered and posted on Discord and Slack, and on the console. */
function payloads(where: string, reply: Reply): { where: string; payload: unknown }[] {
  const marker = markerFor(where);
  return [
    { where: `${where} Discord answer`, payload: renderDiscord(reply) },
    { where: `${where} Discord post`, payload: alertBody(renderDiscord, reply, marker, CHANNEL) },
    { where: `${where} Slack answer`, payload: renderSlack(reply) },
    { where: `${where} Slack post`, payload: alertArgs(renderSlack, reply, marker, "C1") },
    { where: `${where} console`, payload: renderText(reply) },
  ];
}

/** Each payload that lets a control reorder the bot's text, or breaks a limit, with why. */
function findings(list: { where: string; payload: unknown }[]): string[] {
  return list.flatMap(({ where, payload }) => {
    const limits = where.endsWith("console")
      ? []
      : where.includes("Discord")
        ? discordViolations(payload)
        : slackViolations(payload);
    const found = [...bidiViolations(payload), ...limits];
    return found.length ? [`${where}: ${found.slice(0, 3).join("; ")}`] : [];
  });
}

describe("a story whose every text carries unbalanced bidirectional controls", () => {
  const dataset = hostileData();
  const story = dataset.defaultStory;
  const context = contextAt(AT, {}, dataset);

  it("loads with every text balanced, and the hostile controls kept inside their isolates", () => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(story.story);
    expect(texts.filter((t) => t.includes(RLO)).length).toBeGreaterThan(0);
    expect(texts.flatMap(bidiTextViolations)).toEqual([]);
  });

  it("is answered by every command on Discord, Slack and the console with every control closed", () => {
    const list = questions(dataset).flatMap(([name, options]) =>
      payloads(`/${name} ${JSON.stringify(options)}`, runCommand(registry, name, options, context)),
    );
    expect(list.length).toBeGreaterThan(100);
    expect(findings(list)).toEqual([]);
  });

  it("suggests option values whose names keep every control closed", () => {
    const out: string[] = [];
    for (const def of registry.list) {
      for (const option of Object.keys(def.suggest ?? {})) {
        const choices = discordChoices(suggestions(def, option, "", {}, context));
        out.push(
          ...[...bidiViolations(choices), ...suggestionViolations(choices)].map(
            (v) => `${def.name} ${option}: ${v}`,
          ),
        );
      }
    }
    expect(out).toEqual([]);
  });

  it("posts every reminder, moved-deadline notice and update with every control closed", () => {
    const sending = { now: context.clock.now(), settings: context.settings };
    const list = [
      ...storyAlerts(story, { reminderHour: 9 }).flatMap((alert) => [
        ...payloads(`reminder ${alert.id}`, alertReply(alert, dataset, sending)),
        ...payloads(`late ${alert.id}`, alertReply(alert, dataset, sending, "sent 5 hours late")),
      ]),
      ...storyNotices(story).flatMap((notice) => {
        const item = { ...notice.item(), at: AT };
        return payloads(`notice ${item.key}`, updateReply(item, story, sending));
      }),
    ];
    expect(list.length).toBeGreaterThan(0);
    expect(findings(list)).toEqual([]);
  });

  it("has the real scheduler post reminders and updates whose payloads keep every control closed", async () => {
    const store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    try {
      const clock = new ManualClock("2025-02-27T10:00:00Z");
      const sender = new RecordingSender();
      const channel = { platform: "discord" as const, channelId: "100", workspaceId: "g1" };
      await store.subscribe(
        { ...channel, story: story.story.id, kind: "all", leadTimes: undefined },
        clock.now(),
      );
      const scheduler = makeScheduler({ store, data: { dataset }, clock, sender });
      for (const at of ["2025-02-28T07:00:00Z", "2025-03-01T07:00:00Z", "2025-03-09T07:00:00Z"]) {
        clock.set(at);
        await scheduler.tick();
      }
      const posted = sender.all();
      expect(posted.length).toBeGreaterThan(0);
      expect(findings(posted.flatMap((p) => payloads(`posted ${p.marker}`, p.reply)))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("publishes an iCalendar feed whose every text value keeps its controls closed", () => {
    const feed = calendarFeed(storyAt(story, new Date(AT)));
    // Unfolded (a line continues after CRLF and a space), each value's escaped newlines are paragraphs.
    const lines = feed.replace(/\r\n[ \t]/g, "").split("\r\n");
    expect(lines.some((l) => l.includes(RLO))).toBe(true);
    expect(lines.flatMap((l) => bidiTextViolations(l.replaceAll("\\n", "\n")))).toEqual([]);
  });

  it("sends a digest whose story title and lead titles keep every control closed", () => {
    const title = (n: number) => plainText(hostile(`Lead ${n} ${"word ".repeat(n * 20)}`), TITLE_MAX);
    const leads: Lead[] = Array.from({ length: 7 }, (_, n) => ({
      id: n + 1,
      story: story.story.id,
      feedId: "wire",
      outlet: plainText(hostile("Outlet"), 100),
      title: title(n),
      link: `https://news.example.org/${n}`,
      publishedAt: undefined,
      summary: "",
      matched: [],
      foundAt: new Date(AT),
      state: "new",
      usedFor: undefined,
      decidedBy: undefined,
      decidedAt: undefined,
    }));
    const reply = digestReply({
      storyId: story.story.id,
      // A title longer than the digest's line: cut inside its isolate.
      storyTitle: isolateBidi(hostile(`${story.story.title} ${"and more ".repeat(40)}`)),
      leads,
      deskUrl: "https://desk.example.org",
    });
    expect(findings(payloads("digest", reply))).toEqual([]);
  });
  it("gives Discord scheduled events whose name, description and location keep every control closed", () => {
    // Small limits, so that every text is cut somewhere inside its isolate.
    const limits = { name: 30, description: 200, location: 20 };
    const server = eventsSubscription({ story: story.story.id });
    const events = ["2025-02-11T00:00:00Z", "2025-10-11T00:00:00Z"].flatMap((at) =>
      wantedEvents(dataset, [server], "discord", limits, new Date(at)),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(events.flatMap((e) => bidiViolations(e.spec).map((v) => `${e.ref.deadline}: ${v}`))).toEqual([]);
    for (const { spec } of events) {
      expect(spec.name.length).toBeLessThanOrEqual(limits.name);
      expect(spec.description.length).toBeLessThanOrEqual(limits.description);
      expect(spec.location?.length ?? 0).toBeLessThanOrEqual(limits.location);
    }
  });

  it("shows a Slack Home tab whose every block keeps its controls closed", async () => {
    const rig = channelRig(AT, dataset);
    try {
      const viewer = {
        platform: "slack" as const,
        workspaceId: "T1",
        userId: "U1",
        managesAll: async () => false,
      };
      const view = renderHomeView(await buildHome(rig.core, viewer));
      expect([...bidiViolations(view), ...slackViewViolations(view)]).toEqual([]);
    } finally {
      await rig.close();
    }
  });
});

describe("what a person types, echoed back", () => {
  const context = contextAt(AT, {}, hostileData());

  it.each([
    ["a command name", `${RLO}timeline`, {}],
    ["an option's value", "timeline", { tag: `${PDI}${RLO}no-such-tag${LRI}` }],
    ["a page number", "timeline", { page: `${RLO}2` }],
    ["a yes-or-no option", "timeline", { private: `${RLO}yes` }],
  ])("keeps every control closed when it quotes %s", (_, name, options) => {
    const reply = runCommand(registry, name, options as Record<string, string>, context);
    expect(reply.kind).toBe("error");
    expect(findings(payloads(`/${name}`, reply))).toEqual([]);
  });
});
