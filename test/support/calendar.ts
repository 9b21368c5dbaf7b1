/** What a calendar feed (iCalendar text) says, read with ical.js as a calendar application would. */
import ICAL from "ical.js";

/** The SEQUENCE of the truce's handover event in a feed (undefined when the feed has no such event). */
export function handoverSequence(text: string): unknown {
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
  return events
    .find((e) => e.getFirstPropertyValue("uid") === "handover@truce.ceasefire-bot")
    ?.getFirstPropertyValue("sequence");
}
