/**
 * The answers under way, so that a stop lets them finish: close() takes nothing more and resolves once
 * everything taken has settled; what arrives after is answered with STOPPING. And an answer either
 * ready within the platform's window, or LATE while the work goes on.
 */
import { describe, expect, it } from "vitest";
import { InFlight, LATE, languageWithin, readyWithin, STOPPING } from "../../src/bot/in-flight.js";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("the answers under way", () => {
  it("tracks each until it settles, and gives it back unchanged", async () => {
    const inFlight = new InFlight();
    const work = deferred<string>();
    const tracked = inFlight.track(work.promise);
    expect(tracked).toBe(work.promise);
    expect(inFlight.size).toBe(1);
    work.resolve("done");
    await tracked;
    await Promise.resolve();
    expect(inFlight.size).toBe(0);
  });

  it("forgets an answer that failed too", async () => {
    const inFlight = new InFlight();
    const work = deferred<string>();
    const tracked = inFlight.track(work.promise);
    work.reject(new Error("Discord refused"));
    await expect(tracked).rejects.toThrow("Discord refused");
    await Promise.resolve();
    expect(inFlight.size).toBe(0);
  });

  it("takes nothing more once closing, and closes once everything taken, even meanwhile, has settled", async () => {
    const inFlight = new InFlight();
    const first = deferred<void>();
    const second = deferred<void>();
    inFlight.track(first.promise);
    let closed = false;
    const closing = inFlight.close().then(() => {
      closed = true;
    });
    expect(inFlight.accepting).toBe(false);
    inFlight.track(second.promise);
    first.resolve();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(closed).toBe(false);
    second.resolve();
    await closing;
    expect(closed).toBe(true);
  });

  it("answers what arrives during a stop with the restarting error", () => {
    expect(STOPPING).toMatchObject({ kind: "error", title: "The bot is restarting" });
    expect(STOPPING.ephemeral).toBe(true);
  });
});

describe("an answer within the platform's window", () => {
  it("is the work's value when it is ready in time", async () => {
    expect(await readyWithin(Promise.resolve("answer"), 50)).toBe("answer");
  });

  it("is LATE when it is not, while the work goes on", async () => {
    const work = deferred<string>();
    expect(await readyWithin(work.promise, 5)).toBe(LATE);
    work.resolve("answer");
    expect(await work.promise).toBe("answer");
  });
});

describe("the reader's language within a moment", () => {
  it("is the one found in time, else the fallback, also when the lookup fails or there is none", async () => {
    expect(await languageWithin(Promise.resolve("ar"), "fr")).toBe("ar");
    expect(await languageWithin(new Promise<never>(() => {}), "fr", 5)).toBe("fr");
    expect(await languageWithin(Promise.reject(new Error("store down")), "fr")).toBe("fr");
    expect(await languageWithin(undefined, "en")).toBe("en");
  });
});
