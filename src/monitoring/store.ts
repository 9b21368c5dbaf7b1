/** A Store that reports how long each operation took: the store latency histogram. */

import type { FeedState, Lead, LeadDecision, LeadQuery, LeadState, NewLead } from "../feeds/lead.js";
import type { Language } from "../language/languages.js";
import type { EventRef, EventRow, EventState } from "../store/event-store.js";
import type { UserRef } from "../store/languages-sql.js";
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
} from "../store/store.js";
import type { AnchorRef, ThreadAnchor, ThreadMode } from "../store/threads-sql.js";
import type { Metrics } from "./metrics.js";

export class TimedStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly metrics: Metrics,
  ) {}

  get engine(): Store["engine"] {
    return this.inner.engine;
  }

  private async timed<T>(operation: string, run: () => Promise<T>): Promise<T> {
    const done = this.metrics.storeStarted(operation);
    try {
      return await run();
    } finally {
      done();
    }
  }

  subscribe(input: SubscribeInput, at: Date): Promise<Subscription> {
    return this.timed("subscribe", () => this.inner.subscribe(input, at));
  }
  deactivate(
    channel: ChannelRef & { story?: string | undefined },
    reason: string,
    at: Date,
  ): Promise<number> {
    return this.timed("deactivate", () => this.inner.deactivate(channel, reason, at));
  }
  subscription(channel: StoryChannelRef): Promise<Subscription | undefined> {
    return this.timed("subscription", () => this.inner.subscription(channel));
  }
  channelSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    return this.timed("channelSubscriptions", () => this.inner.channelSubscriptions(channel));
  }
  receivedKeys(keys: readonly string[]): Promise<ChannelRef[]> {
    return this.timed("receivedKeys", () => this.inner.receivedKeys(keys));
  }
  receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]> {
    return this.timed("receivedBy", () => this.inner.receivedBy(keyPrefixes));
  }
  activeSubscriptions(): Promise<Subscription[]> {
    return this.timed("activeSubscriptions", () => this.inner.activeSubscriptions());
  }
  claim(entry: NewDelivery, at: Date): Promise<boolean> {
    return this.timed("claim", () => this.inner.claim(entry, at));
  }
  skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean> {
    return this.timed("skip", () => this.inner.skip(entry, reason, at));
  }
  retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean> {
    return this.timed("retake", () => this.inner.retake(ref, seenAttempts, at, lease));
  }
  renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number> {
    return this.timed("renew", () => this.inner.renew(refs, lease, at));
  }
  endLeases(at: Date): Promise<number> {
    return this.timed("endLeases", () => this.inner.endLeases(at));
  }
  finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean> {
    return this.timed("finish", () => this.inner.finish(ref, outcome, at));
  }
  delivery(ref: DeliveryRef): Promise<Delivery | undefined> {
    return this.timed("delivery", () => this.inner.delivery(ref));
  }
  unconfirmed(leaseEndedBy: Date): Promise<Delivery[]> {
    return this.timed("unconfirmed", () => this.inner.unconfirmed(leaseEndedBy));
  }
  deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]> {
    return this.timed("deliveriesOf", () => this.inner.deliveriesOf(keyPrefixes, limit));
  }
  recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]> {
    return this.timed("recentDeliveries", () => this.inner.recentDeliveries(channel, limit));
  }
  ping(): Promise<void> {
    return this.timed("ping", () => this.inner.ping());
  }
  recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void> {
    return this.timed("recordChanges", () => this.inner.recordChanges(changes, at));
  }
  changes(story: string, limit: number): Promise<ChangeRecord[]> {
    return this.timed("changes", () => this.inner.changes(story, limit));
  }
  getState(name: string): Promise<string | undefined> {
    return this.timed("getState", () => this.inner.getState(name));
  }
  setState(name: string, value: string, at: Date): Promise<void> {
    return this.timed("setState", () => this.inner.setState(name, value, at));
  }
  updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T> {
    return this.timed("updateState", () => this.inner.updateState(names, change, at));
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  addLeads(leads: readonly NewLead[], at: Date): Promise<Lead[]> {
    return this.timed("addLeads", () => this.inner.addLeads(leads, at));
  }
  leads(query: LeadQuery): Promise<Lead[]> {
    return this.timed("leads", () => this.inner.leads(query));
  }
  leadCounts(story: string): Promise<Record<LeadState, number>> {
    return this.timed("leadCounts", () => this.inner.leadCounts(story));
  }
  lead(id: number): Promise<Lead | undefined> {
    return this.timed("lead", () => this.inner.lead(id));
  }
  decideLead(id: number, decision: LeadDecision, by: string, at: Date): Promise<boolean> {
    return this.timed("decideLead", () => this.inner.decideLead(id, decision, by, at));
  }
  leadsFoundBetween(story: string, after: Date, until: Date): Promise<Lead[]> {
    return this.timed("leadsFoundBetween", () => this.inner.leadsFoundBetween(story, after, until));
  }
  feedState(story: string, feedId: string): Promise<FeedState | undefined> {
    return this.timed("feedState", () => this.inner.feedState(story, feedId));
  }
  feedStates(story: string): Promise<FeedState[]> {
    return this.timed("feedStates", () => this.inner.feedStates(story));
  }
  saveFeedState(state: FeedState): Promise<void> {
    return this.timed("saveFeedState", () => this.inner.saveFeedState(state));
  }
  openEvents(platform: string): Promise<EventRow[]> {
    return this.timed("openEvents", () => this.inner.openEvents(platform));
  }
  claimEvent(ref: EventRef, lease: { owner: string; until: Date }, at: Date): Promise<EventRow | undefined> {
    return this.timed("claimEvent", () => this.inner.claimEvent(ref, lease, at));
  }
  saveEvent(ref: EventRef, owner: string, state: EventState | undefined, at: Date): Promise<boolean> {
    return this.timed("saveEvent", () => this.inner.saveEvent(ref, owner, state, at));
  }
  setThreadMode(channel: ChannelRef, mode: ThreadMode, at: Date): Promise<void> {
    return this.timed("setThreadMode", () => this.inner.setThreadMode(channel, mode, at));
  }
  threadMode(channel: ChannelRef): Promise<ThreadMode> {
    return this.timed("threadMode", () => this.inner.threadMode(channel));
  }
  threadedChannels(): Promise<(ChannelRef & { mode: ThreadMode })[]> {
    return this.timed("threadedChannels", () => this.inner.threadedChannels());
  }
  threadOf(ref: AnchorRef): Promise<ThreadAnchor | undefined> {
    return this.timed("threadOf", () => this.inner.threadOf(ref));
  }
  claimThread(ref: AnchorRef, starterKey: string, at: Date): Promise<ThreadAnchor> {
    return this.timed("claimThread", () => this.inner.claimThread(ref, starterKey, at));
  }
  recordThread(ref: AnchorRef, starterKey: string, threadId: string): Promise<string | undefined> {
    return this.timed("recordThread", () => this.inner.recordThread(ref, starterKey, threadId));
  }
  passThread(ref: AnchorRef, fromKey: string, toKey: string): Promise<boolean> {
    return this.timed("passThread", () => this.inner.passThread(ref, fromKey, toKey));
  }
  forgetThread(ref: AnchorRef, threadId: string): Promise<boolean> {
    return this.timed("forgetThread", () => this.inner.forgetThread(ref, threadId));
  }
  userLanguage(ref: UserRef): Promise<Language | undefined> {
    return this.timed("userLanguage", () => this.inner.userLanguage(ref));
  }
  setUserLanguage(ref: UserRef, language: Language | undefined, at: Date): Promise<void> {
    return this.timed("setUserLanguage", () => this.inner.setUserLanguage(ref, language, at));
  }
  takeWindow(key: string, ms: number): Promise<number> {
    return this.timed("takeWindow", () => this.inner.takeWindow(key, ms));
  }
}
