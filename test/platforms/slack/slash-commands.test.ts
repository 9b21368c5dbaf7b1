import { afterEach, describe, expect, it } from "vitest";
import { InFlight } from "../../../src/bot/in-flight.js";
import { wordsFor } from "../../../src/language/words.js";
import { noMetrics } from "../../../src/monitoring/metrics.js";
import { listenToCommands, MANAGER_TTL_MS } from "../../../src/platforms/slack/slash-commands.js";
import { type Clock, ManualClock } from "../../../src/time/clock.js";
import { boltOnStandIn, SIGNING_SECRET } from "../../support/harness/slack.js";
import {
  captureLog,
  DURING,
  postSigned,
  shippedCoreWithStore,
  slashCommandBody,
} from "../../support/index.js";

const stops: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function slackApp(
  options: {
    umbrella?: string;
    adminUsers?: string[];
    deferAfterMs?: number;
    inFlight?: InFlight;
    clock?: Clock;
  } = {},
) {
  const { log, lines } = captureLog();
  const bolt = await boltOnStandIn(log);
  stops.push(() => bolt.stop());
  const { slack, app } = bolt;
  const { core, data, store } = await shippedCoreWithStore({
    log,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  stops.push(
    () => data.close(),
    () => store.close(),
  );
  let deferred = 0;
  listenToCommands(app, {
    core,
    umbrella: options.umbrella ?? "ceasefire",
    adminUsers: options.adminUsers ?? [],
    deferAfterMs: options.deferAfterMs ?? 2_000,
    log,
    metrics: { ...noMetrics, answerDeferred: () => void deferred++ },
    inFlight: options.inFlight ?? new InFlight(),
  });
  await bolt.start();
  const type = (command: string, text = "", user?: string) =>
    postSigned(bolt.eventsUrl, {
      body: slashCommandBody(command, text, slack.responseUrl(), user),
      secret: SIGNING_SECRET,
    });
  return { slack, type, lines, store, deferred: () => deferred };
}

const words = (json: unknown) => JSON.stringify(json);

describe("a Slack slash command", () => {
  it("is answered in its ack, in the channel", async () => {
    const { type } = await slackApp();
    const res = await type("/phase");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: "in_channel" });
    expect(words(res.json)).toMatch(/[Pp]hase one/);
  });

  it("takes name:value options, and explains a bad one to the asker alone", async () => {
    const { type } = await slackApp();
    const res = await type("/timeline", "from:nope");
    expect(res.json).toMatchObject({ response_type: "ephemeral" });
    expect(words(res.json)).toMatch(/from/);
  });

  it("runs a command under the umbrella", async () => {
    const { type } = await slackApp({ umbrella: "cf" });
    expect(words((await type("/cf", "phase")).json)).toMatch(/[Pp]hase one/);
  });

  it("answers the command, not the umbrella, when the umbrella has a command's name", async () => {
    const { type, lines } = await slackApp({ umbrella: "phase" });
    expect(words((await type("/phase")).json)).toMatch(/[Pp]hase one/);
    expect(lines().find((l) => String(l.msg).startsWith("the umbrella command"))).toMatchObject({
      umbrella: "phase",
    });
  });

  it("lets the configured admins manage a channel without asking Slack, and workspace admins after users.info", async () => {
    const { slack, type } = await slackApp({ adminUsers: ["U0ADMIN"] });
    expect(words((await type("/subscribe", "", "U0ADMIN")).json)).toMatch(/Subscribed/);
    expect(slack.calls("users.info")).toHaveLength(0);
    expect(words((await type("/subscribe", "", "U0READER")).json)).toMatch(/manage this channel/);
    expect(slack.calls("users.info")).toHaveLength(1);
  });

  it("asks users.info once a minute per person, however many channel commands they run", async () => {
    const clock = new ManualClock(DURING);
    const { slack, type } = await slackApp({ clock });
    const asked = () => slack.calls("users.info").map((c) => c.fields.user);
    expect(words((await type("/subscribe", "", "U0READER")).json)).toMatch(/manage this channel/);
    expect(words((await type("/curators", "", "U0READER")).json)).toMatch(/manage this channel/);
    expect(words((await type("/unsubscribe", "", "U0READER")).json)).toMatch(/manage this channel/);
    expect(asked()).toEqual(["U0READER"]);
    slack.admins.add("U0READER");
    await type("/subscribe", "", "U0OTHER");
    expect(asked()).toEqual(["U0READER", "U0OTHER"]);
    clock.advance(MANAGER_TTL_MS);
    expect(words((await type("/subscribe", "", "U0READER")).json)).toMatch(/Subscribed/);
    expect(asked()).toEqual(["U0READER", "U0OTHER", "U0READER"]);
  });

  it("asks users.info again at the next command when it failed, and meanwhile treats the person as no admin", async () => {
    const { slack, type, lines } = await slackApp();
    let calls = 0;
    slack.method("users.info", slack.botToken, (f) =>
      ++calls === 1
        ? { ok: false, error: "internal_error" }
        : { ok: true, user: { id: f.user, is_admin: f.user === "U0ADMIN2" } },
    );
    expect(words((await type("/subscribe", "", "U0ADMIN2")).json)).toMatch(/manage this channel/);
    expect(lines().some((l) => String(l.msg).startsWith("users.info failed"))).toBe(true);
    expect(words((await type("/subscribe", "", "U0ADMIN2")).json)).toMatch(/Subscribed/);
    expect(slack.calls("users.info")).toHaveLength(2);
  });

  it("acks a slow answer empty and sends it through the response_url", async () => {
    const app = await slackApp({ deferAfterMs: 50 });
    app.slack.delays.set("users.info", 300);
    const res = await app.type("/subscribe");
    expect(res).toMatchObject({ status: 200, text: "" });
    const sent = await app.slack.waitFor((r) => r.path.startsWith("/respond/"));
    expect(sent.body).toMatch(/manage this channel/);
    expect(app.deferred()).toBe(1);
  });

  it("is told to come back while the bot stops", async () => {
    const inFlight = new InFlight();
    const { type } = await slackApp({ inFlight });
    await inFlight.close();
    expect(words((await type("/phase")).json)).toMatch(/restarting/);
  });

  it("is told to come back in the reader's own language while the bot stops", async () => {
    const inFlight = new InFlight();
    const { type, store } = await slackApp({ inFlight });
    await store.setUserLanguage({ platform: "slack", userId: "U0READER" }, "fr", new Date());
    await inFlight.close();
    const said = words((await type("/phase")).json);
    expect(said).not.toMatch(/restarting/);
    expect(said).toContain(JSON.stringify(wordsFor("fr").t("errors.restarting.title")).slice(1, -1));
  });
});
