import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../../commands/index.js";
import { renderSlack } from "../../../src/platforms/slack/blocks.js";
import { blockText, buttonIds, type SlackHarness, startSlackHarness } from "../../support/harness/slack.js";

let bot: SlackHarness;

beforeAll(async () => {
  bot = await startSlackHarness();
});

afterAll(async () => {
  await bot?.close();
});

describe("slack adapter: slash commands", () => {
  it("verifies the bot token with auth.test on the stand-in when it starts", () => {
    expect(bot.standin.calls("auth.test")).toHaveLength(1);
    expect(bot.standin.calls("auth.test")[0]?.headers.authorization).toBe(`Bearer ${bot.standin.botToken}`);
  });

  // /subscribe and /unsubscribe refuse readers: test/e2e/slack/subscriptions.test.ts covers them.
  const openToAll = registry.list.filter((c) => c.permission !== "manage-channel").map((c) => c.name);

  it.each(openToAll)("answers /%s in the ack with Block Kit", async (name) => {
    const res = await bot.command(`/${name}`);
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toMatch(/^(in_channel|ephemeral)$/);
    const blocks = res.json?.blocks as { type: string }[];
    expect(blocks[0]?.type).toBe("header");
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(typeof res.json?.text).toBe("string");
    expect(blockText(res.json)).not.toContain("✖"); // no command fails without options
  });

  it.each(registry.list.map((c) => c.name))(
    "answers /ceasefire %s the same as the direct command",
    async (name) => {
      const direct = await bot.command(`/${name}`);
      const umbrella = await bot.command("/ceasefire", name);
      expect(umbrella.status).toBe(200);
      expect(umbrella.json).toEqual(direct.json);
    },
  );

  it("says in /captives that 63 captives remain according to The Media Line, with its source", async () => {
    const res = await bot.command("/captives");
    const text = blockText(res.json);
    expect(res.json?.response_type).toBe("in_channel");
    expect(text).toContain("63 captives");
    expect(text).toContain("according to The Media Line");
    const blocks = res.json?.blocks as { type: string; elements?: { text: string }[] }[];
    const footer = blocks.at(-1);
    expect(footer?.type).toBe("context");
    const footerText = footer?.elements?.map((e) => e.text).join("\n") ?? "";
    expect(footerText).toContain("The Media Line");
    expect(footerText).toContain("Data as of 28 Feb 2025");
  });

  it("answers private:true only to the person who asked (ephemeral)", async () => {
    const res = await bot.command("/captives", "private:true");
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockText(res.json)).toContain("63 captives");
  });

  it("answers a bad option with an ephemeral error that names the option", async () => {
    const res = await bot.command("/timeline", "page:zero");
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockText(res.json)).toContain("`page`");
    expect(blockText(res.json)).toContain("Invalid option");
  });

  it("answers an unknown option and unparseable text with ephemeral errors", async () => {
    const unknown = await bot.command("/captives", "colour:red");
    expect(unknown.json?.response_type).toBe("ephemeral");
    expect(blockText(unknown.json)).toContain("`colour`");
    const unclosed = await bot.command("/timeline", 'tag:"phase-one');
    expect(unclosed.json?.response_type).toBe("ephemeral");
    expect(blockText(unclosed.json)).toContain("quote is not closed");
  });

  it("answers /ceasefire with no subcommand with the help, only to the asker", async () => {
    const res = await bot.command("/ceasefire");
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockText(res.json)).toContain("help");
    expect(blockText(res.json)).toContain("/timeline");
  });

  it("answers /ceasefire with an unknown subcommand with an ephemeral error listing the commands", async () => {
    const res = await bot.command("/ceasefire", "weather today:yes");
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockText(res.json)).toContain("`/ceasefire weather`");
    expect(blockText(res.json)).toContain("/ceasefire captives");
  });

  it("passes the umbrella's options on to the subcommand", async () => {
    const res = await bot.command("/ceasefire", "timeline page:2");
    expect(blockText(res.json)).toContain("page 2 of");
  });

  it("acks with the rendered answer's JSON, the same bytes every time it is asked", async () => {
    const reply = bot.core.answerQuestion("deadlines", {});
    const first = await bot.command("/deadlines");
    const again = await bot.command("/ceasefire", "deadlines");
    expect(first.text).toBe(JSON.stringify(renderSlack(reply)));
    expect(again.text).toBe(first.text);
  });

  it("leaves the Web API alone while answering commands (the ack carries the reply)", async () => {
    // The answer's picture is shared after the answer, with files.* calls (test/e2e/slack/pictures.test.ts).
    const answering = (r: { path: string }) =>
      r.path.startsWith("/api/") && r.path !== "/api/auth.test" && !r.path.startsWith("/api/files.");
    const before = bot.standin.requests.filter(answering);
    await bot.command("/phase");
    const after = bot.standin.requests.filter(answering);
    expect(after).toEqual(before);
  });
});

