import { describe, expect, it } from "vitest";
import { HomeThrottle } from "../../src/home/throttle.js";
import { shippedData, truceDataset } from "../support/index.js";

const AT = new Date("2025-02-28T10:00:05Z");
const LATER_THAT_MINUTE = new Date("2025-02-28T10:00:55Z");
const NEXT_MINUTE = new Date("2025-02-28T10:01:00Z");

describe("when a Home is published again", () => {
  it("builds a person's first open", () => {
    const throttle = new HomeThrottle();
    expect(throttle.open("T1:U1", shippedData(), AT)).toBe("build");
  });

  it("skips an open while the person's Home is still being published", () => {
    const throttle = new HomeThrottle();
    throttle.open("T1:U1", shippedData(), AT);
    expect(throttle.open("T1:U1", shippedData(), NEXT_MINUTE)).toBe("busy");
    expect(throttle.open("T1:U2", shippedData(), AT)).toBe("build");
  });

  it("skips an open in the same minute on the same data, and builds in the next minute", () => {
    const throttle = new HomeThrottle();
    throttle.open("T1:U1", shippedData(), AT);
    throttle.done("T1:U1", { published: { blocks: [1] } });
    expect(throttle.open("T1:U1", shippedData(), LATER_THAT_MINUTE)).toBe("same-minute");
    expect(throttle.open("T1:U1", shippedData(), NEXT_MINUTE)).toBe("build");
  });

  it("builds again in the same minute when the data was reloaded", () => {
    const throttle = new HomeThrottle();
    throttle.open("T1:U1", shippedData(), AT);
    throttle.done("T1:U1", "unchanged");
    expect(throttle.open("T1:U1", truceDataset(), LATER_THAT_MINUTE)).toBe("build");
  });

  it("builds again in the same minute after a failed publish", () => {
    const throttle = new HomeThrottle();
    throttle.open("T1:U1", shippedData(), AT);
    throttle.done("T1:U1", "failed");
    expect(throttle.open("T1:U1", shippedData(), LATER_THAT_MINUTE)).toBe("build");
  });

  it("says a Home changed unless it is the one last published", () => {
    const throttle = new HomeThrottle();
    throttle.open("T1:U1", shippedData(), AT);
    expect(throttle.changed("T1:U1", { blocks: ["a"] })).toBe(true);
    throttle.done("T1:U1", { published: { blocks: ["a"] } });
    throttle.open("T1:U1", shippedData(), NEXT_MINUTE);
    expect(throttle.changed("T1:U1", { blocks: ["a"] })).toBe(false);
    expect(throttle.changed("T1:U1", { blocks: ["b"] })).toBe(true);
  });

  it("remembers at most its capacity of people, forgetting the longest unseen", () => {
    const throttle = new HomeThrottle(2);
    for (const who of ["U1", "U2", "U3"]) {
      throttle.open(who, shippedData(), AT);
      throttle.done(who, "unchanged");
    }
    expect(throttle.open("U1", shippedData(), LATER_THAT_MINUTE)).toBe("build");
    expect(throttle.open("U3", shippedData(), LATER_THAT_MINUTE)).toBe("same-minute");
  });
});
