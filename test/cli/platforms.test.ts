/**
 * Starting the platforms a run asks for: every enabled one, else the fallback (the console); each
 * with its own logger; their Senders gathered; stopped last first.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { InFlight } from "../../src/bot/in-flight.js";
import {
  PlatformStartError,
  platformsToStart,
  startPlatforms,
  tellingOutages,
} from "../../src/cli/platforms.js";
import { DEFAULT_BACK_OFF, Outage } from "../../src/delivery/reconnect.js";
import { noMetrics } from "../../src/monitoring/metrics.js";
import type { ConfiguredPlatform, PlatformContext, RunningPlatform } from "../../src/platforms/platform.js";
import { errorReply } from "../../src/reply/errors.js";
import type { Reply } from "../../src/reply/reply.js";
import { captureLog, RecordingSender, shippedCore } from "../support/index.js";

/** A configured platform of the test's own that records what happens to it in `events`. */
function platform(
  name: string,
  events: string[],
  extra: Partial<ConfiguredPlatform> & { running?: Partial<RunningPlatform>; fails?: boolean } = {},
): ConfiguredPlatform {
  const { running, fails, ...rest } = extra;
  return {
    name,
    title: name,
    enabled: true,
    fallback: false,
    ownsTerminal: false,
    reachedThrough: `${name.toUpperCase()}_URL`,
    redacted: {},
    secretValues: [],
    async start(context: PlatformContext) {
      events.push(`start ${name}${context.routes ? " with routes" : ""}`);
      context.log.info("hello");
      if (fails) throw new Error(`${name} refused`);
      return {
        sender: new RecordingSender(),
        stop: async () => void events.push(`stop ${name}`),
        ...running,
      };
    },
    ...rest,
  };
}

async function options(list: ConfiguredPlatform[]) {
  const { log, lines } = captureLog();
  const { core, data } = await shippedCore();
  data.close();
  return {
    lines,
    options: {
      platforms: list,
      core,
      log,
      metrics: noMetrics,
      inFlight: new InFlight(),
      terminal: { input: new PassThrough(), output: new PassThrough() },
    },
  };
}

describe("the platforms a run starts", () => {
  it("are every enabled platform, or else the fallback alone", () => {
    const events: string[] = [];
    const console = platform("console", events, { enabled: false, fallback: true });
    const a = platform("a", events);
    const b = platform("b", events, { enabled: false });
    expect(platformsToStart([console, a, b])).toEqual([a]);
    expect(platformsToStart([console, b])).toEqual([console]);
  });
});

describe("starting the platforms", () => {
  it("starts each in order with its own logger, gathers the senders, and stops the last started first", async () => {
    const events: string[] = [];
    const { options: o, lines } = await options([platform("a", events), platform("b", events)]);
    const running = await startPlatforms(o);
    expect(Object.keys(running.senders)).toEqual(["a", "b"]);
    expect(lines().map((l) => l.platform)).toEqual(["a", "b"]);
    await running.stop();
    expect(events).toEqual(["start a", "start b", "stop b", "stop a"]);
  });

  it("gives the health routes only to the platform whose HTTP server is on their port", async () => {
    const events: string[] = [];
    const { options: o } = await options([platform("a", events, { httpPort: 3000 }), platform("b", events)]);
    await startPlatforms({ ...o, routes: { port: 3000, routes: {} } });
    expect(events).toEqual(["start a with routes", "start b"]);
  });

  it("says which platforms with a connection are connected", async () => {
    const events: string[] = [];
    let up = false;
    const { options: o } = await options([
      platform("a", events, { running: { connected: () => up } }),
      platform("b", events),
    ]);
    const running = await startPlatforms(o);
    expect(running.connected()).toEqual({ a: false });
    up = true;
    expect(running.connected()).toEqual({ a: true });
  });

  it("ends the run when a platform ends it itself, and never otherwise", async () => {
    const events: string[] = [];
    let end: () => void = () => {};
    const closed = new Promise<void>((r) => {
      end = r;
    });
    const { options: o } = await options([platform("a", events, { running: { closed } })]);
    const running = await startPlatforms(o);
    end();
    await expect(running.closed).resolves.toBeUndefined();
    const { options: none } = await options([platform("b", events)]);
    const forever = await startPlatforms(none);
    const settled = await Promise.race([
      forever.closed.then(() => "closed"),
      new Promise((r) => setTimeout(() => r("open"), 20)),
    ]);
    expect(settled).toBe("open");
  });

  it("stops those already started when one fails to start, and fails saying which, how it is reached and why", async () => {
    const events: string[] = [];
    const { options: o } = await options([
      platform("a", events),
      platform("b", events),
      platform("c", events, { fails: true }),
    ]);
    const failed = await startPlatforms(o).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(PlatformStartError);
    expect((failed as PlatformStartError).message).toBe("c failed to start (through C_URL): c refused");
    expect((failed as PlatformStartError).cause).toEqual(new Error("c refused"));
    expect(events).toEqual(["start a", "start b", "start c", "stop b", "stop a"]);
  });

  it("names the innermost reason when the platform's client wraps it (fetch's bad port)", async () => {
    const badPort = new Error("A request error occurred: fetch failed", {
      cause: new TypeError("fetch failed", { cause: new Error("bad port") }),
    });
    const { options: o } = await options([platform("slack", [], { start: () => Promise.reject(badPort) })]);
    await expect(startPlatforms(o)).rejects.toThrow(
      "slack failed to start (through SLACK_URL): A request error occurred: fetch failed: bad port",
    );
  });
});

