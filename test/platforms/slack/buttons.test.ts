/**
 * The buttons the bot drew in Slack: acked at once, then the message replaced through the
 * response_url with the new page, or an error or a private answer added for the clicker alone.
 * Runs a Bolt App in HTTP mode against a stand-in Slack.
 */
import { LogLevel } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { InFlight } from "../../../src/bot/in-flight.js";
import { encodeAction } from "../../../src/command-engine/actions.js";
import { listenToButtons } from "../../../src/platforms/slack/buttons.js";
import { connectSlack, EVENTS_PATH } from "../../../src/platforms/slack/connection.js";
import { boltLogger } from "../../../src/platforms/slack/logger.js";
import {
  buttonClickBody,
  captureLog,
  freePort,
  postSigned,
  StandInSlack,
  shippedCore,
} from "../../support/index.js";

const SECRET = "signing-secret";
const stops: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function slackApp() {
  const slack = await StandInSlack.start();
  stops.push(() => slack.stop());
  const { log, lines } = captureLog();
  const { core, data } = await shippedCore({ log });
  stops.push(() => data.close());
  const port = await freePort();
  const { app } = connectSlack({
    botToken: slack.botToken,
    signingSecret: SECRET,
    appToken: undefined,
    apiUrl: slack.apiUrl,
    port,
    routes: undefined,
    logger: boltLogger(log, []),
    logLevel: LogLevel.ERROR,
    log,
    accepting: () => true,
  });
  const inFlight = new InFlight();
  listenToButtons(app, { core, log, inFlight });
  await app.init();
  await app.start({ port, host: "127.0.0.1" });
  stops.push(() => app.stop());
  /** Clicks a button; resolves with the acknowledgement's status and what was sent to the response_url. */
  const click = async (actionId: string) => {
    const url = slack.responseUrl(actionId.slice(0, 20).replace(/\W/g, "_"));
    const ack = await postSigned(`http://127.0.0.1:${port}${EVENTS_PATH}`, {
      body: buttonClickBody(actionId, url),
      secret: SECRET,
    });
    const sent = await slack.waitFor((r) => r.path === new URL(url).pathname);
    return { status: ack.status, sent: JSON.parse(sent.body) as Record<string, unknown> };
  };
  return { click, lines };
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

  it("adds an error for the clicker alone, leaving the message, for a button the bot did not make", async () => {
    const { click, lines } = await slackApp();
    const { sent } = await click("not-one-of-ours");
    expect(sent).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(lines().find((l) => l.msg === "button answered with an error")).toMatchObject({
      code: "stale-button",
    });
  });
});
