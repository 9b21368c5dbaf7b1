/**
 * The Discord port of scheduled events through the real @discordjs/rest client against the stand-in:
 * the EXTERNAL, GUILD_ONLY event Discord requires, moved with PATCH, cancelled while SCHEDULED and
 * deleted once begun, listed for its marker, and failures classified (Missing Permissions pauses).
 */
import { DiscordAPIError } from "@discordjs/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventSpec } from "../../../src/calendar-events/port.js";
import { DiscordScheduledEvents } from "../../../src/platforms/discord/scheduled-events.js";
import { GUILD_ID, StandInDiscord } from "../../support/index.js";
import { closeRest, discordRest } from "../../support/standins/clients.js";

const spec: EventSpec = {
  name: "End of phase one",
  description: "Phase one ends on Saturday 1 March 2025.\nref cf-0123456789ab",
  location: "The Israel-Hamas ceasefire in Gaza (2025)",
  start: new Date("2030-03-01T00:00:00Z"),
  end: new Date("2030-03-02T00:00:00Z"),
};

let discord: StandInDiscord;
let rest: ReturnType<typeof discordRest>;
let events: DiscordScheduledEvents;
beforeAll(async () => {
  discord = await StandInDiscord.start();
  rest = discordRest(discord.apiUrl);
  events = new DiscordScheduledEvents(rest);
});
afterAll(async () => {
  closeRest(rest);
  await discord.stop();
});

describe("Discord's scheduled events", () => {
  it("creates an external, server-only event with its location, start and end", async () => {
    const id = await events.create(GUILD_ID, spec);
    const post = discord.requests.find((r) => r.method === "POST" && r.path.endsWith("/scheduled-events"));
    expect(post?.body).toEqual({
      name: spec.name,
      description: spec.description,
      entity_type: 3,
      privacy_level: 2,
      entity_metadata: { location: spec.location },
      scheduled_start_time: "2030-03-01T00:00:00.000Z",
      scheduled_end_time: "2030-03-02T00:00:00.000Z",
    });
    expect(post?.headers["x-audit-log-reason"]).toBeTruthy();
    expect(await events.list(GUILD_ID)).toContainEqual({ id, description: spec.description });
  });

  it("moves an event with PATCH", async () => {
    const id = await events.create(GUILD_ID, spec);
    await events.update(GUILD_ID, id, {
      ...spec,
      start: new Date("2030-03-08T00:00:00Z"),
      end: new Date("2030-03-09T00:00:00Z"),
    });
    expect(discord.scheduledEvents.events.get(id)?.scheduled_start_time).toBe("2030-03-08T00:00:00.000Z");
  });

  it("cancels a scheduled event, and deletes one that has begun", async () => {
    const scheduled = await events.create(GUILD_ID, spec);
    await events.cancel(GUILD_ID, scheduled);
    expect(discord.scheduledEvents.events.get(scheduled)?.status).toBe(4);
    const begun = await events.create(GUILD_ID, spec);
    const event = discord.scheduledEvents.events.get(begun);
    if (event) event.status = 2;
    await events.cancel(GUILD_ID, begun);
    expect(discord.scheduledEvents.events.has(begun)).toBe(false);
  });

  it("says a refusal for lack of Manage Events pauses, and an unknown event is gone", async () => {
    discord.scheduledEvents.denied.add("42");
    const refused = await events.list("42").catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(events.classify(refused)).toEqual({
      type: "missing-permission",
      reason: "the bot lacks Manage Events (50013)",
    });
    const unknown = await events.remove(GUILD_ID, "1").catch((err: unknown) => err);
    expect(events.classify(unknown).type).toBe("unknown-event");
  });

  it("is refused by the stand-in, as by Discord, without an end time or location", async () => {
    const err = await rest
      .post(`/guilds/${GUILD_ID}/scheduled-events`, {
        body: { name: "x", privacy_level: 2, entity_type: 3, scheduled_start_time: spec.start.toISOString() },
      })
      .catch((e: unknown) => e);
    expect(events.classify(err)).toMatchObject({ type: "rejected" });
    expect(String((err as Error).message)).toMatch(/location|scheduled_end_time/);
  });

  it("keeps its texts within Discord's limits", () => {
    expect(events.limits).toEqual({ name: 100, description: 1000, location: 100 });
  });
});
