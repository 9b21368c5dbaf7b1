/**
 * The retry policy for a dependency that is away: what counts as unreachable, the capped exponential
 * back-off with jitter, one warning per outage (later tries at debug, one more when the wait reaches
 * its cap) and one line when it is back. Waits go through a recorded fake sleep: no real time.
 */
import { describe, expect, it } from "vitest";
import {
  backOffDelay,
  Cancel,
  failureChain,
  Outage,
  retryWhileUnreachable,
  spoken,
  unreachableReason,
} from "../../src/delivery/reconnect.js";
import { captureLog } from "../support/index.js";

const policy = { initialMs: 1_000, maxMs: 8_000 };

function refused(port = 4123): Error {
  const inner = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: "ECONNREFUSED" });
  return new TypeError("fetch failed", { cause: inner });
}

/** A sleep that returns at once and keeps what it was asked to wait. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("the wait between tries", () => {
  it("doubles from the first wait and stops at the cap", () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((n) => backOffDelay(policy, n, top))).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  it("takes off up to a quarter at random, so that processes do not retry in step", () => {
    expect(backOffDelay(policy, 1, () => 0)).toBe(750);
    expect(backOffDelay(policy, 2, () => 0.5)).toBe(1_750);
    expect(backOffDelay(policy, 40, () => 0)).toBe(6_000);
  });

  it("reads as seconds or milliseconds", () => {
    expect(spoken(2_000)).toBe("2 s");
    expect(spoken(1_750)).toBe("1.8 s");
    expect(spoken(300)).toBe("300 ms");
  });
});

describe("what counts as unreachable", () => {
  it("finds the network error inside fetch's, pg's and Slack's wrappers", () => {
    expect(unreachableReason(refused())).toBe("connect ECONNREFUSED 127.0.0.1:4123");
    const slack = Object.assign(new Error("A request error occurred: connect ECONNREFUSED"), {
      code: "slack_webapi_request_error",
      original: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
    });
    expect(unreachableReason(slack)).toBe("connect ECONNREFUSED 127.0.0.1:9");
    const both = new AggregateError(
      [Object.assign(new Error("connect ECONNREFUSED ::1:5999"), { code: "ECONNREFUSED" })],
      "",
    );
    expect(unreachableReason(both)).toBe("connect ECONNREFUSED ::1:5999");
  });

  it("counts a 5xx, a timeout, PostgreSQL starting up and a dropped connection", () => {
    expect(unreachableReason(Object.assign(new Error("Bad Gateway"), { status: 502 }))).toBe(
      "HTTP 502 Bad Gateway",
    );
    expect(unreachableReason(Object.assign(new Error("slow"), { name: "TimeoutError" }))).toBe("slow");
    const starting = Object.assign(new Error("the database system is starting up"), { code: "57P03" });
    expect(unreachableReason(starting)).toBe("the database system is starting up");
    expect(unreachableReason(new Error("Connection terminated unexpectedly"))).toBe(
      "Connection terminated unexpectedly",
    );
  });

  it("leaves what an operator must fix: a bad token, a bad password, a 4xx", () => {
    expect(unreachableReason(Object.assign(new Error("401: Unauthorized"), { status: 401 }))).toBeUndefined();
    const password = Object.assign(new Error('password authentication failed for user "bot"'), {
      code: "28P01",
    });
    expect(unreachableReason(password)).toBeUndefined();
    expect(unreachableReason("nope")).toBeUndefined();
  });
});

describe("what a failure that is no outage says", () => {
  it("says each message of the chain once, outermost first, through causes and Slack's original", () => {
    const slack = Object.assign(new Error("A request error occurred: fetch failed"), {
      original: new TypeError("fetch failed", { cause: new Error("bad port") }),
    });
    expect(failureChain(slack)).toBe("A request error occurred: fetch failed: bad port");
  });

  it("says a bare error's message, and what was thrown when it is no error", () => {
    expect(failureChain(new Error("An API error occurred: invalid_auth"))).toBe(
      "An API error occurred: invalid_auth",
    );
    expect(failureChain("nope")).toBe("nope");
  });
});

describe("an outage", () => {
  it("is said once when it begins, later tries at debug, once more at the cap, and once when it ends", async () => {
    const { log, lines } = captureLog();
    const outage = new Outage({ what: "Discord", where: "DISCORD_PROXY_URL", log, backOff: policy });
    const { waits, sleep } = recordedSleep();
    let tries = 0;
    const result = await retryWhileUnreachable({
      attempt: async () => {
        if (++tries < 7) throw refused();
        return "up";
      },
      outage,
      backOff: policy,
      sleep,
      random: () => 1,
    });
    expect(result).toBe("up");
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    const said = lines().map((l) => [l.level, l.msg]);
    expect(said.filter(([level]) => level === 40)).toEqual([
      [
        40,
        "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_PROXY_URL); retrying in 1 s",
      ],
      [
        40,
        "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_PROXY_URL); retrying in 8 s (the longest wait from now on)",
      ],
    ]);
    expect(said.filter(([level]) => level === 20)).toHaveLength(4);
    expect(said.filter(([level]) => level === 30)).toEqual([
      [30, "Discord is reachable again (DISCORD_PROXY_URL)"],
    ]);
    expect(outage.reason()).toBeUndefined();
  });

  it("names what is wrong while it lasts, for /readyz", () => {
    const { log } = captureLog();
    const outage = new Outage({ what: "PostgreSQL", where: "DATABASE_URL", log, backOff: policy });
    expect(outage.reason()).toBeUndefined();
    outage.failed("connect ECONNREFUSED 127.0.0.1:5999", 1_000);
    expect(outage.reason()).toBe(
      "PostgreSQL is unreachable: connect ECONNREFUSED 127.0.0.1:5999 (DATABASE_URL)",
    );
  });

  it("says nothing when the first try succeeds", async () => {
    const { log, lines } = captureLog();
    const outage = new Outage({ what: "Slack", where: "SLACK_API_URL", log, backOff: policy });
    await retryWhileUnreachable({ attempt: async () => 1, outage, backOff: policy });
    expect(lines()).toEqual([]);
  });

  it("gives up at once on an error that is not an outage", async () => {
    const { log } = captureLog();
    const outage = new Outage({ what: "Slack", where: "SLACK_API_URL", log, backOff: policy });
    const rejected = Object.assign(new Error("invalid_auth"), { status: 200 });
    await expect(
      retryWhileUnreachable({ attempt: () => Promise.reject(rejected), outage, backOff: policy }),
    ).rejects.toBe(rejected);
  });

  it("stops trying when cancelled, even in the middle of a wait", async () => {
    const { log } = captureLog();
    const outage = new Outage({ what: "Discord", where: "Discord's API", log, backOff: policy });
    const cancel = new Cancel();
    let tries = 0;
    const never = () => new Promise<void>(() => {});
    const trying = retryWhileUnreachable({
      attempt: async () => {
        tries++;
        throw refused();
      },
      outage,
      backOff: policy,
      cancel,
      sleep: never,
    });
    await new Promise((resolve) => setImmediate(resolve));
    cancel.cancel();
    await expect(trying).resolves.toBeUndefined();
    expect(tries).toBe(1);
  });
});
