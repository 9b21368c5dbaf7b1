/**
 * The digest round, run by the real scheduler and deliverer on a SQLite store: each closed window's new
 * leads go once to the story's curators' channels (never to a readers' channel, never twice, not after
 * a restart nor from a second process), missed windows are sent late or skipped, and an unconfirmed
 * claim is settled from its key.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markerFor } from "../../src/delivery/marker.js";
import { DIGEST_STATE } from "../../src/feeds/digests.js";
import type { NewLead } from "../../src/feeds/lead.js";
import { isLinkButton } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { SubscriptionKind } from "../../src/store/store.js";
import { ManualClock } from "../../src/time/clock.js";
import { makeScheduler, RecordingSender, shippedData, tempDir } from "../support/index.js";

const HOUR = 3_600_000;
const data = { dataset: shippedData() };
const DESK = "https://desk.example.org";
const KEY_10 = "leads:gaza-2025:2026-03-02T10:00:00.000Z";

let store: SqliteStore;
let clock: ManualClock;
let sender: RecordingSender;

beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock("2026-03-02T08:00:00Z");
  sender = new RecordingSender();
});
afterEach(async () => {
  await store.close();
});

const scheduler = (over: { owner?: string; graceMs?: number } = {}) =>
  makeScheduler({
    store,
    data,
    clock,
    sender,
    digests: { intervalMs: HOUR, deskUrl: DESK },
    ...(over.graceMs !== undefined ? { graceMs: over.graceMs } : {}),
    ...(over.owner ? { deliverer: { owner: over.owner } } : {}),
  });

async function channel(channelId: string, kind: SubscriptionKind, story = "gaza-2025") {
  await store.subscribe({ platform: "discord", channelId, story, workspaceId: "g1", kind }, clock.now());
}

function newLead(n: number, story = "gaza-2025"): NewLead {
  return {
    story,
    feedId: "wire",
    outlet: "Wire Service",
    title: `Talks resume, report ${n}`,
    link: `https://news.example.org/${story}/${n}`,
    publishedAt: undefined,
    summary: "",
    matched: [],
  };
}

const digestsIn = (channelId: string) =>
  sender.in(channelId).filter((p) => /new leads? for/.test(p.reply.title));

describe("the digest round", () => {
  it("sends the curators' channel one digest of the window's leads with the desk's link, and no readers' channel", async () => {
    await channel("curators", "leads");
    await channel("readers", "all");
    await channel("everything", "all", "*");
    await scheduler().tick(); // the first round starts the watermark
    await store.addLeads([newLead(1), newLead(2)], new Date("2026-03-02T09:15:00Z"));
    clock.set("2026-03-02T10:00:30Z");
    const report = await scheduler().tick();
    expect(report.digests).toMatchObject({ digests: 1, sent: 1 });
    const [digest, ...more] = digestsIn("curators");
    expect(more).toEqual([]);
    expect(digest?.marker).toBe(markerFor(KEY_10));
    expect(digest?.reply.title).toBe("2 new leads for Israel-Hamas ceasefire in Gaza (2025)");
    expect(digest?.reply.buttons?.filter(isLinkButton)).toEqual([
      { label: "Open in desk", url: `${DESK}/desk/stories/gaza-2025/leads` },
    ]);
    expect([...digestsIn("readers"), ...digestsIn("everything")]).toEqual([]);
    expect(await store.delivery({ key: KEY_10, platform: "discord", channelId: "curators" })).toMatchObject({
      kind: "digest",
      state: "sent",
    });
  });

  it("sends nothing more on a second tick in the same window, after a restart, or from a second process", async () => {
    await channel("curators", "leads");
    await store.addLeads([newLead(1)], new Date("2026-03-02T09:15:00Z"));
    clock.set("2026-03-02T10:00:30Z");
    const first = scheduler();
    await first.tick();
    clock.set("2026-03-02T10:30:00Z");
    await first.tick();
    await scheduler().tick();
    await store.setState(DIGEST_STATE, "2026-03-02T09:00:00.000Z", clock.now()); // as if another process lagged
    await scheduler({ owner: "other:2" }).tick();
    expect(digestsIn("curators")).toHaveLength(1);
  });

  it("sends nothing for a window without leads, and each later window's leads in a digest of its own", async () => {
    await channel("curators", "leads");
    clock.set("2026-03-02T09:00:10Z");
    await scheduler().tick();
    expect(digestsIn("curators")).toEqual([]);
    await store.addLeads([newLead(1)], new Date("2026-03-02T09:10:00Z"));
    await store.addLeads([newLead(2), newLead(3)], new Date("2026-03-02T10:10:00Z"));
    clock.set("2026-03-02T10:00:10Z");
    await scheduler().tick();
    clock.set("2026-03-02T11:00:10Z");
    await scheduler().tick();
    expect(digestsIn("curators").map((p) => p.reply.title.split(" for ")[0])).toEqual([
      "1 new lead",
      "2 new leads",
    ]);
  });

  it("after downtime sends the windows missed within the grace period late, and records older ones as skipped", async () => {
    await channel("curators", "leads");
    await scheduler({ graceMs: 2 * HOUR }).tick(); // watermark 08:00
    await store.addLeads([newLead(1)], new Date("2026-03-02T08:30:00Z")); // window ending 09:00
    await store.addLeads([newLead(2)], new Date("2026-03-02T10:30:00Z")); // window ending 11:00
    clock.set("2026-03-02T12:00:30Z");
    await scheduler({ graceMs: 2 * HOUR }).tick();
    const sent = digestsIn("curators");
    expect(sent.map((p) => p.marker)).toEqual([markerFor("leads:gaza-2025:2026-03-02T11:00:00.000Z")]);
    expect(sent[0]?.reply.summary?.join("")).toMatch(/\(sent 61 minutes late\)$/);
    const old = await store.delivery({
      key: "leads:gaza-2025:2026-03-02T09:00:00.000Z",
      platform: "discord",
      channelId: "curators",
    });
    expect(old).toMatchObject({ kind: "digest", state: "skipped" });
  });

  it("goes to no channel made the curators' channel after its window closed, nor to one turned off", async () => {
    await store.addLeads([newLead(1)], new Date("2026-03-02T09:15:00Z"));
    clock.set("2026-03-02T10:00:30Z");
    await channel("late", "leads");
    await channel("off", "leads");
    await store.deactivate({ platform: "discord", channelId: "off" }, "curators off", clock.now());
    await scheduler().tick();
    expect([...digestsIn("late"), ...digestsIn("off")]).toEqual([]);
  });

  it("settles a claim left unconfirmed by a crash from its key: sent once, or never to a channel no longer the curators'", async () => {
    await channel("curators", "leads");
    await channel("was-curators", "leads");
    await store.addLeads([newLead(1)], new Date("2026-03-02T09:15:00Z"));
    clock.set("2026-03-02T10:00:30Z");
    const claim = (channelId: string) => ({
      key: KEY_10,
      platform: "discord",
      channelId,
      kind: "digest" as const,
      dueAt: new Date("2026-03-02T10:00:00Z"),
      marker: markerFor(KEY_10),
      summary: "1 new lead",
    });
    await store.claim(claim("curators"), clock.now());
    await store.claim(claim("was-curators"), clock.now());
    await store.deactivate({ platform: "discord", channelId: "was-curators" }, "curators off", clock.now());
    await scheduler().tick();
    expect(digestsIn("curators")).toHaveLength(1);
    expect(digestsIn("curators")[0]?.reply.title).toBe(
      "1 new lead for Israel-Hamas ceasefire in Gaza (2025)",
    );
    expect(digestsIn("was-curators")).toEqual([]);
    expect(await store.delivery(claim("was-curators"))).toMatchObject({ state: "skipped" });
  });
});
