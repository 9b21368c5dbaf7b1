/**
 * What both engines answer alike: every Store method but opening, pinging and closing is one part's
 * (subscriptions-sql.ts, claims-sql.ts, ledger-sql.ts, state-sql.ts, edit-record-sql.ts, leads-sql.ts,
 * languages-sql.ts), each with
 * its SQLite and PostgreSQL dialects side by side. An engine builds its parts on its connection and
 * hands them here.
 */

import type {
  FeedState,
  Lead,
  LeadDecision,
  LeadQuery,
  LeadState,
  LeadStore,
  NewLead,
} from "../feeds/lead.js";
import type { Language } from "../language/languages.js";
import type { EventRef, EventRow, EventState, EventStore } from "./event-store.js";
import type { UserLanguageStore, UserRef } from "./languages-sql.js";
import type {
  ChangeRecord,
  ChannelRef,
  Delivery,
  DeliveryRef,
  Lease,
  NewChangeRecord,
  NewDelivery,
  Outcome,
  StateChange,
  Store,
  StoryChannelRef,
  SubscribeInput,
  Subscription,
} from "./store.js";
import type { AnchorRef, ThreadAnchor, ThreadMode, ThreadStore } from "./threads-sql.js";
import type { WindowStore } from "./windows-sql.js";

/** An engine's parts, one per concern. */
export interface StoreParts {
  subscriptions: Pick<
    Store,
    "subscribe" | "deactivate" | "subscription" | "channelSubscriptions" | "activeSubscriptions"
  >;
  claims: Pick<Store, "claim" | "skip" | "retake" | "renew" | "endLeases" | "finish">;
  ledger: Pick<
    Store,
    "delivery" | "unconfirmed" | "receivedBy" | "receivedKeys" | "deliveriesOf" | "recentDeliveries"
  >;
  state: Pick<Store, "getState" | "setState" | "updateState">;
  records: Pick<Store, "recordChanges" | "changes">;
  leads: LeadStore;
  events: EventStore;
  threads: ThreadStore;
  languages: UserLanguageStore;
  windows: WindowStore;
}

/** A Store whose methods its parts answer; the engine adds its own opening, ping and close. */
export abstract class StoreOnParts implements Store {
  abstract readonly engine: Store["engine"];

  protected constructor(private readonly parts: StoreParts) {}

  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  // Subscriptions (subscriptions-sql.ts)

  subscribe(input: SubscribeInput, at: Date): Promise<Subscription> {
    return this.parts.subscriptions.subscribe(input, at);
  }

  deactivate(
    channel: ChannelRef & { story?: string | undefined },
    reason: string,
    at: Date,
  ): Promise<number> {
    return this.parts.subscriptions.deactivate(channel, reason, at);
  }

  subscription(channel: StoryChannelRef): Promise<Subscription | undefined> {
    return this.parts.subscriptions.subscription(channel);
  }

  channelSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    return this.parts.subscriptions.channelSubscriptions(channel);
  }

  activeSubscriptions(): Promise<Subscription[]> {
    return this.parts.subscriptions.activeSubscriptions();
  }

  // The ledger's claims (claims-sql.ts)

  claim(entry: NewDelivery, at: Date): Promise<boolean> {
    return this.parts.claims.claim(entry, at);
  }

  skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean> {
    return this.parts.claims.skip(entry, reason, at);
  }

  retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean> {
    return this.parts.claims.retake(ref, seenAttempts, at, lease);
  }

  renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number> {
    return this.parts.claims.renew(refs, lease, at);
  }

  endLeases(at: Date): Promise<number> {
    return this.parts.claims.endLeases(at);
  }

  finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean> {
    return this.parts.claims.finish(ref, outcome, at);
  }

  // The ledger's rows (ledger-sql.ts)

  delivery(ref: DeliveryRef): Promise<Delivery | undefined> {
    return this.parts.ledger.delivery(ref);
  }

  unconfirmed(leaseEndedBy: Date): Promise<Delivery[]> {
    return this.parts.ledger.unconfirmed(leaseEndedBy);
  }

  receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]> {
    return this.parts.ledger.receivedBy(keyPrefixes);
  }

  receivedKeys(keys: readonly string[]): Promise<ChannelRef[]> {
    return this.parts.ledger.receivedKeys(keys);
  }

  deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]> {
    return this.parts.ledger.deliveriesOf(keyPrefixes, limit);
  }

  recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]> {
    return this.parts.ledger.recentDeliveries(channel, limit);
  }

  // The edit record (edit-record-sql.ts)

  recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void> {
    return this.parts.records.recordChanges(changes, at);
  }

  changes(story: string, limit: number): Promise<ChangeRecord[]> {
    return this.parts.records.changes(story, limit);
  }

  // The scheduler's state (state-sql.ts)

  getState(name: string): Promise<string | undefined> {
    return this.parts.state.getState(name);
  }

  setState(name: string, value: string, at: Date): Promise<void> {
    return this.parts.state.setState(name, value, at);
  }

  updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T> {
    return this.parts.state.updateState(names, change, at);
  }

  // Leads and feed states (leads-sql.ts)

  addLeads(leads: readonly NewLead[], at: Date): Promise<Lead[]> {
    return this.parts.leads.addLeads(leads, at);
  }

  leads(query: LeadQuery): Promise<Lead[]> {
    return this.parts.leads.leads(query);
  }

  leadCounts(story: string): Promise<Record<LeadState, number>> {
    return this.parts.leads.leadCounts(story);
  }

  lead(id: number): Promise<Lead | undefined> {
    return this.parts.leads.lead(id);
  }

  decideLead(id: number, decision: LeadDecision, by: string, at: Date): Promise<boolean> {
    return this.parts.leads.decideLead(id, decision, by, at);
  }

  leadsFoundBetween(story: string, after: Date, until: Date): Promise<Lead[]> {
    return this.parts.leads.leadsFoundBetween(story, after, until);
  }

  feedState(story: string, feedId: string): Promise<FeedState | undefined> {
    return this.parts.leads.feedState(story, feedId);
  }

  feedStates(story: string): Promise<FeedState[]> {
    return this.parts.leads.feedStates(story);
  }

  saveFeedState(state: FeedState): Promise<void> {
    return this.parts.leads.saveFeedState(state);
  }

  // Scheduled events (events-sql.ts)

  openEvents(platform: string): Promise<EventRow[]> {
    return this.parts.events.openEvents(platform);
  }

  claimEvent(ref: EventRef, lease: { owner: string; until: Date }, at: Date): Promise<EventRow | undefined> {
    return this.parts.events.claimEvent(ref, lease, at);
  }

  saveEvent(ref: EventRef, owner: string, state: EventState | undefined, at: Date): Promise<boolean> {
    return this.parts.events.saveEvent(ref, owner, state, at);
  }

  // Threads (threads-sql.ts)

  setThreadMode(channel: ChannelRef, mode: ThreadMode, at: Date): Promise<void> {
    return this.parts.threads.setThreadMode(channel, mode, at);
  }

  threadMode(channel: ChannelRef): Promise<ThreadMode> {
    return this.parts.threads.threadMode(channel);
  }

  threadedChannels(): Promise<(ChannelRef & { mode: ThreadMode })[]> {
    return this.parts.threads.threadedChannels();
  }

  threadOf(ref: AnchorRef): Promise<ThreadAnchor | undefined> {
    return this.parts.threads.threadOf(ref);
  }

  claimThread(ref: AnchorRef, starterKey: string, at: Date): Promise<ThreadAnchor> {
    return this.parts.threads.claimThread(ref, starterKey, at);
  }

  recordThread(ref: AnchorRef, starterKey: string, threadId: string): Promise<string | undefined> {
    return this.parts.threads.recordThread(ref, starterKey, threadId);
  }

  passThread(ref: AnchorRef, fromKey: string, toKey: string): Promise<boolean> {
    return this.parts.threads.passThread(ref, fromKey, toKey);
  }

  forgetThread(ref: AnchorRef, threadId: string): Promise<boolean> {
    return this.parts.threads.forgetThread(ref, threadId);
  }

  // Each person's chosen language (languages-sql.ts)

  userLanguage(ref: UserRef): Promise<Language | undefined> {
    return this.parts.languages.userLanguage(ref);
  }

  setUserLanguage(ref: UserRef, language: Language | undefined, at: Date): Promise<void> {
    return this.parts.languages.setUserLanguage(ref, language, at);
  }

  // Shared time windows (windows-sql.ts)

  takeWindow(key: string, ms: number): Promise<number> {
    return this.parts.windows.takeWindow(key, ms);
  }
}
