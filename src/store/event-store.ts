/**
 * What the scheduled events' sync remembers: one row per (platform, workspace, story, deadline) with
 * the platform's event id and a fingerprint of what the event was last made to say. A process works
 * on a row only while it holds the row's lease (`claimEvent`, as the delivery ledger's claims), so two
 * processes never create the same event twice; a crash between the platform's create and `saveEvent`
 * leaves the row without an id, and the next claimant finds the event by its marker before creating.
 * The SQL of both engines is src/store/events-sql.ts (migration 8).
 */

/** One deadline's event in one workspace (a Discord server). */
export interface EventRef {
  platform: string;
  /** The Discord guild id. */
  workspaceId: string;
  story: string;
  deadline: string;
}

export interface EventRow extends EventRef {
  /** The platform's id of the event, once created (or found by its marker). */
  eventId: string | undefined;
  /** What the event was last made to say (see `fingerprintOf`); undefined before it exists. */
  synced: string | undefined;
  /** Cancelled, removed or past: nothing more to do unless the deadline is wanted again. */
  ended: boolean;
  /** Who holds the row's lease (host:pid:…), if anyone ever did. */
  owner: string | undefined;
  /** Until when the owner's lease runs; anyone may claim the row from then on. */
  leaseUntil: Date;
  updatedAt: Date;
}

/** What a sync step leaves in the row. */
export interface EventState {
  eventId: string | undefined;
  synced: string | undefined;
  ended: boolean;
}

export interface EventStore {
  /** The rows of a platform whose event has not ended (an ended row is claimed again only when wanted again). */
  openEvents(platform: string): Promise<EventRow[]>;
  /**
   * Takes the row's lease for `lease.owner` until `lease.until` (creating the row when it is new),
   * unless another owner's lease still runs at `at`. The row as it stands, or undefined when not taken.
   */
  claimEvent(ref: EventRef, lease: { owner: string; until: Date }, at: Date): Promise<EventRow | undefined>;
  /**
   * Writes what a sync step did (nothing when `state` is undefined) and ends `owner`'s lease. False
   * when the row is no longer `owner`'s (its lease ended and another process took it).
   */
  saveEvent(ref: EventRef, owner: string, state: EventState | undefined, at: Date): Promise<boolean>;
}
