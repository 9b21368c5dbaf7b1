/**
 * The desk's language: the curator's choice (the language menu of every page, remembered in the
 * `desk_lang` cookie), else the browser's Accept-Language (its first language of ours, by q order),
 * else English. Every page is written with the words of that language, `<html lang dir>` set from it
 * (docs/decisions/0030-languages-and-the-fallback-chain.md).
 */
import type { Context, Hono, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { html, raw } from "hono/html";
import { CATALOGS } from "../language/catalogs/index.js";
import {
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  languageOfLocale,
} from "../language/languages.js";
import type { MessageKey } from "../language/words.js";
import { type Params, type Words, wordsFor } from "../language/words.js";
import type { Env } from "./context.js";
import type { Html } from "./pages.js";

export const LANGUAGE_COOKIE = "desk_lang";

/** The first language of ours an Accept-Language header asks for, by quality (ties: as listed). */
export function languageOfAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.tag !== "" && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const range of ranges) {
    const language = languageOfLocale(range.tag);
    if (language) return language;
  }
  return undefined;
}

/** The language a request is answered in: the cookie's, the browser's, English. */
export function languageOf(c: Context): Language {
  const chosen = getCookie(c, LANGUAGE_COOKIE);
  if (isLanguage(chosen)) return chosen;
  return languageOfAcceptLanguage(c.req.header("accept-language")) ?? "en";
}

/** Sets the request's words (`c.get("words")`) before any page is written. */
export function deskLanguage(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const words = wordsFor(languageOf(c));
    c.set("words", words);
    await next();
    c.header("Content-Language", words.language);
    c.header("Vary", "Accept-Language, Cookie", { append: true });
  };
}

/** The address the menu goes back to: a page of the desk, never another site. */
export function backTo(path: string | undefined): string {
  return path && /^\/desk(?:[/?][^\s\\]*)?$/.test(path) && !path.startsWith("//") ? path : "/desk/";
}

/** GET /desk/language?lang=ar&back=/desk/…: remembers the language chosen, back to the page. */
export function languageRoute(app: Hono<Env>, secure: boolean): void {
  app.get("/desk/language", (c) => {
    const lang = c.req.query("lang");
    if (isLanguage(lang)) {
      setCookie(c, LANGUAGE_COOKIE, lang, {
        path: "/desk",
        sameSite: "Lax",
        httpOnly: true,
        secure,
        maxAge: 365 * 86_400,
      });
    }
    return c.redirect(backTo(c.req.query("back")), 303);
  });
}

/** The language menu of every page: a select and a button (no script), back to the same page. */
export function languageMenu(words: Words, here: string): Html {
  return html`<form method="get" action="/desk/language" class="language" aria-label="${words.t("desk.language.menu")}">
    <label for="desk-language">${words.t("desk.language.label")}</label>
    <select id="desk-language" name="lang">
      ${LANGUAGES.map(
        (l) =>
          html`<option value="${l}" lang="${l}" ${l === words.language ? "selected" : ""}>${LANGUAGE_NAMES[l]}</option>`,
      )}
    </select>
    <input type="hidden" name="back" value="${backTo(here)}" />
    <button type="submit">${words.t("desk.language.apply")}</button>
  </form>`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const escapeText = (text: string) => text.replace(/[&<>]/g, (ch) => ESCAPES[ch] ?? ch);

/**
 * A message with markup in its parameters (`<code>${file}</code>`): the message's own words are
 * escaped, each Html parameter put in whole where the message names it (isolated in ar and he, as
 * every parameter is). Text parameters are escaped like the message.
 */
export function rich(
  words: Words,
  key: MessageKey,
  params: Readonly<Record<string, Html | string | number>>,
): Html {
  const markup = Object.entries(params).filter((e): e is [string, Html] => typeof e[1] === "object");
  const build = (parts: readonly string[]): Html => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) {
      if (typeof value !== "object") values[name] = value;
    }
    markup.forEach(([name], i) => {
      values[name] = `\uE000${i}\uE001`;
    });
    const text = escapeText(words.t(key, values as Params));
    return raw(text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => parts[Number(i)] ?? ""));
  };
  if (markup.some(([, v]) => v instanceof Promise)) {
    return Promise.all(markup.map(([, v]) => v)).then((done) => build(done.map(String)));
  }
  return build(markup.map(([, v]) => String(v)));
}

/**
 * A data code in the curator's words: a status, a qualifier, a kind (`desk-terms.qualifier.about`),
 * or the code as the data writes it when the catalog has no word for it.
 */
export function term(words: Words, group: string, code: string): string {
  const key = `${group}.${code}`;
  return Object.hasOwn(CATALOGS.en, key) ? words.t(key as MessageKey) : code;
}