describe("slack adapter: timeline buttons", () => {
  it("shows a Next button on page 1 and no Previous (Slack has no disabled buttons), then Why?", async () => {
    const res = await bot.command("/timeline");
    expect(buttonIds(res.json)).toEqual(["cf1:timeline:page=2", "cf1:sources:of=timeline"]);
  });

  it("acks a Next click at once and replaces the message with page 2 through the response_url", async () => {
    const { response, responsePath } = await bot.click("cf1:timeline:page=2");
    expect(response.status).toBe(200);
    expect(response.text).toBe("");
    const posted = await bot.standin.waitFor((r) => r.path === responsePath);
    expect(posted.method).toBe("POST");
    expect(posted.fields.replace_original).toBe(true);
    expect(posted.fields.response_type).toBeUndefined();
    expect(blockText(posted.fields)).toContain("page 2 of 3");
    expect(buttonIds(posted.fields)).toEqual([
      "cf1:timeline:page=1",
      "cf1:timeline:page=3",
      "cf1:sources:of=timeline&with=page%3D2",
    ]);
  });

  it("shows only a Previous button, then Why?, on the last page", async () => {
    const { responsePath } = await bot.click("cf1:timeline:page=3");
    const posted = await bot.standin.waitFor((r) => r.path === responsePath);
    expect(blockText(posted.fields)).toContain("page 3 of 3");
    expect(buttonIds(posted.fields)).toEqual([
      "cf1:timeline:page=2",
      "cf1:sources:of=timeline&with=page%3D3",
    ]);
  });

  it("answers Why? for the clicker alone with the quote behind each event, keeping the message", async () => {
    const { response, responsePath } = await bot.click("cf1:sources:of=timeline&with=page%3D2");
    expect(response.status).toBe(200);
    const posted = await bot.standin.waitFor((r) => r.path === responsePath);
    expect(posted.fields.response_type).toBe("ephemeral");
    expect(posted.fields.replace_original).toBe(false);
    const text = blockText(posted.fields);
    expect(text).toContain("Why? Timeline");
    expect(text).toContain("The words of the sources behind /timeline");
    expect(text).toMatch(/“[^”]+” — /);
  });

  it("answers an unknown button with an ephemeral error and keeps the message", async () => {
    for (const id of ["somebody-elses-button", "cf1:nosuchcommand:page=2"]) {
      const { response, responsePath } = await bot.click(id);
      expect(response.status).toBe(200);
      const posted = await bot.standin.waitFor((r) => r.path === responsePath);
      expect(posted.fields.response_type).toBe("ephemeral");
      expect(posted.fields.replace_original).toBe(false);
      expect(blockText(posted.fields)).toContain("This button no longer works");
    }
  });

  it("answers a button whose page no longer exists with an ephemeral error naming the option", async () => {
    const { responsePath } = await bot.click("cf1:timeline:page=99");
    const posted = await bot.standin.waitFor((r) => r.path === responsePath);
    expect(posted.fields.response_type).toBe("ephemeral");
    expect(blockText(posted.fields)).toContain("`page`");
  });
});
