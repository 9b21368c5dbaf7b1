import { afterEach, describe, expect, it } from "vitest";
import { type ChannelRig, channelRig, DURING, GAZA } from "../support/index.js";

let rig: ChannelRig;
afterEach(async () => {
  await rig.close();
});

describe("unsubscribe", () => {
  it("stops a subscribed channel's reminders and updates", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe");
    const { reply } = await rig.run("unsubscribe");
    expect(reply.kind).toBe("answer");
    expect((await rig.store.subscription(GAZA))?.active).toBe(false);
  });

  it("stops a server's scheduled events and says their events are removed", async () => {
    rig = channelRig(DURING);
    await rig.run(
      "subscribe",
      { kind: "events" },
      { canManage: true, scheduledEvents: { botMayManage: true } },
    );
    const { text } = await rig.run("unsubscribe");
    expect(text).toContain("The server's scheduled events of its deadlines are removed.");
    expect((await rig.store.subscription(GAZA))?.active).toBe(false);
  });

  it("refuses someone who may not manage the channel and leaves the subscription alone", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe");
    const { reply } = await rig.run("unsubscribe", {}, { canManage: false });
    expect(reply.kind).toBe("error");
    expect(reply.ephemeral).toBe(true);
    expect((await rig.store.subscription(GAZA))?.active).toBe(true);
  });

  it("says so when the channel was not subscribed", async () => {
    rig = channelRig(DURING);
    const { text } = await rig.run("unsubscribe");
    expect(text.toLowerCase()).toContain("not subscribed");
  });
});