describe("a platform unreachable at start", () => {
  const refused = () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4123"), { code: "ECONNREFUSED" }),
    });

  /** A platform that is unreachable for its first `downFor` starts. */
  function flaky(name: string, events: string[], downFor: number): ConfiguredPlatform {
    let tries = 0;
    const up = platform(name, events, { running: { connected: () => true } });
    return {
      ...up,
      async start(context) {
        if (++tries <= downFor) {
          events.push(`refused ${name}`);
          throw refused();
        }
        return up.start(context);
      },
    };
  }

  it("does not stop the run: the others serve while it is tried again, and it joins them once up", async () => {
    const events: string[] = [];
    const { options: o, lines } = await options([flaky("a", events, 3), platform("b", events)]);
    const running = await startPlatforms({ ...o, backOff: { initialMs: 5, maxMs: 100 } });
    expect(Object.keys(running.senders)).toEqual(["b"]);
    expect(running.connected()).toEqual({ a: false });
    expect(running.outages()).toEqual({
      a: "a is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (A_URL)",
    });
    await expect.poll(() => Object.keys(running.senders).sort()).toEqual(["a", "b"]);
    expect(running.connected()).toEqual({ a: true });
    expect(running.outages()).toEqual({});
    const said = lines().filter((l) => l.platform === "a" && l.msg !== "hello");
    const warned = said.filter((l) => l.level === 40).map((l) => String(l.msg));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(
      /^a is unreachable: connect ECONNREFUSED 127.0.0.1:4123 \(A_URL\); retrying in \d ms$/,
    );
    expect(said.filter((l) => l.level === 30).map((l) => l.msg)).toEqual(["a is reachable again (A_URL)"]);
    await running.stop();
    expect(events.filter((e) => e.startsWith("start") || e.startsWith("stop"))).toEqual([
      "start b",
      "start a",
      "stop a",
      "stop b",
    ]);
  });

  it("stops trying when the run stops", async () => {
    const events: string[] = [];
    const { options: o } = await options([flaky("a", events, 1_000)]);
    const running = await startPlatforms({ ...o, backOff: { initialMs: 5, maxMs: 5 } });
    await expect.poll(() => events.length).toBeGreaterThan(2);
    await running.stop();
    const tried = events.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(events.length).toBe(tried);
    expect(running.senders).toEqual({});
  });
});

describe("a platform unreachable mid-run", () => {
  it("is said once as its sends fail, and once when a send that began after the failures goes through", async () => {
    const { log, lines } = captureLog();
    const outage = new Outage({ what: "Discord", where: "DISCORD_API_URL", log, backOff: DEFAULT_BACK_OFF });
    let away = false;
    const inner = new RecordingSender();
    const flaky = Object.assign(Object.create(inner) as RecordingSender, {
      send: (channelId: string, reply: Reply, marker: string) =>
        away
          ? Promise.reject(
              new TypeError("fetch failed", {
                cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4123"), {
                  code: "ECONNREFUSED",
                }),
              }),
            )
          : inner.send(channelId, reply, marker),
    });
    const sender = tellingOutages(flaky, outage);
    const reply = errorReply("restarting");
    await sender.send("1", reply, "cf-1");
    away = true;
    for (const channel of ["2", "3", "4"])
      await expect(sender.send(channel, reply, "cf-1")).rejects.toThrow();
    away = false;
    await sender.send("2", reply, "cf-1");
    await sender.send("3", reply, "cf-1");
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      [
        40,
        "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_API_URL); trying again as the deliveries are retried",
      ],
      [
        20,
        "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_API_URL); trying again as the deliveries are retried",
      ],
      [
        20,
        "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_API_URL); trying again as the deliveries are retried",
      ],
      [30, "Discord is reachable again (DISCORD_API_URL)"],
    ]);
    expect([...inner.posted.keys()]).toEqual(["1", "2", "3"]);
    expect(sender.platform).toBe(inner.platform);
  });

  it("passes the thread a send is for on to the platform", async () => {
    const { log } = captureLog();
    const outage = new Outage({ what: "Slack", where: "SLACK_API_URL", log, backOff: DEFAULT_BACK_OFF });
    const inner = new RecordingSender();
    const sender = tellingOutages(inner, outage);
    const place = { threadId: "1740736860.000100", name: "Phase one ends", broadcast: true, forum: false };
    await sender.send("C1", errorReply("restarting"), "cf-2", place);
    expect(inner.posted.get("C1")?.[0]?.place).toEqual(place);
  });
});
