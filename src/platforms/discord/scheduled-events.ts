/**
 * A Discord server's scheduled events for the core's sync (src/calendar-events/): one EXTERNAL event
 * (entity_type 3, GUILD_ONLY) per deadline, through the client's REST queue (@discordjs/rest: rate
 * limits and retries of 5xx, and with DISCORD_PROXY_URL the proxy every process shares). Only a
 * SCHEDULED event can be set to CANCELED (status 4): one that has begun is deleted instead.
 * https://discord.com/developers/docs/resources/guild-scheduled-event
 */
import type { REST } from "@discordjs/rest";
import {
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  RESTJSONErrorCodes,
  Routes,
} from "discord-api-types/v10";
import type { EventFailure, EventSpec, PlatformEvent, ScheduledEvents } from "../../calendar-events/port.js";
import { describe, isNetworkError } from "../../delivery/sender.js";
import { DISCORD_LIMITS } from "./limits.js";
import { isRateLimitError, restError } from "./rest-errors.js";

/** What the audit log says the bot's changes were for. */
const REASON = "ceasefire-bot: a deadline of a story this server follows";

/** Refusals that mean the bot may not manage the server's events (or is no longer in it). */
const REFUSED: Record<number, string> = {
  [RESTJSONErrorCodes.MissingPermissions]: "the bot lacks Manage Events",
  [RESTJSONErrorCodes.MissingAccess]: "the bot cannot see this server",
  [RESTJSONErrorCodes.UnknownGuild]: "the bot is no longer in this server",
};

function body(spec: EventSpec) {
  return {
    name: spec.name,
    description: spec.description,
    entity_type: GuildScheduledEventEntityType.External,
    privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
    entity_metadata: { location: spec.location },
    scheduled_start_time: spec.start.toISOString(),
    scheduled_end_time: spec.end.toISOString(),
  };
}

export class DiscordScheduledEvents implements ScheduledEvents {
  readonly platform = "discord";
  readonly limits = {
    name: DISCORD_LIMITS.eventName,
    description: DISCORD_LIMITS.eventDescription,
    location: DISCORD_LIMITS.eventLocation,
  };

  constructor(private readonly rest: REST) {}

  async list(guildId: string): Promise<PlatformEvent[]> {
    const events = (await this.rest.get(Routes.guildScheduledEvents(guildId))) as {
      id: string;
      description?: string | null;
      status: GuildScheduledEventStatus;
    }[];
    // Only events still to come or under way: one that is over or cancelled is never taken up again.
    return events
      .filter(
        (e) =>
          e.status === GuildScheduledEventStatus.Scheduled || e.status === GuildScheduledEventStatus.Active,
      )
      .map((e) => ({ id: e.id, description: e.description ?? undefined }));
  }

  async create(guildId: string, spec: EventSpec): Promise<string> {
    const event = (await this.rest.post(Routes.guildScheduledEvents(guildId), {
      body: body(spec),
      reason: REASON,
    })) as { id: string };
    return event.id;
  }

  async update(guildId: string, eventId: string, spec: EventSpec): Promise<void> {
    await this.rest.patch(Routes.guildScheduledEvent(guildId, eventId), { body: body(spec), reason: REASON });
  }

  async cancel(guildId: string, eventId: string): Promise<void> {
    try {
      await this.rest.patch(Routes.guildScheduledEvent(guildId, eventId), {
        body: { status: GuildScheduledEventStatus.Canceled },
        reason: REASON,
      });
    } catch (err) {
      // Begun (ACTIVE) or over: its status can no longer become CANCELED.
      if (restError(err)?.status !== 400) throw err;
      await this.remove(guildId, eventId);
    }
  }

  async remove(guildId: string, eventId: string): Promise<void> {
    await this.rest.delete(Routes.guildScheduledEvent(guildId, eventId), { reason: REASON });
  }

  classify(err: unknown): EventFailure {
    const e = restError(err);
    if (e?.code !== undefined && e.status !== undefined) {
      const refused = REFUSED[e.code];
      if (refused) return { type: "missing-permission", reason: `${refused} (${e.code})` };
      if (e.code === RESTJSONErrorCodes.UnknownGuildScheduledEvent)
        return { type: "unknown-event", reason: `Unknown Guild Scheduled Event (${e.code})` };
    }
    if (e?.status !== undefined) {
      if (e.status === 403)
        return { type: "missing-permission", reason: "the bot lacks Manage Events (HTTP 403)" };
      if (e.status >= 500 || e.status === 408 || e.status === 429)
        return { type: "transient", reason: `HTTP ${e.status}: ${describe(err)}` };
      return {
        type: "rejected",
        reason: `HTTP ${e.status}${e.code !== undefined ? `, code ${e.code}` : ""}: ${describe(err)}`,
      };
    }
    if (isRateLimitError(e)) return { type: "transient", reason: `rate limited: ${describe(err)}` };
    if (isNetworkError(err)) return { type: "transient", reason: describe(err) };
    return { type: "rejected", reason: describe(err) };
  }
}
