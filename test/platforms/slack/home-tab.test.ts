import { afterEach, describe, expect, it } from "vitest";
import { InFlight } from "../../../src/bot/in-flight.js";
import { listenToHome } from "../../../src/platforms/slack/home-tab.js";
import { boltLogger } from "../../../src/platforms/slack/logger.js";
import { boltOnStandIn, SIGNING_SECRET } from "../../support/harness/slack.js";
import {
  captureLog,
  channelRig,
  DURING,
  openHomeOverHttp,
  StandInSlackViews,
  subscribeNewsChannel,
  until,
} from "../../support/index.js";

const stops: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A Bolt App on the stand-in with only the Home tab's listener, on the shipped data at DURING. */
async function homeApp(options: { admins?: string[]; subscribed?: boolean } = {}) {
  const { log, lines } = captureLog();
  const bolt = await boltOnStandIn(log);
  stops.push(() => bolt.stop());
  const views = StandInSlackViews.install(bolt.slack);
  const rig = channelRig(DURING);
  stops.push(() => rig.close());
  if (options.subscribed !== false) {
    await subscribeNewsChannel(rig.store);
  }
  const inFlight = new InFlight();
  listenToHome(bolt.app, {
    core: rig.core,
    botToken: bolt.slack.botToken,
    apiUrl: bolt.slack.apiUrl,
    adminUsers: options.admins ?? [],
    logger: boltLogger(log, []),
    log,
    inFlight,
  });
  await bolt.start();
  const open = (userId: string) => openHomeOverHttp(bolt.eventsUrl, SIGNING_SECRET, userId);
  return { open, views, slack: bolt.slack, lines, inFlight, rig };
}

describe("the Slack Home tab listener", () => {
  it("acks the event and publishes the opener's Home", async () => {
    const { open, views } = await homeApp();
    expect((await open("U0READER")).status).toBe(200);
    const { view } = await views.waitForView("U0READER");
    expect(view.type).toBe("home");
  });

  it("lets SLACK_ADMIN_USERS see every channel whatever users.info says", async () => {
    const { open, views, slack } = await homeApp({ admins: ["U0BOSS"] });
    await open("U0BOSS");
    expect(JSON.stringify((await views.waitForView("U0BOSS")).view)).toContain("<#C0NEWS>");
    expect(slack.calls("users.info").map((c) => c.fields.user)).toEqual(["U0BOSS"]);
  });

  it("asks users.info once per open whether anyone else is a workspace admin", async () => {
    const { open, views, slack } = await homeApp();
    slack.admins.add("U0OWNER");
    await open("U0OWNER");
    expect(JSON.stringify((await views.waitForView("U0OWNER")).view)).toContain("<#C0NEWS>");
    expect(slack.calls("users.info").map((c) => c.fields.user)).toEqual(["U0OWNER"]);
  });

  it("shows only the person's own channels when users.info fails", async () => {
    const { open, views, slack, lines } = await homeApp();
    slack.admins.add("U0OWNER");
    slack.rateLimitsOnce.set("users.info", 30);
    await open("U0OWNER");
    expect(JSON.stringify((await views.waitForView("U0OWNER")).view)).not.toContain("<#C0NEWS>");
    expect(lines().some((l) => String(l.msg).startsWith("users.info failed"))).toBe(true);
  });

  it("asks Slack once per open about a person, with their locale, even when the workspace has no subscriptions", async () => {
    const { open, views, slack } = await homeApp({ subscribed: false });
    await open("U0READER");
    await views.waitForView("U0READER");
    expect(slack.calls("users.info").map((c) => [c.fields.user, c.fields.include_locale])).toEqual([
      ["U0READER", "true"],
    ]);
  });

  it("writes the Home in the person's Slack locale when it is one of ours, else in English", async () => {
    const { open, views, slack } = await homeApp();
    slack.locales.set("U0FR", "fr-FR");
    slack.locales.set("U0JA", "ja-JP");
    await open("U0FR");
    const french = JSON.stringify((await views.waitForView("U0FR")).view);
    expect(french).toContain("Ce que répondent les commandes du bot en ce moment.");
    expect(french).toContain("Vos canaux");
    await open("U0JA");
    const english = JSON.stringify((await views.waitForView("U0JA")).view);
    expect(english).toContain("What the bot's commands answer now.");
    expect(english).toContain("Your channels");
  });

  it("writes the Home in English when users.info fails", async () => {
    const { open, views, slack } = await homeApp();
    slack.locales.set("U0FR", "fr-FR");
    slack.rateLimitsOnce.set("users.info", 30);
    await open("U0FR");
    expect(JSON.stringify((await views.waitForView("U0FR")).view)).toContain("Your channels");
  });

  it("publishes nothing once the bot is stopping", async () => {
    const { open, views, inFlight } = await homeApp();
    await inFlight.close();
    expect((await open("U0READER")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(views.calls).toBe(0);
  });

  it("does not retry a publish Slack refused, and logs it once", async () => {
    const { open, views, lines } = await homeApp();
    views.failNext("not_enabled");
    await open("U0READER");
    await until("the failure logged", () =>
      lines().some((l) => l.msg === "home tab not published") ? true : undefined,
    );
    expect(views.calls).toBe(1);
    expect(lines().filter((l) => l.msg === "home tab not published")).toEqual([
      expect.objectContaining({ error: "not_enabled", user: "U0READER" }),
    ]);
  });
});
