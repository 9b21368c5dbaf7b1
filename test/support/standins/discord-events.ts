/**
 * The stand-in Discord's guild scheduled events (GET/POST /guilds/{id}/scheduled-events, PATCH/DELETE
 * …/{event}), validated as Discord documents them: a name of 1–100 characters, a description of at
 * most 1,000, privacy level 2 (GUILD_ONLY); an EXTERNAL event (entity type 3) has no channel, a
 * location of 1–100 characters and an end time after its start; at most 100 SCHEDULED or ACTIVE events
 * per server; only a SCHEDULED event may become CANCELED. A server in `denied` answers 403 Missing
 * Permissions (50013), as Discord does when the bot lacks Manage Events.
 * https://discord.com/developers/docs/resources/guild-scheduled-event
 */

export interface StandInEvent {
  id: string;
  guild_id: string;
  channel_id: string | null;
  creator_id: string;
  name: string;
  description: string | null;
  scheduled_start_time: string;
  scheduled_end_time: string | null;
  privacy_level: number;
  /** 1 SCHEDULED, 2 ACTIVE, 3 COMPLETED, 4 CANCELED. */
  status: number;
  entity_type: number;
  entity_id: null;
  entity_metadata: { location?: string } | null;
}

export interface EventAnswer {
  status: number;
  body?: unknown;
}

const MAX_LIVE = 100;
const SCHEDULED = 1;
const ACTIVE = 2;
const CANCELED = 4;

function invalid(errors: string[]): EventAnswer {
  return { status: 400, body: { code: 50035, message: `Invalid Form Body: ${errors.join("; ")}` } };
}

function length(value: unknown): number {
  return typeof value === "string" ? [...value].length : -1;
}

export class StandInScheduledEvents {
  /** Every event ever made, by id (deleted ones leave). */
  readonly events = new Map<string, StandInEvent>();
  /** Servers where the bot lacks Manage Events. */
  readonly denied = new Set<string>();
  /** When set, a start time before this instant is refused, as Discord refuses one in the past. */
  now: (() => Date) | undefined;

  constructor(
    private readonly botUserId: () => string,
    private readonly newId: () => string,
  ) {}

  /** A server's events that are SCHEDULED or ACTIVE. */
  live(guildId: string): StandInEvent[] {
    return [...this.events.values()].filter(
      (e) => e.guild_id === guildId && (e.status === SCHEDULED || e.status === ACTIVE),
    );
  }

  /** Answers a request of this resource, or undefined when the path is another. */
  handle(method: string, path: string, body: unknown): EventAnswer | undefined {
    const m = /^\/guilds\/(\d+)\/scheduled-events(?:\/(\d+))?$/.exec(path);
    if (!m) return undefined;
    const guildId = m[1] ?? "";
    const eventId = m[2];
    if (this.denied.has(guildId))
      return { status: 403, body: { code: 50013, message: "Missing Permissions" } };
    const b = (body ?? {}) as Record<string, unknown>;
    if (eventId === undefined) {
      if (method === "GET") return { status: 200, body: this.live(guildId) };
      if (method === "POST") return this.create(guildId, b);
      return { status: 405, body: { code: 0, message: "405: Method Not Allowed" } };
    }
    const event = this.events.get(eventId);
    if (!event || event.guild_id !== guildId)
      return { status: 404, body: { code: 10070, message: "Unknown Guild Scheduled Event" } };
    if (method === "GET") return { status: 200, body: event };
    if (method === "DELETE") {
      this.events.delete(eventId);
      return { status: 204 };
    }
    if (method === "PATCH") return this.modify(event, b);
    return { status: 405, body: { code: 0, message: "405: Method Not Allowed" } };
  }

  private problems(e: Omit<StandInEvent, "id" | "creator_id" | "entity_id" | "status">): string[] {
    const errors: string[] = [];
    if (length(e.name) < 1 || length(e.name) > 100) errors.push("name: must be 1-100 characters");
    if (e.description !== null && length(e.description) > 1000) errors.push("description: at most 1000");
    if (e.privacy_level !== 2) errors.push("privacy_level: must be 2 (GUILD_ONLY)");
    const start = Date.parse(e.scheduled_start_time);
    if (Number.isNaN(start)) errors.push("scheduled_start_time: not an ISO8601 timestamp");
    if (this.now && start < this.now().getTime()) errors.push("scheduled_start_time: cannot be in the past");
    if (e.entity_type === 3) {
      if (e.channel_id !== null) errors.push("channel_id: must be null for EXTERNAL");
      const location = e.entity_metadata?.location;
      if (length(location) < 1 || length(location) > 100)
        errors.push("entity_metadata.location: 1-100 characters");
      const end = e.scheduled_end_time === null ? Number.NaN : Date.parse(e.scheduled_end_time);
      if (Number.isNaN(end)) errors.push("scheduled_end_time: required for EXTERNAL");
      else if (end <= start) errors.push("scheduled_end_time: must be after the start");
    } else if (e.entity_type !== 1 && e.entity_type !== 2) errors.push("entity_type: unknown");
    return errors;
  }

  private create(guildId: string, b: Record<string, unknown>): EventAnswer {
    if (this.live(guildId).length >= MAX_LIVE)
      return {
        status: 400,
        body: { code: 30038, message: "Maximum number of guild scheduled events reached" },
      };
    const fields = {
      guild_id: guildId,
      channel_id: (b.channel_id as string | undefined) ?? null,
      name: b.name as string,
      description: (b.description as string | undefined) ?? null,
      scheduled_start_time: b.scheduled_start_time as string,
      scheduled_end_time: (b.scheduled_end_time as string | undefined) ?? null,
      privacy_level: b.privacy_level as number,
      entity_type: b.entity_type as number,
      entity_metadata: (b.entity_metadata as { location?: string } | undefined) ?? null,
    };
    const errors = this.problems(fields);
    if (errors.length) return invalid(errors);
    const event: StandInEvent = {
      ...fields,
      id: this.newId(),
      creator_id: this.botUserId(),
      status: SCHEDULED,
      entity_id: null,
    };
    this.events.set(event.id, event);
    return { status: 200, body: event };
  }

  private modify(event: StandInEvent, b: Record<string, unknown>): EventAnswer {
    if (b.status !== undefined) {
      const to = b.status as number;
      const allowed =
        (event.status === SCHEDULED && (to === ACTIVE || to === CANCELED)) ||
        (event.status === ACTIVE && to === 3);
      if (!allowed) return invalid([`status: cannot go from ${event.status} to ${to}`]);
    }
    const { status: _status, ...rest } = b;
    const next = { ...event, ...(rest as Partial<StandInEvent>) };
    if (Object.keys(rest).length > 0) {
      const errors = this.problems(next);
      if (errors.length) return invalid(errors);
    }
    if (b.status !== undefined) next.status = b.status as number;
    this.events.set(event.id, next);
    return { status: 200, body: next };
  }
}
