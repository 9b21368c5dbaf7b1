import { afterEach, describe, expect, it } from "vitest";
import { InFlight } from "../../../src/bot/in-flight.js";
import { encodeAction } from "../../../src/command-engine/actions.js";
import { LINK_ACTION } from "../../../src/platforms/slack/blocks.js";
import { listenToButtons } from "../../../src/platforms/slack/buttons.js";
import { localeClient, SlackLocales } from "../../../src/platforms/slack/locales.js";
import { boltLogger } from "../../../src/platforms/slack/logger.js";
import { boltOnStandIn, SIGNING_SECRET } from "../../support/harness/slack.js";
import { buttonClickBody, captureLog, postSigned, shippedCore } from "../../support/index.js";

const stops: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function slackApp(options: { locales?: boolean } = {}) {
  const { log, lines } = captureLog();
  const bolt = await boltOnStandIn(log);
  stops.push(() => bolt.stop());
  const { slack, app } = bolt;
  const { core, data } = await shippedCore({ log });
  stops.push(() => data.close());
  const inFlight = new InFlight();
  const locales = options.locales
    ? new SlackLocales(
        localeClient({ botToken: slack.botToken, apiUrl: slack.apiUrl, logger: boltLogger(log, []) }),
        core.clock,
        log,
      )
    : undefined;
  listenToButtons(app, { core, log, inFlight, ...(locales ? { locales } : {}) });
  await bolt.start();
  /** Clicks a button; resolves with the acknowledgement's status and what was sent to the response_url. */
  const click = async (actionId: string) => {
    const url = slack.responseUrl(actionId.slice(0, 20).replace(/\W/g, "_"));
    const ack = await postSigned(bolt.eventsUrl, {
      body: buttonClickBody(actionId, url),
      secret: SIGNING_SECRET,
    });
    const sent = await slack.waitFor((r) => r.path === new URL(url).pathname);
    return { status: ack.status, sent: JSON.parse(sent.body) as Record<string, unknown> };
  };
  /** Clicks a button; resolves with the acknowledgement's status alone. */
  const press = async (actionId: string, url: string) => {
    const ack = await postSigned(bolt.eventsUrl, {
      body: buttonClickBody(actionId, url),
      secret: SIGNING_SECRET,
    });
    return ack.status;
  };
  return { click, press, lines, slack };
}

describe("a Slack button click", () => {
  it("replaces the message with the page it asks for", async () => {
    const { click } = await slackApp();
    const { status, sent } = await click(encodeAction({ command: "timeline", options: { page: "2" } }));
    expect(status).toBe(200);
    expect(sent).toMatchObject({ replace_original: true });
    expect(sent.response_type).toBeUndefined();
    expect(JSON.stringify(sent)).toMatch(/Timeline/);
  });

  it("turns the page in the language of the person who clicked (their Slack locale)", async () => {
    const { click, slack } = await slackApp({ locales: true });
    slack.locales.set("U0READER", "fr-FR");
    const { sent } = await click(encodeAction({ command: "timeline", options: { page: "2" } }));
    expect(JSON.stringify(sent)).toContain("Chronologie");
  });

  it("acknowledges a link button (its address opens in the browser) and answers nothing", async () => {
    const { press, click, slack } = await slackApp();
    const url = slack.responseUrl("link_click");
    expect(await press(`${LINK_ACTION}0`, url)).toBe(200);
    // A click answered afterwards shows the link's click was not: nothing went to its response_url.
    await click(encodeAction({ command: "timeline", options: { page: "2" } }));
    expect(slack.requests.filter((r) => r.path === new URL(url).pathname)).toEqual([]);
  });

  it("adds an error for the clicker alone, leaving the message, for a button the bot did not make", async () => {
    const { click, lines } = await slackApp();
    const { sent } = await click("not-one-of-ours");
    expect(sent).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(lines().find((l) => l.msg === "button answered with an error")).toMatchObject({
      code: "stale-button",
    });
  });
});
