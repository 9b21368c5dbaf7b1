/**
 * What the scheduled events' sync needs from a platform that has them (Discord servers): list a
 * server's events, create one, change it, cancel or remove it, and say what a failure means. The
 * sync never sees a platform client; src/platforms/discord/scheduled-events.ts answers for Discord,
 * tests use a recording one.
 */

/** What an event says and when it runs: one deadline as known at an instant. */
export interface EventSpec {
  name: string;
  /** The deadline's phrase and due date, attribution, sources, and the marker's line last. */
  description: string;
  /** Where it happens, as people read it: the story's title. */
  location: string;
  start: Date;
  end: Date;
}

/** An event as the platform lists it. */
export interface PlatformEvent {
  id: string;
  description: string | undefined;
}

/**
 * - missing-permission: the bot may not manage the server's events (or cannot see the server): pause
 *   the server's sync, retry later with a back-off.
 * - unknown-event: the event is no longer there (someone deleted it).
 * - transient: a 5xx, a timeout: try again on a later tick.
 * - rejected: anything else: log it, try again on a later tick.
 */
export interface EventFailure {
  type: "missing-permission" | "unknown-event" | "transient" | "rejected";
  /** For the log and /subscriptions: "the bot lacks Manage Events (50013)". */
  reason: string;
}

export interface ScheduledEvents {
  readonly platform: string;
  /** The platform's limits on an event's text (characters). */
  readonly limits: { readonly name: number; readonly description: number; readonly location: number };
  list(workspaceId: string): Promise<PlatformEvent[]>;
  /** Creates the event; its id. */
  create(workspaceId: string, spec: EventSpec): Promise<string>;
  update(workspaceId: string, eventId: string, spec: EventSpec): Promise<void>;
  /** Cancels an event that has not begun (an event that has begun is removed instead). */
  cancel(workspaceId: string, eventId: string): Promise<void>;
  /** Removes the event. */
  remove(workspaceId: string, eventId: string): Promise<void>;
  classify(err: unknown): EventFailure;
}
