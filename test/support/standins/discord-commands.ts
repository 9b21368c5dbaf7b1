/**
 * The stand-in Discord's application commands (every `StandInDiscord`'s `commands`): the bulk
 * overwrite of `PUT /applications/:app/commands` (and a server's), checked as Discord checks it, and
 * what each scope holds afterwards with the localizations it was sent. Discord refuses the whole body
 * (400, code 50035 Invalid Form Body) when a name, a description or a choice's name is out of its
 * limits, or when a localization is keyed by a locale it does not have (it has no `ar`, no `he`).
 */
import { Locale } from "discord-api-types/v10";

/** A text per locale, as registered. */
export type RegisteredLocalizations = Readonly<Record<string, string>>;

export interface RegisteredOption {
  name: string;
  description: string;
  name_localizations?: RegisteredLocalizations;
  description_localizations?: RegisteredLocalizations;
  choices?: { name: string; name_localizations?: RegisteredLocalizations; value: string | number }[];
}

export interface RegisteredCommand {
  id: string;
  name: string;
  description: string;
  name_localizations?: RegisteredLocalizations;
  description_localizations?: RegisteredLocalizations;
  options?: RegisteredOption[];
}

/** Discord's limits on what a command is registered with. */
const LIMITS = { name: 32, description: 100, choiceName: 100 } as const;
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));

/** Where a registration breaks Discord's rules, as "path: problem" (none: it is taken). */
export function registrationProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(body)) return ["body: not an array"];
  const text = (path: string, value: unknown, max: number, name = false) => {
    if (typeof value !== "string" || value.length < 1 || value.length > max) {
      problems.push(`${path}: must be 1 to ${max} characters`);
    } else if (name && !NAME.test(value)) problems.push(`${path}: not a valid name`);
  };
  const localizations = (path: string, value: unknown, max: number, name = false) => {
    if (value === undefined || value === null) return;
    for (const [locale, localized] of Object.entries(value as Record<string, unknown>)) {
      if (!LOCALES.has(locale)) problems.push(`${path}.${locale}: not a valid locale`);
      else text(`${path}.${locale}`, localized, max, name);
    }
  };
  body.forEach((command: RegisteredCommand, i) => {
    text(`${i}.name`, command.name, LIMITS.name, true);
    text(`${i}.description`, command.description, LIMITS.description);
    localizations(`${i}.name_localizations`, command.name_localizations, LIMITS.name, true);
    localizations(`${i}.description_localizations`, command.description_localizations, LIMITS.description);
    (command.options ?? []).forEach((option, j) => {
      const at = `${i}.options.${j}`;
      text(`${at}.name`, option.name, LIMITS.name, true);
      text(`${at}.description`, option.description, LIMITS.description);
      localizations(`${at}.name_localizations`, option.name_localizations, LIMITS.name, true);
      localizations(`${at}.description_localizations`, option.description_localizations, LIMITS.description);
      (option.choices ?? []).forEach((choice, k) => {
        text(`${at}.choices.${k}.name`, choice.name, LIMITS.choiceName);
        localizations(`${at}.choices.${k}.name_localizations`, choice.name_localizations, LIMITS.choiceName);
      });
    });
  });
  return problems;
}

export class StandInDiscordCommands {
  /** What each scope holds: "global", or a server's id. */
  readonly registered = new Map<string, RegisteredCommand[]>();
  /** The problems of the registrations refused, in order. */
  readonly refused: string[][] = [];

  constructor(private readonly newId: () => string) {}

  /**
   * A bulk overwrite: the scope's commands become the body's (with ids), or nothing changes and the
   * answer is Discord's Invalid Form Body. Undefined when the request is not one.
   */
  handle(method: string, path: string, body: unknown): { status: number; body: unknown } | undefined {
    const match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (!match || method !== "PUT") return undefined;
    const problems = registrationProblems(body);
    if (problems.length || !Array.isArray(body)) {
      this.refused.push(problems);
      return {
        status: 400,
        body: {
          code: 50035,
          message: "Invalid Form Body",
          errors: Object.fromEntries(problems.map((p, n) => [n, p])),
        },
      };
    }
    const commands = (body as RegisteredCommand[]).map((c) => ({
      ...c,
      id: this.newId(),
      application_id: match[1],
      ...(match[2] ? { guild_id: match[2] } : {}),
      version: this.newId(),
    }));
    this.registered.set(match[2] ?? "global", commands);
    return { status: 200, body: commands };
  }
}
