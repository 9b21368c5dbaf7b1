/**
 * A platform's scheduled events kept in memory, for the sync's specs (the port of
 * src/calendar-events/port.ts, as RecordingSender is the Sender's): what each server has, every call
 * made, and failures on demand (a server that denies the permission, a crash right after a create).
 */
import type {
  EventFailure,
  EventSpec,
  PlatformEvent,
  ScheduledEvents,
} from "../../src/calendar-events/port.js";
import type { Subscription } from "../../src/store/store.js";

export interface RecordedEvent {
  id: string;
  guildId: string;
  spec: EventSpec;
  status: "scheduled" | "active" | "canceled";
}

export interface EventCall {
  op: "list" | "create" | "update" | "cancel" | "remove";
  guildId: string;
  eventId?: string;
}

class DeniedError extends Error {}
class UnknownEventError extends Error {}
class RefusedError extends Error {}
/** What a process that dies right after the platform accepted its create looks like to the sync. */
export class CrashError extends Error {}

export class RecordingEvents implements ScheduledEvents {
  readonly limits = { name: 100, description: 1000, location: 100 };
  readonly events = new Map<string, RecordedEvent>();
  readonly calls: EventCall[] = [];
  /** Servers where the bot lacks the permission. */
  readonly denied = new Set<string>();
  /** Creates that succeed and then fail as if the process had died before saving the id. */
  crashAfterCreate = 0;
  /** Refuse every change of an event (as Discord refuses moving one that has begun). */
  refuseUpdates = false;
  /** Refuse every create (as Discord does past 100 events in a server). */
  refuseCreates = false;
  private next = 1;

  constructor(readonly platform = "discord") {}

  private check(guildId: string, call: EventCall): void {
    this.calls.push(call);
    if (this.denied.has(guildId)) throw new DeniedError("Missing Permissions");
  }

  private existing(guildId: string, eventId: string): RecordedEvent {
    const event = this.events.get(eventId);
    if (!event || event.guildId !== guildId) throw new UnknownEventError("Unknown Guild Scheduled Event");
    return event;
  }

  async list(guildId: string): Promise<PlatformEvent[]> {
    this.check(guildId, { op: "list", guildId });
    return this.in(guildId).map((e) => ({ id: e.id, description: e.spec.description }));
  }

  async create(guildId: string, spec: EventSpec): Promise<string> {
    this.check(guildId, { op: "create", guildId });
    if (this.refuseCreates)
      throw new RefusedError("Maximum number of guild scheduled events reached (30038)");
    const id = `event-${this.next++}`;
    this.events.set(id, { id, guildId, spec, status: "scheduled" });
    if (this.crashAfterCreate > 0) {
      this.crashAfterCreate--;
      throw new CrashError("the process died before saving the event's id");
    }
    return id;
  }

  async update(guildId: string, eventId: string, spec: EventSpec): Promise<void> {
    this.check(guildId, { op: "update", guildId, eventId });
    if (this.refuseUpdates) throw new RefusedError("Invalid Form Body (50035)");
    this.existing(guildId, eventId).spec = spec;
  }

  async cancel(guildId: string, eventId: string): Promise<void> {
    this.check(guildId, { op: "cancel", guildId, eventId });
    this.existing(guildId, eventId).status = "canceled";
  }

  async remove(guildId: string, eventId: string): Promise<void> {
    this.check(guildId, { op: "remove", guildId, eventId });
    this.existing(guildId, eventId);
    this.events.delete(eventId);
  }

  classify(err: unknown): EventFailure {
    if (err instanceof DeniedError)
      return { type: "missing-permission", reason: "the bot lacks Manage Events (50013)" };
    if (err instanceof UnknownEventError) return { type: "unknown-event", reason: err.message };
    if (err instanceof RefusedError) return { type: "rejected", reason: err.message };
    return { type: "rejected", reason: String(err) };
  }

  /** A server's events, not cancelled. */
  in(guildId: string): RecordedEvent[] {
    return [...this.events.values()].filter((e) => e.guildId === guildId && e.status !== "canceled");
  }

  ops(op: EventCall["op"]): EventCall[] {
    return this.calls.filter((c) => c.op === op);
  }
}

/** An active subscription of kind events (a server following a story's deadlines). */
export function eventsSubscription(over: Partial<Subscription> = {}): Subscription {
  return {
    platform: "discord",
    channelId: "c1",
    story: "truce",
    workspaceId: "g1",
    kind: "events",
    leadTimes: undefined,
    since: new Date(0),
    active: true,
    createdBy: undefined,
    updatedAt: new Date(0),
    deactivatedAt: undefined,
    deactivationReason: undefined,
    ...over,
  };
}
