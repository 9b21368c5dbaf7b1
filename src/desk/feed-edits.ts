/**
 * The desk's forms for a story's `feeds` list: add a feed or change one (the same form: it names the
 * feed it replaces, or none), and remove one. Each is checked by the loader's own feed schema, then
 * applied to the file's text like every other edit, and goes through the same check-then-save flow.
 */
import type { Story } from "../dataset/dataset.js";
import { type Feed, feedSchema } from "../dataset/schema-feeds.js";
import { ENGLISH, type MessageKey, type Words } from "../language/words.js";
import { compact, EditError, edit, type Form, fieldErrors, indexOfId, list, text } from "./edit-text.js";
import type { Parsed } from "./edits.js";
import type { Field } from "./pages.js";

/** The form field naming the feed a form changes or removes (empty: a new feed). */
export const FEED_KEY = "feed" as const;

/** A feed's fields as its form holds them (keywords separated by commas). */
export function feedValues(feed: Feed): Form {
  return {
    [FEED_KEY]: feed.id,
    id: feed.id,
    url: feed.url,
    outlet: feed.outlet,
    interval: feed.interval,
    include: (feed.include ?? []).join(", "),
    exclude: (feed.exclude ?? []).join(", "),
  };
}

/** What a link may open the feed form on: the feed to change or remove (`?feed=reuters-world`). */
export function feedPresets(story: Story, query: Record<string, string>): Form {
  const feed = story.feeds.find((f) => f.id === query[FEED_KEY]);
  return feed ? feedValues(feed) : {};
}

export const FEED_FORMS = {
  feed: {
    title: "Add or change a feed",
    read(form: Form, { words: w = ENGLISH }: { words?: Words } = {}): Parsed {
      const item = compact({
        id: text(form.id),
        url: text(form.url),
        outlet: text(form.outlet),
        interval: text(form.interval),
        include: list(form.include),
        exclude: list(form.exclude),
      });
      const parsed = feedSchema.safeParse(item);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      const replaces = text(form[FEED_KEY]);
      return {
        ok: true,
        apply(file, data) {
          if (replaces === undefined) {
            if (data.feeds.some((f) => f.id === item.id)) {
              throw new EditError({ id: w.t("desk-forms.error.feed-exists", { id: item.id ?? "" }) });
            }
            const at = data.feeds.length;
            return { text: edit(file, ["feeds", at], item, true), at: `feeds[${at}]` };
          }
          const i = indexOfId(data.feeds, replaces, FEED_KEY, w);
          return { text: edit(file, ["feeds", i], item), at: `feeds[${i}]` };
        },
      };
    },
  },
  "feed-remove": {
    title: "Remove a feed",
    read(form: Form, { words: w = ENGLISH }: { words?: Words } = {}): Parsed {
      const id = text(form[FEED_KEY]);
      if (id === undefined) return { ok: false, errors: { [FEED_KEY]: w.t("desk-forms.error.choose-feed") } };
      return {
        ok: true,
        apply(file, data) {
          const i = indexOfId(data.feeds, id, FEED_KEY, w);
          return { text: edit(file, ["feeds", i], undefined), at: `feeds[${i}]` };
        },
      };
    },
  },
} as const;

type FieldMaker = (name: string, label: string, extra?: Partial<Field>) => Field;

/** The fields of the feed forms. */
export function feedFields(
  story: Story,
  name: keyof typeof FEED_FORMS,
  f: FieldMaker,
  w: Words = ENGLISH,
): Field[] {
  const feeds = story.feeds.map((x) => ({ value: x.id, label: `${x.id} — ${x.outlet}` }));
  const l = (key: string) => w.t(`desk-leads.feed-field.${key}` as MessageKey);
  if (name === "feed-remove") return [f(FEED_KEY, l("remove"), { type: "select", choices: feeds })];
  return [
    f(FEED_KEY, l("change"), {
      type: "select",
      choices: [{ value: "", label: l("none") }, ...feeds],
    }),
    f("id", l("id"), { required: true }),
    f("url", l("url"), { required: true }),
    f("outlet", l("outlet"), { required: true }),
    f("interval", l("interval"), { hint: l("interval-hint") }),
    f("include", l("include"), { hint: l("include-hint") }),
    f("exclude", l("exclude"), { hint: l("exclude-hint") }),
  ];
}
