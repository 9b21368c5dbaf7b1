/**
 * How a held row ends in the ledger, and what is logged: found in the channel by its marker (sent, or
 * sent late by when it is found), past sending (skipped), given up or refused (failed), or its channel
 * gone (failed, and every subscription of the channel deactivated).
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markerFor } from "../../src/delivery/marker.js";
import {
  type Finish,
  type SettleContext,
  settleGivenUp,
  settleGone,
  settleIfFound,
  settleRejected,
  settleSkipped,
} from "../../src/delivery/settle.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Outcome } from "../../src/store/store.js";
import { ManualClock } from "../../src/time/clock.js";
import { captureLog, RecordingSender, tempDir } from "../support/index.js";

const KEY = "gaza-2025:phase-one-end:1d";
const DUE = new Date("2025-02-28T07:00:00Z");
const ref = { platform: "discord" as const, channelId: "C1", key: KEY };
const entry = { ...ref, kind: "reminder" as const, dueAt: DUE, marker: markerFor(KEY), summary: "Reminder" };

let store: SqliteStore;
let clock: ManualClock;
let captured: ReturnType<typeof captureLog>;
let ctx: SettleContext;
let finish: Finish;

beforeEach(async () => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock("2025-02-28T07:01:00Z");
  captured = captureLog();
  ctx = { store, log: captured.log, now: () => clock.now(), lateAfterMs: 5 * 60_000, gone: new Map() };
  finish = (outcome: Outcome) => store.finish(ref, outcome, clock.now());
  await store.subscribe(
    { platform: "discord", channelId: "C1", story: "gaza-2025", workspaceId: "g1", kind: "all" },
    DUE,
  );
  await store.claim(entry, DUE);
});
afterEach(async () => {
  await store.close();
});

const row = () => store.delivery(ref);

describe("a row whose message is found in the channel", () => {
  it("ends as sent with the message found, not resent", async () => {
    const sender = new RecordingSender();
    await sender.send("C1", { kind: "answer", title: "Reminder", ephemeral: false }, entry.marker);
    expect(await settleIfFound(ctx, sender, entry, finish)).toBe("found");
    expect(await row()).toMatchObject({ state: "sent", messageId: "msg-1" });
    expect(sender.in("C1")).toHaveLength(1);
    expect(captured.text()).toContain("delivery found in the channel; not resent");
  });

  it("ends as sent late when it is found more than lateAfterMs after it was due", async () => {
    const sender = new RecordingSender();
    await sender.send("C1", { kind: "answer", title: "Reminder", ephemeral: false }, entry.marker);
    clock.set("2025-02-28T08:00:00Z");
    await settleIfFound(ctx, sender, entry, finish);
    expect(await row()).toMatchObject({ state: "sent_late" });
  });

  it("is left as it is when the marker is not there", async () => {
    expect(await settleIfFound(ctx, new RecordingSender(), entry, finish)).toBeUndefined();
    expect(await row()).toMatchObject({ state: "claimed" });
  });
});

describe("a row that ends without a send", () => {
  it("is skipped with the reason when its item is past sending", async () => {
    expect(await settleSkipped(ctx, ref, "missed by 7 h", finish)).toBe("skipped");
    expect(await row()).toMatchObject({ state: "skipped", reason: "missed by 7 h" });
    expect(captured.text()).toContain("unconfirmed delivery not resent");
  });

  it("fails with the reason when given up", async () => {
    expect(await settleGivenUp(ctx, ref, "gave up after 5 attempts: HTTP 502", finish)).toBe("failed");
    expect(await row()).toMatchObject({ state: "failed", reason: "gave up after 5 attempts: HTTP 502" });
    expect(captured.text()).toContain("delivery failed");
  });

  it("fails as rejected when the platform refused it for good", async () => {
    const failure = { type: "rejected" as const, reason: "Invalid Form Body" };
    expect(await settleRejected(ctx, ref, failure, new Error("Invalid Form Body"), finish)).toBe("failed");
    expect(await row()).toMatchObject({ state: "failed", reason: "rejected: Invalid Form Body" });
    expect(captured.text()).toContain("delivery rejected");
  });
});

describe("a row whose channel is gone", () => {
  it("fails, deactivates the channel's subscriptions, and marks the channel gone in this process", async () => {
    const failure = { type: "gone" as const, reason: "Unknown Channel (10003)" };
    expect(await settleGone(ctx, entry, failure, finish)).toBe("gone");
    expect(await row()).toMatchObject({ state: "failed", reason: "gone: Unknown Channel (10003)" });
    expect(
      await store.subscription({ platform: "discord", channelId: "C1", story: "gaza-2025" }),
    ).toMatchObject({
      active: false,
      deactivationReason: "gone: Unknown Channel (10003)",
    });
    expect(ctx.gone.get("discord:C1")).toBe(clock.now().getTime());
    expect(captured.text()).toContain("channel gone: subscription deactivated");
  });
});
