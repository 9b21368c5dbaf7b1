/**
 * The one question asked of Slack before Bolt starts: answered, unreachable (said as an outage the
 * caller waits out), or refused (a bad token: the start fails as before). Against the Slack stand-in.
 */
import { describe, expect, it } from "vitest";
import { unreachableReason } from "../../../src/delivery/reconnect.js";
import { slackAnswers } from "../../../src/platforms/slack/reachable.js";
import { freePort, StandInSlack } from "../../support/index.js";

describe("asking Slack whether it answers", () => {
  it("resolves when Slack answers auth.test for the token", async () => {
    const slack = await StandInSlack.start("xoxb-reachable");
    try {
      await expect(slackAnswers({ token: "xoxb-reachable", apiUrl: slack.apiUrl })).resolves.toBeUndefined();
    } finally {
      await slack.stop();
    }
  });

  it("fails at once as unreachable when nothing listens, naming the address", async () => {
    const port = await freePort();
    const started = performance.now();
    const err = await slackAnswers({ token: "xoxb-x", apiUrl: `http://127.0.0.1:${port}/api/` }).catch(
      (e) => e,
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(unreachableReason(err)).toBe(`connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it("fails as refused, not unreachable, when Slack rejects the token", async () => {
    const slack = await StandInSlack.start("xoxb-right");
    try {
      const err = await slackAnswers({ token: "xoxb-wrong", apiUrl: slack.apiUrl }).catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(unreachableReason(err)).toBeUndefined();
    } finally {
      await slack.stop();
    }
  });
});
