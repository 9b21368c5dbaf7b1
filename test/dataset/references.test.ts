/**
 * The checks of a story file that its schema cannot make, as the loader reports them: ids unique and
 * every reference resolving, histories and moves oldest first and each move in its direction, and
 * phases' dates in order.
 */
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.js";
import { loadBroken, shippedStory, writeStoryFolder } from "../support/index.js";

describe("references and orders", () => {
  it("a duplicate id, naming the first one", async () => {
    expect(
      await loadBroken((s) => {
        s.events[2].id = s.events[1].id;
      }),
    ).toEqual(['events[2].id: duplicate id "ceasefire-agreement-announced" (also events[1])']);
  });

  it("an unknown source id at sourceIds[1]", async () => {
    expect(
      await loadBroken((s) => {
        s.events[3].sourceIds = ["aj-2025-02-28", "reuters-2025-02-28"];
      }),
    ).toEqual(['events[3].sourceIds[1]: unknown source id "reuters-2025-02-28"']);
  });

  it("an unknown source id on a figure value", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[5].values[0].sourceId = "gaza-health-ministry";
      }),
    ).toEqual(['figures[5].values[0].sourceId: unknown source id "gaza-health-ministry"']);
  });

  it("an unknown phase id on a deadline", async () => {
    expect(
      await loadBroken((s) => {
        s.deadlines[1].phaseId = "phase-three";
      }),
    ).toEqual(['deadlines[1].phaseId: unknown phase id "phase-three"']);
  });

  it("unknown person and party ids on claims and people", async () => {
    expect(
      await loadBroken((s) => {
        s.people[0].partyId = "usa";
        s.claims[2].personId = "gideon-sa-ar";
      }),
    ).toEqual([
      'people[0].partyId: unknown party id "usa"',
      'claims[2].personId: unknown person id "gideon-sa-ar"',
    ]);
  });

  it("a phase that ends before it starts", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].end = "2025-01-01";
        delete s.phases[0].lengthDays;
      }),
    ).toEqual(["phases[0].end: ends (2025-01-01) before it starts (2025-01-19)"]);
  });

  it("phases out of order", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[1].start = "2025-01-01";
      }),
    ).toEqual(["phases[1].start: phases must be in order: starts before phases[0]"]);
  });

  it("a length in days inconsistent with the dates", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].lengthDays = 40;
      }),
    ).toEqual(["phases[0].lengthDays: is 40 but 2025-01-19 to 2025-03-01 is 42 days"]);
  });

  it("figure values not oldest first", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[0].values.push({ ...s.figures[0].values[0], value: 63, asOf: "2025-02-01" });
      }),
    ).toEqual(["figures[0].values[37].asOf: values must be oldest first: 2025-02-01 is before 2026-01-26"]);
  });
});

describe("histories and moves", () => {
  /** The index of a deadline or phase of the shipped story. */
  const at = (list: { id: string }[], id: string) => list.findIndex((x) => x.id === id);

  it("loads a deadline, phase, person and party written the old way, with single values", async () => {
    const story = shippedStory();
    story.deadlines[0].status = "missed";
    story.phases[0].status = "active";
    story.people[0].role = "envoy";
    delete story.parties[0].roles;
    story.parties[0].role = "belligerent";
    const dir = writeStoryFolder({ "story.json": story });
    expect((await loadDataset(dir)).ok).toBe(true);
  });

  it("reports a history out of order at the entry that comes too early", async () => {
    expect(
      await loadBroken((s) => {
        const phase = s.phases[at(s.phases, "phase-one")];
        phase.status.push({ status: "active", from: "2025-02-01" });
      }),
    ).toEqual(["phases[0].status[5].from: a history must be oldest first: 2025-02-01 is before 2025-03-18"]);
  });

  it("reports a bad status inside a history at its own path, not as an invalid union", async () => {
    expect(
      await loadBroken((s) => {
        s.deadlines[0].status[1].status = "late";
      }),
    ).toEqual([
      'deadlines[0].status[1].status: Invalid option: expected one of "scheduled"|"met"|"missed"|"extended"|"postponed"|"disputed"|"cancelled"',
    ]);
  });

  it("reports a bad single status at the field", async () => {
    expect(
      await loadBroken((s) => {
        s.deadlines[1].status = "late";
      }),
    ).toEqual([
      'deadlines[1].status: Invalid option: expected one of "scheduled"|"met"|"missed"|"extended"|"postponed"|"disputed"|"cancelled"',
    ]);
  });

  it("reports a move made before the deadline existed", async () => {
    expect(
      await loadBroken((s) => {
        s.deadlines[at(s.deadlines, "philadelphi-withdrawal-start")].moves = [
          {
            at: "2025-02-20",
            due: "2025-03-05",
            kind: "postponed",
            attribution: "Israel",
            sourceIds: ["aj-2025-02-28"],
          },
        ];
      }),
    ).toEqual(["deadlines[1].moves[0].at: a move on 2025-02-20 is before the deadline existed (2025-02-28)"]);
  });

  it("reports moves out of order, and a move that goes the other way from its kind", async () => {
    expect(
      await loadBroken((s) => {
        s.deadlines[1].moves = [
          {
            at: "2025-03-03",
            due: "2025-03-10",
            kind: "extended",
            attribution: "Israel",
            sourceIds: ["ap-2025-03-02"],
          },
          {
            at: "2025-03-02",
            due: "2025-03-05",
            kind: "postponed",
            attribution: "Israel",
            sourceIds: ["ap-2025-03-02"],
          },
        ];
      }),
    ).toEqual([
      "deadlines[1].moves[1].at: moves must be oldest first: 2025-03-02 is before 2025-03-03",
      'deadlines[1].moves[1].kind: "postponed" but 2025-03-05 is before 2025-03-10',
    ]);
  });

  it("reports a phase's new end before its start, and an end brought forward to no date", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].moves = [
          {
            at: "2025-03-02",
            end: "2025-01-01",
            kind: "brought-forward",
            attribution: "Israel",
            sourceIds: ["ap-2025-03-02"],
          },
          {
            at: "2025-03-03",
            end: null,
            kind: "brought-forward",
            attribution: "Israel",
            sourceIds: ["ap-2025-03-02"],
          },
        ];
      }),
    ).toEqual([
      'phases[0].moves[1].kind: "brought-forward" needs a new date (null means until further notice)',
      "phases[0].moves[0].end: ends (2025-01-01) before it starts (2025-01-19)",
    ]);
  });

  it("reports an event reported before it happened, a party with both role and roles, and unknown joint speakers", async () => {
    expect(
      await loadBroken((s) => {
        s.events[0].reported = "2023-10-01";
        s.parties[0].role = "signatory";
        s.claims[0].partyIds = ["israel", "atlantis"];
        s.claims[0].personIds = ["nobody"];
      }),
    ).toEqual([
      "parties[0].roles: give either role or roles, not both",
      "events[0].reported: reported (2023-10-01) before it happened (2023-10-07)",
      'claims[0].personIds[0]: unknown person id "nobody"',
      'claims[0].partyIds[1]: unknown party id "atlantis"',
    ]);
  });
});
